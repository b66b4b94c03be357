using System.Text;
using System.Text.RegularExpressions;
using Slipway.Core.Changelog.Templates;

namespace Slipway.Core.Changelog;

/// <summary>
/// Puts a new release into a Keep a Changelog file, changing nothing else: the section goes right under `## [Unreleased]`
/// (whatever is written under Unreleased stays there), its compare link joins the links at the bottom, and the
/// file's line endings are kept. String in, string out.
/// </summary>
public static partial class ChangelogFileMerger
{
    /// <summary>True when the file already has a `## [version]` section (then merging changes nothing).</summary>
    public static bool HasVersion(string text, string version) =>
        Regex.IsMatch(text, $@"^##[ \t]+\[?v?{Regex.Escape(version)}\]?(?=[ \t]|\r?$)", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <param name="existing">The file as it is, or null when it does not exist yet.</param>
    /// <param name="section">The release's section (LF line endings, ending in a newline), from <see cref="KeepAChangelogTemplate.Section"/>.</param>
    /// <param name="releaseLink">"[1.3.0]: https://…/compare/v1.2.0...v1.3.0", or null (no GitHub remote).</param>
    /// <param name="unreleasedLink">"[Unreleased]: https://…/compare/v1.3.0...HEAD", or null.</param>
    public static string Merge(string? existing, string version, string section, string? releaseLink, string? unreleasedLink)
    {
        if (string.IsNullOrEmpty(existing))
        {
            var fresh = new StringBuilder(KeepAChangelogTemplate.Header.ReplaceLineEndings("\n"))
                .Append("\n## [Unreleased]\n\n").Append(section);
            if (releaseLink is not null)
            {
                fresh.Append('\n').Append(unreleasedLink is null ? string.Empty : unreleasedLink + "\n").Append(releaseLink).Append('\n');
            }

            return fresh.ToString();
        }

        if (HasVersion(existing, version))
        {
            return existing;
        }

        var newline = existing.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = Lines(existing);
        var text = new StringBuilder(existing);

        // Edits are applied from the end of the file backwards, so earlier offsets stay valid.
        var edits = new List<(int Offset, int Length, string Text)>();
        var linksStart = LinkBlockStart(lines, existing.Length);
        var unreleased = lines.FindIndex(l => UnreleasedHeading().IsMatch(l.Text));
        var body = section.Replace("\n", newline, StringComparison.Ordinal);
        if (unreleased >= 0)
        {
            var next = lines.FindIndex(unreleased + 1, l => l.Text.StartsWith("## ", StringComparison.Ordinal) || l.Start >= linksStart);
            var at = next >= 0 ? lines[next].Start : linksStart;
            edits.Add((at, 0, Separated(existing, at, newline) + body + newline));
        }
        else
        {
            var first = lines.FindIndex(l => l.Text.StartsWith("## ", StringComparison.Ordinal) && l.Start < linksStart);
            var at = first >= 0 ? lines[first].Start : linksStart;
            edits.Add((at, 0, Separated(existing, at, newline) + "## [Unreleased]" + newline + newline + body + newline));
        }

        if (releaseLink is not null)
        {
            // Inserted at the same offset as a section at the end of the file, the links go after it (edits apply in list order).
            var sectionAtEnd = edits[0].Offset == existing.Length;
            edits.Insert(0, LinkEdit(existing, lines, linksStart, releaseLink, unreleasedLink, newline, sectionAtEnd));
        }

        foreach (var (offset, length, insert) in edits.OrderByDescending(e => e.Offset))
        {
            text.Remove(offset, length).Insert(offset, insert);
        }

        return text.ToString();
    }

    // Updates "[Unreleased]: …/compare/vOLD...HEAD" to start at the new tag and puts the release's link right after it;
    // without one, the links go first in the bottom block (or start a block at the end of the file).
    private static (int, int, string) LinkEdit(string existing, List<Line> lines, int linksStart, string releaseLink, string? unreleasedLink, string newline,
        bool sectionAtEnd)
    {
        var current = lines.FindIndex(l => l.Start >= linksStart && l.Text.StartsWith("[Unreleased]:", StringComparison.OrdinalIgnoreCase));
        if (current >= 0)
        {
            var line = lines[current];
            var replacement = unreleasedLink ?? line.Text;
            return (line.Start, line.Text.Length, replacement + newline + releaseLink);
        }

        var block = (unreleasedLink is null ? string.Empty : unreleasedLink + newline) + releaseLink + newline;
        if (linksStart < existing.Length)
        {
            return (linksStart, 0, block);
        }

        return (existing.Length, 0, (sectionAtEnd ? string.Empty : Separated(existing, existing.Length, newline)) + block);
    }

    /// <summary>What must come before text inserted at <paramref name="at"/> so it starts on a line of its own after a blank line.</summary>
    private static string Separated(string text, int at, string newline)
    {
        if (at == 0)
        {
            return string.Empty;
        }

        var before = text[..at];
        if (before.EndsWith(newline + newline, StringComparison.Ordinal))
        {
            return string.Empty;
        }

        return before.EndsWith(newline, StringComparison.Ordinal) ? newline : newline + newline;
    }

    /// <summary>Where the link definitions at the bottom start: the first of the trailing lines that are all "[x]: url" or blank.</summary>
    private static int LinkBlockStart(List<Line> lines, int end)
    {
        var start = end;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            if (LinkDefinition().IsMatch(lines[i].Text))
            {
                start = lines[i].Start;
            }
            else if (lines[i].Text.Trim().Length > 0)
            {
                break;
            }
        }

        return start;
    }

    private static List<Line> Lines(string text)
    {
        var lines = new List<Line>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            var next = end < 0 ? text.Length : end + 1;
            var content = text[start..(end < 0 ? text.Length : end)].TrimEnd('\r');
            lines.Add(new Line(start, content));
            start = next;
        }

        return lines;
    }

    private readonly record struct Line(int Start, string Text);

    [GeneratedRegex(@"^##[ \t]+\[?Unreleased\]?[ \t]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnreleasedHeading();

    [GeneratedRegex(@"^\[[^\]]+\]:[ \t]*\S")]
    private static partial Regex LinkDefinition();
}
