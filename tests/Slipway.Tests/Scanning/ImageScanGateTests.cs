using Slipway.Core.Deployments;
using Slipway.Tests.Ci;
using Slipway.Tests.Deployments;
using Slipway.Tests.Fixtures;

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
        Assert.Equal((DeploymentOutcome.Blocked, "1.3.1", digest), (record.Outcome, record.Version, record.Digest));
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
}
