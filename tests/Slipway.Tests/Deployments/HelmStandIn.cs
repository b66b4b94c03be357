using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Deployments;

/// <summary>A `helm` on PATH for what no cluster can answer here (upgrade --install): it records each argument array and
/// answers like Helm — success, "Error: UPGRADE FAILED: ...", or a timeout. Everything else (template, lint) goes to the
/// real helm binary, so the dry run still renders the chart for real.</summary>
public sealed class HelmStandIn : IDisposable
{
    private readonly TempDirectory _directory = new("slipway-helm");

    public HelmStandIn()
    {
        Directory.CreateDirectory(_directory.Combine("bin"));
        Directory.CreateDirectory(_directory.Combine("calls"));
        var real = RealHelm.Path ?? "/nonexistent/helm";
        var script = $$"""
            #!/bin/sh
            d='{{_directory.Path}}'
            call="$d/calls/$(date +%s%N)"
            : > "$call"
            for a in "$@"; do printf '%s\0' "$a" >> "$call"; done
            case "$1" in
              upgrade) ;;
              *) [ -x '{{real}}' ] && exec '{{real}}' "$@"; echo "Error: no real helm for $1" >&2; exit 1;;
            esac
            tag=""; prev=""
            for a in "$@"; do
              if [ "$prev" = "--set" ]; then case "$a" in image.tag=*) tag="${a#image.tag=}";; esac; fi
              prev="$a"
            done
            if [ -f "$d/block" ]; then . "$d/block"; fi
            if grep -qxF "$tag" "$d/fail" 2>/dev/null; then
              echo "Error: UPGRADE FAILED: release $3 failed: pods \"$3-api\" CrashLoopBackOff" >&2; exit 1
            fi
            if grep -qxF "$tag" "$d/timeout" 2>/dev/null; then
              echo "Error: UPGRADE FAILED: context deadline exceeded" >&2; exit 1
            fi
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

    /// <summary>Every argument array helm was called with, in order.</summary>
    public IReadOnlyList<string[]> Calls =>
        Directory.GetFiles(_directory.Combine("calls")).Order(StringComparer.Ordinal)
            .Select(f => File.ReadAllText(f).Split('\0')[..^1]).ToList();

    public IReadOnlyList<string[]> Upgrades => Calls.Where(c => c.Length > 0 && c[0] == "upgrade").ToList();

    public void Dispose() => _directory.Dispose();
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
