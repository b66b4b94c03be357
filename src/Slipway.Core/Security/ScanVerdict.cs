using System.Globalization;
using System.Text;
using Slipway.Core.Ci;
using Slipway.Core.Errors;

namespace Slipway.Core.Security;

/// <summary>
/// What an image scan decides: the findings at or above fail_on that no unexpired ignore entry covers block the release or
/// deployment; every finding is counted by severity for the summaries.
/// </summary>
public sealed record ScanVerdict
{
    /// <summary>The image scanned (repository@digest).</summary>
    public required string Image { get; init; }

    public required ScanSeverity FailOn { get; init; }

    /// <summary>Every finding, each once.</summary>
    public required IReadOnlyList<ScanFinding> Findings { get; init; }

    /// <summary>Findings at or above <see cref="FailOn"/> that no active ignore entry covers.</summary>
    public required IReadOnlyList<ScanFinding> Blocking { get; init; }

    /// <summary>Findings (any severity) an active ignore entry covers.</summary>
    public required IReadOnlyList<ScanFinding> Ignored { get; init; }

    /// <summary>Ignore entries past their until date that match a finding: they no longer ignore it.</summary>
    public required IReadOnlyList<ScanIgnore> Expired { get; init; }

    /// <summary>The ignore entries in force that cover a finding (what <see cref="Ignored"/> was ignored by).</summary>
    public IReadOnlyList<ScanIgnore> Accepted { get; init; } = [];

    public bool Blocked => Blocking.Count > 0;

    /// <summary>Decides from the findings, the threshold, the ignore list and today's date (UTC, from the CLI's clock).</summary>
    public static ScanVerdict Decide(string image, IReadOnlyList<ScanFinding> findings, ScanSeverity failOn, IReadOnlyList<ScanIgnore> ignore, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ArgumentNullException.ThrowIfNull(ignore);
        var unique = findings.Distinct().ToList();
        ScanIgnore? EntryFor(ScanFinding finding) => ignore.FirstOrDefault(i => string.Equals(i.Id, finding.Id, StringComparison.OrdinalIgnoreCase) && i.ActiveOn(today));
        var ignored = unique.Where(f => EntryFor(f) is not null).ToList();
        return new ScanVerdict
        {
            Image = image,
            FailOn = failOn,
            Findings = unique,
            Ignored = ignored,
            Blocking = [.. unique.Where(f => f.Severity >= failOn && f.Severity != ScanSeverity.Unknown && EntryFor(f) is null)],
            Expired = [.. ignore.Where(i => !i.ActiveOn(today) && unique.Any(f => string.Equals(i.Id, f.Id, StringComparison.OrdinalIgnoreCase)))],
            Accepted = [.. ignore.Where(i => i.ActiveOn(today) && unique.Any(f => string.Equals(i.Id, f.Id, StringComparison.OrdinalIgnoreCase)))],
        };
    }

    /// <summary>How many findings have this severity (ignored ones included).</summary>
    public int Count(ScanSeverity severity) => Findings.Count(f => f.Severity == severity);

    /// <summary>The severities the summaries list: critical to low always, negligible and unknown when there are some.</summary>
    public IReadOnlyList<ScanSeverity> Shown =>
        [.. new[] { ScanSeverity.Critical, ScanSeverity.High, ScanSeverity.Medium, ScanSeverity.Low, ScanSeverity.Negligible, ScanSeverity.Unknown }
            .Where(s => s >= ScanSeverity.Low || Count(s) > 0)];

    /// <summary>One line for the release notes and the terminal: "Image scan: 0 critical, 2 high, 0 medium, 1 low (ignored: 1)".</summary>
    public string SummaryLine() =>
        $"Image scan: {string.Join(", ", Shown.Select(s => $"{Count(s).ToString(CultureInfo.InvariantCulture)} {s.Word()}"))}" +
        (Ignored.Count > 0 ? $" (ignored: {Ignored.Count.ToString(CultureInfo.InvariantCulture)})" : string.Empty);

    /// <summary>The distinct ids that block, highest severity first.</summary>
    public IReadOnlyList<string> BlockingIds =>
        [.. Blocking.OrderByDescending(f => f.Severity).Select(f => f.Id).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The one-line refusal: which image, how many findings, the first ids with their severity, and any expired ignore entry.</summary>
    public SlipwayError Refusal(string blocks)
    {
        var ids = BlockingIds;
        var named = string.Join(", ", ids.Take(5).Select(id => $"{id} ({Blocking.Where(f => string.Equals(f.Id, id, StringComparison.OrdinalIgnoreCase)).Max(f => f.Severity).Word()})"))
            + (ids.Count > 5 ? $" and {ids.Count - 5} more" : string.Empty);
        var expired = Expired.Where(e => ids.Contains(e.Id, StringComparer.OrdinalIgnoreCase)).ToList();
        var expiredText = expired.Count == 0 ? string.Empty
            : $" (ignore expired: {string.Join(", ", expired.Select(e => $"{e.Id} until {e.Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"))})";
        return SlipwayError.Precondition(
            $"image scan of {Image} found {ids.Count} {(ids.Count == 1 ? "vulnerability" : "vulnerabilities")} at or above {FailOn.Word()}: {named}{expiredText}, so {blocks}",
            "upgrade the affected packages and rebuild the image, or accept them in image.scan.ignore (id, until, reason)");
    }

    /// <summary>The step summary's section: the counts by severity (with how many are ignored), then what blocks and what expired.</summary>
    public string Markdown()
    {
        var text = new StringBuilder();
        text.Append("### Image scan\n\n").Append(Blocked ? "**Blocked**" : "Passed").Append(": ").Append(MarkdownText.Inline(Image))
            .Append(", failing on ").Append(FailOn.Word()).Append(" and above\n\n");
        text.Append("| Severity | Findings | Ignored |\n|---|---|---|\n");
        foreach (var severity in Shown)
        {
            text.Append("| ").Append(severity.Word()).Append(" | ").Append(Count(severity).ToString(CultureInfo.InvariantCulture)).Append(" | ")
                .Append(Ignored.Count(f => f.Severity == severity).ToString(CultureInfo.InvariantCulture)).Append(" |\n");
        }

        if (Blocked)
        {
            text.Append("\nBlocking: ").Append(string.Join(", ", BlockingIds.Select(MarkdownText.Inline))).Append('\n');
        }

        if (Expired.Count > 0)
        {
            text.Append("\nExpired ignore entries (no longer ignored): ")
                .Append(string.Join(", ", Expired.Select(e => $"{MarkdownText.Inline(e.Id)} until {e.Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}"))).Append('\n');
        }

        return text.ToString();
    }
}
