using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Deployments;

/// <summary>A `helm` on PATH for what no cluster can answer here (upgrade --install, status, history): it records each
/// argument array and answers like Helm — success, "Error: UPGRADE FAILED: ...", or a timeout. Each upgrade adds a revision
/// to the release (per namespace) the "cluster" holds, which a test can also change by hand (<see cref="UpgradeByHand"/>,
/// <see cref="RollBackByHand"/>); `status -o json` and `history -o json` print it in Helm's own shapes (status: the release
/// of helm's pkg/release/v1/release.go and info.go — name, info {first_deployed, last_deployed, description, status},
/// chart {metadata {name, version, appVersion}}, config (the --set values), version, namespace; history: pkg/cmd/history.go's
/// releaseInfo — revision, updated, status, chart, app_version, description; times RFC 3339 with nanoseconds, as Go prints
/// them). Everything else (template, lint) goes to the real helm binary, so the dry run still renders the chart for real.</summary>
public sealed class HelmStandIn : IDisposable
{
    private readonly TempDirectory _directory = new("slipway-helm");

    public HelmStandIn()
    {
        Directory.CreateDirectory(_directory.Combine("bin"));
        Directory.CreateDirectory(_directory.Combine("calls"));
        var real = RealHelm.Path ?? "/nonexistent/helm";
        var script = $$$"""
            #!/bin/sh
            d='{{{_directory.Path}}}'
            call="$d/calls/$(date +%s%N)"
            : > "$call"
            for a in "$@"; do printf '%s\0' "$a" >> "$call"; done
            case "$1" in
              upgrade|status|history) ;;
              *) [ -x '{{{real}}}' ] && exec '{{{real}}}' "$@"; echo "Error: no real helm for $1" >&2; exit 1;;
            esac
            tag=""; prev=""; ns=default
            for a in "$@"; do
              if [ "$prev" = "--set" ]; then case "$a" in image.tag=*) tag="${a#image.tag=}";; esac; fi
              if [ "$prev" = "--namespace" ]; then ns="$a"; fi
              prev="$a"
            done
            if [ "$1" != upgrade ]; then
              if [ -f "$d/unreachable" ]; then cat "$d/unreachable" >&2; exit 1; fi
              f="$d/releases/$ns.$2"
              if [ ! -s "$f" ]; then echo "Error: release: not found" >&2; exit 1; fi
              last_ok=$(grep -n '^ok|' "$f" | tail -n 1 | cut -d: -f1)
              n=0; sep=""; first=""
              [ "$1" = history ] && printf '['
              while IFS='|' read -r outcome tag at desc; do
                n=$((n+1)); [ -n "$first" ] || first="$at"
                if [ "$outcome" = failed ]; then st=failed; elif [ "$n" = "$last_ok" ]; then st=deployed; else st=superseded; fi
                last_tag="$tag"; last_at="$at"; last_desc="$desc"
                if [ "$1" = history ]; then
                  printf '%s{"revision":%d,"updated":"%s","status":"%s","chart":"agent-bus-0.1.0","app_version":"1.2.0","description":"%s"}' "$sep" "$n" "$at" "$st" "$desc"
                  sep=","
                fi
              done < "$f"
              if [ "$1" = history ]; then echo ']'; exit 0; fi
              printf '{"name":"%s","info":{"first_deployed":"%s","last_deployed":"%s","deleted":"","description":"%s","status":"%s","notes":"agent-bus is running"},' "$2" "$first" "$last_at" "$last_desc" "$st"
              printf '"chart":{"metadata":{"name":"agent-bus","version":"0.1.0","description":"agent_bus","apiVersion":"v2","appVersion":"1.2.0","type":"application"},"lock":null,"templates":[],"values":{"image":{"repository":"ghcr.io/tefj-fun/agent_bus","tag":"latest"}},"schema":null,"files":[]},'
              printf '"config":{"image":{"tag":"%s"}},"manifest":"---\\n","version":%d,"namespace":"%s"}\n' "$last_tag" "$n" "$ns"
              exit 0
            fi
            mkdir -p "$d/releases"
            if [ -f "$d/block" ]; then . "$d/block"; fi
            if grep -qxF "$tag" "$d/fail" 2>/dev/null; then
              echo "failed|$tag|$(date -u +%Y-%m-%dT%H:%M:%S.%NZ)|Upgrade failed: CrashLoopBackOff" >> "$d/releases/$ns.$3"
              echo "Error: UPGRADE FAILED: release $3 failed: pods \"$3-api\" CrashLoopBackOff" >&2; exit 1
            fi
            if grep -qxF "$tag" "$d/timeout" 2>/dev/null; then
              echo "failed|$tag|$(date -u +%Y-%m-%dT%H:%M:%S.%NZ)|Upgrade failed: context deadline exceeded" >> "$d/releases/$ns.$3"
              echo "Error: UPGRADE FAILED: context deadline exceeded" >&2; exit 1
            fi
            echo "ok|$tag|$(date -u +%Y-%m-%dT%H:%M:%S.%NZ)|Upgrade complete" >> "$d/releases/$ns.$3"
            printf '%s' "$tag" > "$d/deployed.tmp" && mv "$d/deployed.tmp" "$d/deployed"
            echo "Release \"$3\" has been upgraded. Happy Helming!"
            echo "NAME: $3"
            echo "STATUS: deployed"
            """;
        var path = _directory.Combine("bin", "helm");
        File.WriteAllText(path, script.Replace("\r", string.Empty, StringComparison.Ordinal) + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>The folder to put first on PATH.</summary>
    public string BinDirectory => _directory.Combine("bin");

    /// <summary>The image tag the last successful upgrade installed ("" before any): what the fake cluster runs.</summary>
    public string Deployed => File.Exists(_directory.Combine("deployed")) ? File.ReadAllText(_directory.Combine("deployed")) : string.Empty;

    /// <summary>The <paramref name="nth"/> upgrade from now on stops at the gate (helm is changing the cluster) until the test opens it.</summary>
    public void BlockUpgrade(HoldPoint gate, int nth = 1) => File.WriteAllText(_directory.Combine("block"), gate.Script(nth) + "\n");

    /// <summary>Upgrades to this image tag fail like a crashing rollout.</summary>
    public void FailOn(string tag) => File.AppendAllText(_directory.Combine("fail"), tag + "\n");

    /// <summary>Upgrades succeed again, whatever <see cref="FailOn"/> said.</summary>
    public void Heal() => File.Delete(_directory.Combine("fail"));

    /// <summary>Upgrades to this image tag time out waiting for the rollout.</summary>
    public void TimeOutOn(string tag) => File.AppendAllText(_directory.Combine("timeout"), tag + "\n");

    /// <summary>Someone ran `helm upgrade` by hand: a new revision of the release in the namespace, running this image tag.</summary>
    public void UpgradeByHand(string ns, string release, string tag) => AddRevision(ns, release, "ok", tag, "Upgrade complete");

    /// <summary>Someone ran `helm rollback RELEASE REVISION` by hand: a new revision with that revision's image tag.</summary>
    public void RollBackByHand(string ns, string release, int revision)
    {
        var tag = File.ReadAllLines(ReleaseFile(ns, release))[revision - 1].Split('|')[1];
        AddRevision(ns, release, "ok", tag, $"Rollback to {revision}");
    }

    /// <summary>From now on status and history fail the way helm does when the cluster does not answer.</summary>
    public void LoseCluster() => File.WriteAllText(_directory.Combine("unreachable"),
        "Error: Kubernetes cluster unreachable: Get \"https://127.0.0.1:6443/version\": dial tcp 127.0.0.1:6443: connect: connection refused\n");

    /// <summary>Every argument array helm was called with, in order.</summary>
    public IReadOnlyList<string[]> Calls =>
        Directory.GetFiles(_directory.Combine("calls")).Order(StringComparer.Ordinal)
            .Select(f => File.ReadAllText(f).Split('\0')[..^1]).ToList();

    public IReadOnlyList<string[]> Upgrades => Calls.Where(c => c.Length > 0 && c[0] == "upgrade").ToList();

    public void Dispose() => _directory.Dispose();

    private string ReleaseFile(string ns, string release) => _directory.Combine("releases", $"{ns}.{release}");

    private void AddRevision(string ns, string release, string outcome, string tag, string description)
    {
        Directory.CreateDirectory(_directory.Combine("releases"));
        var at = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'00Z'", System.Globalization.CultureInfo.InvariantCulture);
        File.AppendAllText(ReleaseFile(ns, release), $"{outcome}|{tag}|{at}|{description}\n");
    }
}

/// <summary>The real helm binary installed by scripts/install-test-deps.sh into .tools/helm (or found on PATH).</summary>
public static class RealHelm
{
    private static readonly Lazy<string?> Found = new(Find);

    public static string? Path => Found.Value;

    public static string Require() => Path ?? throw new InvalidOperationException("helm is not installed: run scripts/install-test-deps.sh (it puts helm in .tools/helm)");

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, ".tools", "helm", "helm", "helm");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':')
            .Select(p => System.IO.Path.Combine(p, "helm")).FirstOrDefault(File.Exists);
    }

    /// <summary>The agent-bus example's chart, shaped like agent_bus's (examples/agent-bus/helm/agent-bus).</summary>
    public static string AgentBusChart() => SourceTree.Path("examples/agent-bus/helm/agent-bus");
}
