using Slipway.Core.Deployments;
using Slipway.Tests.Ci;
using Slipway.Tests.Deployments;
using Slipway.Tests.Fixtures;
using Slipway.Tests.Signals;

namespace Slipway.Tests.Scanning;

/// <summary>
/// image.scan as a user meets it: `ci release` scans the commit's image by digest before any version tag is given, and `deploy`
/// scans the version's image before the gates. The real CLI, real git, the real registry, the GitHub double, a scanner script.
/// </summary>
public sealed class ImageScanGateTests
{
    private const string Ignores = """
            ignore:
              - { id: CVE-2023-45853, until: 2099-12-31, reason: "minizip is not used" }
              - { id: CVE-2024-6119, until: 2099-12-31, reason: "no X.509 name checks on untrusted input" }

        """;

    [Fact]
    public void A_critical_finding_stops_ci_release_before_any_tag_moves_and_nothing_is_published_or_deployed()
    {
        using var scanner = new ScannerStandIn();
        scanner.Reports("trivy.json");
        using var setup = new CiReleaseSetup(imageExtra: scanner.Config());
        var digest = setup.PushBuild();

        var result = setup.CiRelease();

        Assert.Equal(3, result.ExitCode);
        var image = $"{setup.Registry.Host}/acme/app@{digest}";
        Assert.Equal([image], scanner.Scanned);
        Assert.Equal($"slipway: scan: image scan of {image} found 2 vulnerabilities at or above high: CVE-2023-45853 (critical), CVE-2024-6119 (high), "
            + "so the image gets no version tags and 1.3.0 is not published or deployed; upgrade the affected packages and rebuild the image, or accept them in image.scan.ignore (id, until, reason)",
            result.StandardError.Trim().Split('\n')[^1]);
        Assert.Contains("::error title=slipway ci release%3A scan::scan: image scan of ", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal([setup.BuildTag], setup.Registry.Tags("acme/app"));
        Assert.Empty(setup.Api.Releases);
        Assert.Empty(setup.Example.RemoteLedger());
        Assert.Empty(setup.Example.Helm.Upgrades);
        var summary = setup.Summary();
        Assert.Contains("| scan | **failed**: image scan of ", summary, StringComparison.Ordinal);
        Assert.Contains("| image | not run |", summary, StringComparison.Ordinal);
        Assert.Contains("### Image scan\n\n**Blocked**: ", summary, StringComparison.Ordinal);
        Assert.Contains("| critical | 1 | 0 |\n| high | 2 | 0 |\n", summary, StringComparison.Ordinal);
        Assert.Contains("Blocking: CVE-2023-45853, CVE-2024-6119\n", summary, StringComparison.Ordinal);
        Assert.Equal("false", setup.Outputs()["released"]);
    }

    [Fact]
    public void With_the_findings_ignored_ci_release_proceeds_and_the_counts_reach_the_summary_and_the_release_notes()
    {
        using var scanner = new ScannerStandIn();
        scanner.Reports("trivy.json");
        scanner.ExitsWith(1); // trivy --exit-code 1 exits 1 when it finds anything: the report it wrote decides
        using var setup = new CiReleaseSetup(imageExtra: scanner.Config(Ignores));
        var digest = setup.PushBuild();

        var result = setup.CiRelease();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.EndsWith("released v1.3.0: image, publish, deploy staging\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(digest, Skopeo.Digest($"{setup.Registry.Host}/acme/app:v1.3.0"));
        const string Line = "Image scan: 1 critical, 2 high, 2 medium, 1 low, 1 unknown (ignored: 3)";
        Assert.Contains($"\n{Line}\n", Assert.Single(setup.Api.Releases).Body!, StringComparison.Ordinal);
        Assert.Contains("| scan | passed: ", setup.Summary(), StringComparison.Ordinal);
        Assert.Contains("### Image scan\n\nPassed: ", setup.Summary(), StringComparison.Ordinal);
        Assert.Contains("| high | 2 | 2 |\n", setup.Summary(), StringComparison.Ordinal);
        Assert.Equal(DeploymentOutcome.Succeeded, Assert.Single(setup.Example.RemoteLedger("staging")).Outcome);
        Assert.Single(scanner.Scanned); // the on_release deployment does not scan the same digest again

        var second = setup.CiRelease();

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal("v1.3.0 is already released: nothing to do\n", second.StandardOutput);
        Assert.Single(setup.Api.Releases); // the notes, scan line included, are unchanged
        Assert.Contains("- publish: already done", second.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scanner_that_exits_1_without_a_report_stops_ci_release_with_one_line_naming_it()
    {
        using var scanner = new ScannerStandIn();
        scanner.ExitsWith(1);
        using var setup = new CiReleaseSetup(imageExtra: scanner.Config());
        setup.PushBuild();

        var result = setup.CiRelease();

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("slipway: scan: the image scanner scan.sh exited 1 without a report: FATAL: init error: DB error: failed to download vulnerability DB; "
            + "run image.scan.run by hand to see why (is the scanner installed, can it reach the registry?), then fix it in slipway.yml",
            result.StandardError.Trim().Split('\n')[^1]);
        Assert.Equal([setup.BuildTag], setup.Registry.Tags("acme/app"));
        Assert.Empty(setup.Api.Releases);
    }

    [Fact]
    public void Deploy_scans_the_versions_image_and_a_blocking_finding_is_recorded_as_blocked()
    {
        using var scanner = new ScannerStandIn();
        scanner.Reports("trivy.json");
        using var registry = new Registry();
        using var example = new DeployExample($$"""
            image:
              name: {{registry.Host}}/acme/app
            {{scanner.Config("    fail_on: critical\n")}}
            environments:
              staging:
                helm: { release: agent-bus, chart: ./helm/agent-bus, values: [helm/agent-bus/values-staging.yaml], namespace: agent-bus-staging }
                gates:
                  - { name: never, run: ["false"] }

            """);
        var digest = registry.Push("acme/app", "v1.3.1", OciImage.Create());

        var result = example.Slipway("deploy", "staging", "1.3.1");

        Assert.Equal(3, result.ExitCode);
        var image = $"{registry.Host}/acme/app@{digest}";
        Assert.Equal([image], scanner.Scanned);
        Assert.Equal($"slipway: image scan of {image} found 1 vulnerability at or above critical: CVE-2023-45853 (critical), so 1.3.1 is not deployed to staging; "
            + "upgrade the affected packages and rebuild the image, or accept them in image.scan.ignore (id, until, reason)\n", result.StandardError);
        var record = Assert.Single(example.RemoteLedger("staging"));
        Assert.Equal((DeploymentOutcome.Blocked, "1.3.1", digest), (record.Outcome, record.Version.ToString(), record.Digest));
        Assert.StartsWith($"image scan of {image} found 1 vulnerability", record.Detail, StringComparison.Ordinal);
        Assert.Empty(example.Helm.Upgrades);
    }

    [Fact]
    public void Deploy_records_a_scanner_that_could_not_run_as_blocked_and_an_expired_ignore_no_longer_ignores()
    {
        using var scanner = new ScannerStandIn();
        using var registry = new Registry();
        using var example = new DeployExample($$"""
            image:
              name: {{registry.Host}}/acme/app
            {{scanner.Config("    fail_on: critical\n    ignore: [ { id: CVE-2023-45853, until: 2020-01-31, reason: was fixed upstream } ]\n")}}
            environments:
              staging:
                helm: { release: agent-bus, chart: ./helm/agent-bus, values: [helm/agent-bus/values-staging.yaml], namespace: agent-bus-staging }

            """);
        registry.Push("acme/app", "v1.3.1", OciImage.Create());
        scanner.ExitsWith(2);

        var failed = example.Slipway("deploy", "staging", "1.3.1");

        Assert.Equal(3, failed.ExitCode);
        Assert.StartsWith("slipway: 1.3.1 was not deployed to staging: the image scanner scan.sh exited 2 without a report: ", failed.StandardError, StringComparison.Ordinal);
        Assert.Equal(DeploymentOutcome.Blocked, Assert.Single(example.RemoteLedger("staging")).Outcome);

        scanner.ExitsWith(0);
        scanner.Reports("trivy.json");
        var expired = example.Slipway("deploy", "staging", "1.3.1");

        Assert.Equal(3, expired.ExitCode);
        Assert.Contains("CVE-2023-45853 (critical) (ignore expired: CVE-2023-45853 until 2020-01-31)", expired.StandardError, StringComparison.Ordinal);
        Assert.Empty(example.Helm.Upgrades);
    }

    [Fact]
    public void Image_scan_reports_the_counts_of_a_versions_image_and_exits_3_when_it_would_block()
    {
        using var scanner = new ScannerStandIn();
        scanner.Reports("trivy-clean.json");
        using var registry = new Registry();
        using var example = new DeployExample($$"""
            image:
              name: {{registry.Host}}/acme/app
            {{scanner.Config("    format: grype\n    fail_on: critical\n")}}
            """);
        var digest = registry.Push("acme/app", "v1.3.1", OciImage.Create());

        var wrongFormat = example.Slipway("image", "scan");

        Assert.Equal(3, wrongFormat.ExitCode);
        Assert.StartsWith("slipway: the scanner's report is not a grype report: it has no matches; set image.scan.format", wrongFormat.StandardError, StringComparison.Ordinal);

        scanner.Reports("grype.json");
        var blocked = example.Slipway("image", "scan", "1.3.1");

        Assert.Equal(3, blocked.ExitCode);
        Assert.Equal("Image scan: 1 critical, 1 high, 1 medium, 0 low, 1 negligible\n", blocked.StandardOutput);
        Assert.StartsWith($"slipway: image scan of {registry.Host}/acme/app@{digest} found 1 vulnerability at or above critical: CVE-2023-45853 (critical), so 1.3.1 would not be released or deployed; ",
            blocked.StandardError, StringComparison.Ordinal);
        Assert.Equal([$"{registry.Host}/acme/app@{digest}", $"{registry.Host}/acme/app@{digest}"], scanner.Scanned);
        Assert.Empty(example.RemoteLedger());
    }

    [Fact]
    public void Image_scan_json_gives_the_findings_counts_verdict_and_ignore_entries_as_one_object_with_the_same_exit_code()
    {
        using var scanner = new ScannerStandIn();
        scanner.Reports("grype.json");
        using var registry = new Registry();
        using var example = new DeployExample($$"""
            image:
              name: {{registry.Host}}/acme/app
            {{scanner.Config("    format: grype\n    fail_on: critical\n    ignore:\n      - { id: CVE-2024-6119, until: 2099-12-31, reason: no X.509 name checks }\n      - { id: CVE-2011-3374, until: 2020-01-31 }\n")}}
            """);
        var digest = registry.Push("acme/app", "v1.3.1", OciImage.Create());

        var blocked = example.Slipway("image", "scan", "1.3.1", "--json");

        Expect.OneLineError(blocked, 3, $"image scan of {registry.Host}/acme/app@{digest} found 1 vulnerability at or above critical: CVE-2023-45853 (critical)");
        using var json = System.Text.Json.JsonDocument.Parse(blocked.StandardOutput);
        var root = json.RootElement;
        Assert.Equal(("1.3.1", "v1.3.1", $"{registry.Host}/acme/app@{digest}", "critical", "blocked"),
            (root.GetProperty("version").GetString(), root.GetProperty("tag").GetString(), root.GetProperty("image").GetString(),
             root.GetProperty("fail_on").GetString(), root.GetProperty("verdict").GetString()));
        Assert.Equal("""{"critical":1,"high":1,"medium":1,"low":0,"negligible":1}""", Compact(root.GetProperty("counts")));
        Assert.Equal("""["CVE-2023-45853"]""", Compact(root.GetProperty("blocking")));
        Assert.Equal(
        [
            "CVE-2023-45853 critical zlib 1.2.13-r0 -> 1.3-r0 blocking",
            "CVE-2024-6119 high libssl3 3.1.4-r5 -> 3.1.7-r0 ignored",
            "GHSA-9wx4-h78v-vm56 medium requests 2.31.0 -> 2.32.0",
            "CVE-2011-3374 negligible apt 2.6.1 -> ",
        ], root.GetProperty("findings").EnumerateArray().Select(f =>
            $"{f.GetProperty("id").GetString()} {f.GetProperty("severity").GetString()} {f.GetProperty("package").GetString()} {f.GetProperty("installed_version").GetString()} -> {f.GetProperty("fixed_version").GetString()}"
            + (f.GetProperty("blocking").GetBoolean() ? " blocking" : string.Empty) + (f.GetProperty("ignored").GetBoolean() ? " ignored" : string.Empty)));
        Assert.Equal("""[{"id":"CVE-2024-6119","until":"2099-12-31","reason":"no X.509 name checks"}]""", Compact(root.GetProperty("ignored")));
        Assert.Equal("""[{"id":"CVE-2011-3374","until":"2020-01-31","reason":null}]""", Compact(root.GetProperty("expired")));

        scanner.Reports("trivy-clean.json");
        example.Repo.WriteFile("slipway.yml", example.Repo.ReadFile("slipway.yml").Replace("format: grype", "format: trivy", StringComparison.Ordinal));
        var clean = example.Slipway("image", "scan", "1.3.1", "--json");

        Assert.True(clean.ExitCode == 0, clean.ToString());
        Assert.Equal("passed", System.Text.Json.JsonDocument.Parse(clean.StandardOutput).RootElement.GetProperty("verdict").GetString());
    }

    [Fact]
    public void A_scanner_still_running_after_image_scan_timeout_is_stopped_with_what_it_started_and_the_deploy_is_blocked()
    {
        using var scanner = new ScannerStandIn();
        scanner.Reports("trivy.json");
        scanner.Hangs();
        using var registry = new Registry();
        using var example = new DeployExample($$"""
            image:
              name: {{registry.Host}}/acme/app
            {{scanner.Config("    timeout: 1s\n")}}
            environments:
              staging:
                helm: { release: agent-bus, chart: ./helm/agent-bus }

            """);
        registry.Push("acme/app", "v1.3.1", OciImage.Create());

        var result = example.Slipway("deploy", "staging", "1.3.1");

        Expect.OneLineError(result, 3, "slipway: 1.3.1 was not deployed to staging: the image scanner scan.sh timed out after 1s; raise image.scan.timeout (now 1s) in slipway.yml");
        Wait.Until(() => !ReleaseRepo.ProcessesIn([example.Repo.Path]).Any(), TimeSpan.FromSeconds(30), "the scanner and its sleep to be gone");
        var record = Assert.Single(example.RemoteLedger("staging"));
        Assert.Equal(DeploymentOutcome.Blocked, record.Outcome);
        Assert.Contains("timed out after 1s", record.Detail, StringComparison.Ordinal);
        Assert.Empty(example.Helm.Upgrades);
    }

    private static string Compact(System.Text.Json.JsonElement element) => System.Text.Json.JsonSerializer.Serialize(element);
}
