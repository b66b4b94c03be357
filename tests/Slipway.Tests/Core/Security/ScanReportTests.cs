using Slipway.Core.Errors;
using Slipway.Core.Security;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Core.Security;

/// <summary>Reading the scanners' reports (fixtures written from Trivy's, Grype's and SARIF 2.1.0's documented output) into findings.</summary>
public sealed class ScanReportTests
{
    private static string Fixture(string name) => File.ReadAllText(SourceTree.Path("tests", "Slipway.Tests", "Core", "Security", "Fixtures", name));

    [Fact]
    public void A_trivy_report_gives_each_vulnerability_of_each_target_with_its_package_and_fix()
    {
        var findings = ScanReport.Parse(Fixture("trivy.json"), ScanReportFormat.Trivy);

        Assert.Equal(
        [
            ("CVE-2023-45853", ScanSeverity.Critical, "zlib"),
            ("CVE-2024-6119", ScanSeverity.High, "libcrypto3"),
            ("CVE-2024-6119", ScanSeverity.High, "libssl3"),
            ("CVE-2024-2511", ScanSeverity.Medium, "libssl3"),
            ("CVE-2024-0727", ScanSeverity.Low, "libssl3"),
            ("CVE-2024-35195", ScanSeverity.Medium, "requests"),
            ("GHSA-9wx4-h78v-vm56", ScanSeverity.Unknown, "requests"),
        ], findings.Select(f => (f.Id, f.Severity, f.Package!)));
        Assert.Equal(new ScanFinding("CVE-2023-45853", ScanSeverity.Critical, "zlib", "1.2.13-r0", "1.3-r0"), findings[0]);
        Assert.Null(findings[^1].FixedVersion);
    }

    [Fact]
    public void A_clean_trivy_report_has_no_findings()
    {
        Assert.Empty(ScanReport.Parse(Fixture("trivy-clean.json"), ScanReportFormat.Trivy));
    }

    [Fact]
    public void A_grype_report_gives_each_match_with_the_artifact_and_the_fixed_versions()
    {
        var findings = ScanReport.Parse(Fixture("grype.json"), ScanReportFormat.Grype);

        Assert.Equal(
        [
            new ScanFinding("CVE-2023-45853", ScanSeverity.Critical, "zlib", "1.2.13-r0", "1.3-r0"),
            new ScanFinding("GHSA-9wx4-h78v-vm56", ScanSeverity.Medium, "requests", "2.31.0", "2.32.0"),
            new ScanFinding("CVE-2024-6119", ScanSeverity.High, "libssl3", "3.1.4-r5", "3.1.7-r0"),
            new ScanFinding("CVE-2011-3374", ScanSeverity.Negligible, "apt", "2.6.1"),
        ], findings);
    }

    [Fact]
    public void Trivys_sarif_gives_the_rule_ids_ranked_by_security_severity_else_by_the_severity_tag()
    {
        var findings = ScanReport.Parse(Fixture("trivy.sarif"), ScanReportFormat.Sarif);

        Assert.Equal(
        [
            ("CVE-2023-45853", ScanSeverity.Critical), // security-severity 9.8
            ("CVE-2024-2511", ScanSeverity.Medium), // 5.9
            ("CVE-2024-6119", ScanSeverity.High), // no score: the HIGH tag
        ], findings.Select(f => (f.Id, f.Severity)));
    }

    [Fact]
    public void Sarif_without_scores_or_tags_ranks_by_level_the_results_then_the_rules_default_then_warning()
    {
        var findings = ScanReport.Parse(Fixture("levels.sarif"), ScanReportFormat.Sarif);

        Assert.Equal(
        [
            ("IL001", ScanSeverity.High), // the rule's defaultConfiguration.level: error
            ("IL002", ScanSeverity.Low), // the rule's "low" tag over the result's level
            ("IL003", ScanSeverity.Medium), // SARIF's default level, warning
            ("IL004", ScanSeverity.Low), // note
            ("IL005", ScanSeverity.Unknown), // none
            ("IL006", ScanSeverity.Critical), // the result's own security-severity
        ], findings.Select(f => (f.Id, f.Severity)));
    }

    [Theory]
    [InlineData("trivy.json", ScanReportFormat.Grype, "the scanner's report is not a grype report: it has no matches")]
    [InlineData("grype.json", ScanReportFormat.Trivy, "the scanner's report is not a trivy report: it has no SchemaVersion or Results")]
    [InlineData("grype.json", ScanReportFormat.Sarif, "the scanner's report is not a sarif report: it has no runs")]
    public void A_report_of_another_format_is_refused_rather_than_read_as_clean(string fixture, ScanReportFormat format, string message)
    {
        var error = Assert.Throws<SlipwayException>(() => ScanReport.Parse(Fixture(fixture), format)).Error;

        Assert.Equal((ExitCode.Precondition, message), (error.Code, error.Message));
        Assert.Contains("image.scan.format", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_that_is_not_json_is_refused_in_one_line()
    {
        var error = Assert.Throws<SlipwayException>(() => ScanReport.Parse("FATAL: unable to find the specified image\n", ScanReportFormat.Trivy)).Error;

        Assert.StartsWith("the scanner's report is not a trivy report: it is not JSON (", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.OneLine());
    }

    [Fact]
    public void A_value_of_the_wrong_kind_is_skipped_not_a_crash()
    {
        var findings = ScanReport.Parse("""{"SchemaVersion": 2, "Results": [{"Vulnerabilities": "none"}, {"Vulnerabilities": [{"VulnerabilityID": 7}, {"VulnerabilityID": "CVE-1", "Severity": "HIGH"}]}]}""",
            ScanReportFormat.Trivy);

        Assert.Equal([new ScanFinding("CVE-1", ScanSeverity.High)], findings);
    }
}
