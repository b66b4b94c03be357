using System.Text;
using System.Text.RegularExpressions;
using Slipway.Core.Changelog.Templates;

namespace Slipway.Core.Changelog;

/// <summary>
/// Puts a new release into a Keep a Changelog file, changing nothing else: the section goes right under `## [Unreleased]`
/// (whatever a person wrote under Unreleased stays there; the entries Slipway wrote there for the release's commits move
/// into its section), its compare link joins the links at the bottom, and the file's line endings are kept. String in,
/// string out.
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
    /// <param name="generated">
    /// The entry lines ("- …", and their indented continuation lines) Slipway writes for the release's commits, in any of its forms: such a line under Unreleased was
    /// written there by `changelog --write` before the release and is now in the release's section, so it leaves Unreleased
    /// (with a `###` heading left empty by it). Any other line under Unreleased is a person's and stays.
    /// </param>
    public static string Merge(string? existing, string version, string section, string? releaseLink, string? unreleasedLink,
        IReadOnlyCollection<string>? generated = null)
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
            var blockEnd = next >= 0 ? next : lines.Count;
            var block = lines.GetRange(unreleased + 1, blockEnd - unreleased - 1);
            if (WithoutGenerated(block, generated) is { } kept)
            {
                // Slipway's own entries leave Unreleased: the block is rewritten with what is left, then the section.
                var blockStart = block[0].Start;
                var left = kept.Count == 0 ? string.Empty : string.Join(newline, kept) + newline;
                edits.Add((blockStart, at - blockStart, newline + left + (left.Length == 0 ? string.Empty : newline) + body + newline));
            }
            else
            {
                edits.Add((at, 0, Separated(existing, at, newline) + body + newline));
            }
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

    /// <summary>
    /// The Unreleased block's lines without the generated entries (and the headings only they were under), blank lines
    /// collapsed, none leading or trailing; null when no line of it is generated (then nothing under Unreleased changes).
    /// </summary>
    private static List<string>? WithoutGenerated(List<Line> block, IReadOnlyCollection<string>? generated)
    {
        if (generated is null || generated.Count == 0)
        {
            return null;
        }

        // Compared without their links: an entry written while the remote had another address is still the same entry.
        generated = generated.Select(Unlinked).ToHashSet(StringComparer.Ordinal);
        if (!block.Any(l => IsGenerated(l.Text, generated)))
        {
            return null;
        }

        var keep = new bool[block.Count];
        for (var i = 0; i < block.Count; i++)
        {
            // An entry's continuation lines (a multi-line breaking note, indented) go with it.
            var continued = i > 0 && !keep[i - 1] && block[i - 1].Text.Length > 0 && block[i].Text.StartsWith("  ", StringComparison.Ordinal)
                && generated.Contains(Unlinked(block[i].Text));
            keep[i] = !IsGenerated(block[i].Text, generated) && !continued;
        }

        for (var i = 0; i < block.Count; i++)
        {
            if (!block[i].Text.StartsWith("### ", StringComparison.Ordinal))
            {
                continue;
            }

            var under = Enumerable.Range(i + 1, block.Count - i - 1).TakeWhile(j => !block[j].Text.StartsWith("### ", StringComparison.Ordinal)).ToList();
            if (under.Any(j => !keep[j]) && under.All(j => !keep[j] || block[j].Text.Trim().Length == 0))
            {
                keep[i] = false;
            }
        }

        var kept = new List<string>();
        for (var i = 0; i < block.Count; i++)
        {
            var blank = block[i].Text.Trim().Length == 0;
            if (keep[i] && !(blank && (kept.Count == 0 || kept[^1].Trim().Length == 0)))
            {
                kept.Add(block[i].Text);
            }
        }

        while (kept.Count > 0 && kept[^1].Trim().Length == 0)
        {
            kept.RemoveAt(kept.Count - 1);
        }

        return kept;
    }

    private static bool IsGenerated(string line, IReadOnlyCollection<string> generated) =>
        line.StartsWith("- ", StringComparison.Ordinal) && generated.Contains(Unlinked(line));

    /// <summary>A Markdown line with each link `[text](url)` written as its text, and no trailing space.</summary>
    private static string Unlinked(string line) => MarkdownLink().Replace(line, "$1").TrimEnd();

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

    [GeneratedRegex(@"\[([^\]\n]*)\]\([^)\s]*\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^\[[^\]]+\]:[ \t]*\S")]
    private static partial Regex LinkDefinition();
}
