using Slipway.Core.Errors;
using Slipway.Core.Security;

namespace Slipway.Tests.Core.Security;

/// <summary>The scan's decision: what blocks at a threshold, what an ignore entry accepts until its date, and the summaries.</summary>
public sealed class ScanVerdictTests
{
    private const string Image = "ghcr.io/acme/app@sha256:5b0b";

    private static readonly DateOnly Today = new(2026, 3, 2);

    private static readonly ScanFinding[] Findings =
    [
        new("CVE-2023-45853", ScanSeverity.Critical, "zlib"),
        new("CVE-2024-6119", ScanSeverity.High, "libcrypto3"),
        new("CVE-2024-6119", ScanSeverity.High, "libssl3"),
        new("CVE-2024-2511", ScanSeverity.Medium, "libssl3"),
        new("CVE-2024-0727", ScanSeverity.Low, "libssl3"),
        new("GHSA-9wx4-h78v-vm56", ScanSeverity.Unknown, "requests"),
    ];

    [Fact]
    public void Findings_at_or_above_fail_on_block_and_the_ids_are_listed_once_highest_first()
    {
        var verdict = ScanVerdict.Decide(Image, Findings, ScanSeverity.High, [], Today);

        Assert.True(verdict.Blocked);
        Assert.Equal(["CVE-2023-45853", "CVE-2024-6119"], verdict.BlockingIds);
        Assert.Equal("Image scan: 1 critical, 2 high, 1 medium, 1 low, 1 unknown", verdict.SummaryLine());
    }

    [Theory]
    [InlineData(ScanSeverity.Critical, 1)]
    [InlineData(ScanSeverity.Medium, 3)]
    [InlineData(ScanSeverity.Low, 4)]
    public void The_threshold_decides_which_severities_block_and_unknown_never_does(ScanSeverity failOn, int blockingIds)
    {
        Assert.Equal(blockingIds, ScanVerdict.Decide(Image, Findings, failOn, [], Today).BlockingIds.Count);
    }

    [Fact]
    public void An_ignore_entry_accepts_its_finding_through_its_until_day()
    {
        ScanIgnore[] ignore = [new("CVE-2023-45853", Today, "not reachable"), new("cve-2024-6119", new DateOnly(2027, 1, 31))];

        var verdict = ScanVerdict.Decide(Image, Findings, ScanSeverity.High, ignore, Today);

        Assert.False(verdict.Blocked);
        Assert.Equal(3, verdict.Ignored.Count);
        Assert.Empty(verdict.Expired);
        Assert.Equal("Image scan: 1 critical, 2 high, 1 medium, 1 low, 1 unknown (ignored: 3)", verdict.SummaryLine());
    }

    [Fact]
    public void An_expired_entry_ignores_nothing_and_the_refusal_says_it_expired()
    {
        ScanIgnore[] ignore = [new("CVE-2023-45853", Today.AddDays(-1)), new("CVE-2024-6119", new DateOnly(2027, 1, 31))];

        var verdict = ScanVerdict.Decide(Image, Findings, ScanSeverity.High, ignore, Today);
        var refusal = verdict.Refusal("the image gets no version tags");

        Assert.True(verdict.Blocked);
        Assert.Equal(["CVE-2023-45853"], verdict.BlockingIds);
        Assert.Equal([ignore[0]], verdict.Expired);
        Assert.Equal(ExitCode.Precondition, refusal.Code);
        Assert.Equal($"image scan of {Image} found 1 vulnerability at or above high: CVE-2023-45853 (critical) (ignore expired: CVE-2023-45853 until 2026-03-01), so the image gets no version tags",
            refusal.Message);
        Assert.Contains("image.scan.ignore", refusal.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_list_of_blocking_ids_is_cut_to_five_in_the_one_line()
    {
        var many = Enumerable.Range(1, 8).Select(i => new ScanFinding($"CVE-2026-{i:0000}", ScanSeverity.Critical)).ToList();

        var message = ScanVerdict.Decide(Image, many, ScanSeverity.High, [], Today).Refusal("nothing is deployed").Message;

        Assert.Contains("found 8 vulnerabilities at or above high: CVE-2026-0001 (critical),", message, StringComparison.Ordinal);
        Assert.Contains("CVE-2026-0005 (critical) and 3 more, so nothing is deployed", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_finding_twice_in_a_report_counts_once()
    {
        var verdict = ScanVerdict.Decide(Image, [Findings[0], Findings[0]], ScanSeverity.High, [], Today);

        Assert.Equal(1, verdict.Count(ScanSeverity.Critical));
    }

    [Fact]
    public void The_step_summary_section_has_the_counts_the_ignored_and_what_blocks()
    {
        ScanIgnore[] ignore = [new("CVE-2024-6119", new DateOnly(2027, 1, 31)), new("CVE-2024-0727", new DateOnly(2025, 1, 1))];

        var markdown = ScanVerdict.Decide(Image, Findings, ScanSeverity.High, ignore, Today).Markdown();

        Assert.Equal("""
            ### Image scan

            **Blocked**: ghcr.io/acme/app@sha256:5b0b, failing on high and above

            | Severity | Findings | Ignored |
            |---|---|---|
            | critical | 1 | 0 |
            | high | 2 | 2 |
            | medium | 1 | 0 |
            | low | 1 | 0 |
            | unknown | 1 | 0 |

            Blocking: CVE-2023-45853

            Expired ignore entries (no longer ignored): CVE-2024-0727 until 2025-01-01

            """.Replace("\r", string.Empty, StringComparison.Ordinal), markdown);
    }
}
