using Slipway.Adapters.Configuration;
using Slipway.Core.Errors;
using Slipway.Core.Security;

namespace Slipway.Tests.Images;

/// <summary>slipway.yml's image.scan: as the loader reads it.</summary>
public sealed class ImageScanConfigTests
{
    [Fact]
    public void Scan_reads_the_command_the_format_the_threshold_and_the_ignore_entries()
    {
        var config = ConfigLoader.Parse("""
            image:
              name: ghcr.io/acme/app
              scan:
                run: [grype, "{image}", -o, json, --file, "{report}"]
                format: grype
                fail_on: critical
                ignore:
                  - { id: CVE-2024-1234, until: 2027-01-31, reason: "not reachable: we do not parse zip files" }
            """, "slipway.yml");

        var scan = config.Image.Scan!;
        Assert.Equal(["grype", "{image}", "-o", "json", "--file", "{report}"], scan.Run);
        Assert.Equal((ScanReportFormat.Grype, ScanSeverity.Critical), (scan.Format, scan.FailOn));
        Assert.Equal([new ScanIgnore("CVE-2024-1234", new DateOnly(2027, 1, 31), "not reachable: we do not parse zip files")], scan.Ignore);
    }

    [Fact]
    public void The_defaults_are_trivy_and_high_and_no_scan_section_means_no_scan()
    {
        var scan = ConfigLoader.Parse("image:\n  name: ghcr.io/acme/app\n  scan: { run: [trivy, image, -q, --format, json, \"{image}\"] }\n", "slipway.yml").Image.Scan!;

        Assert.Equal((ScanReportFormat.Trivy, ScanSeverity.High), (scan.Format, scan.FailOn));
        Assert.Null(ConfigLoader.Parse("image:\n  name: ghcr.io/acme/app\n", "slipway.yml").Image.Scan);
    }

    [Fact]
    public void An_ignore_entry_without_until_is_a_usage_error_because_ignores_must_expire()
    {
        var error = Assert.Throws<SlipwayException>(() => ConfigLoader.Parse("""
            image:
              name: ghcr.io/acme/app
              scan:
                run: [trivy, image, "{image}"]
                ignore:
                  - { id: CVE-2024-1234, reason: forever }
            """, "slipway.yml")).Error;

        Assert.Equal(ExitCode.Usage, error.Code);
        Assert.Equal("slipway.yml:6: image.scan.ignore[0].until: is required; add until: (the last day it is ignored, e.g. until: 2027-01-31; an ignore entry must expire)",
            error.OneLine());
    }

    [Theory]
    [InlineData("scan: { run: [trivy, \"{imgae}\"] }", "image.scan.run: {imgae} is not a placeholder")]
    [InlineData("scan: { run: [trivy], ignore: [ { id: CVE-1, until: 2027-02-30 } ] }", "image.scan.ignore[0].until: '2027-02-30' is not a date")]
    [InlineData("scan: { run: [trivy], fail_on: severe }", "image.scan.fail_on: 'severe' is not one of low, medium, high, critical")]
    public void Mistakes_are_named_with_the_key(string scan, string message)
    {
        var error = Assert.Throws<SlipwayException>(() => ConfigLoader.Parse($"image:\n  name: ghcr.io/acme/app\n  {scan}\n", "slipway.yml")).Error;

        Assert.Equal(ExitCode.Usage, error.Code);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scan_without_an_image_name_is_refused()
    {
        var error = Assert.Throws<SlipwayException>(() => ConfigLoader.Parse("image:\n  scan: { run: [trivy] }\n", "slipway.yml")).Error;

        Assert.Equal("slipway.yml:2: image.scan: needs the image to scan; add image.name (registry/owner/name) beside scan:", error.OneLine());
    }
}
