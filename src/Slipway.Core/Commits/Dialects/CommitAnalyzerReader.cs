using System.Text.RegularExpressions;

namespace Slipway.Core.Commits.Dialects;

/// <summary>
/// Reads commits the way @semantic-release/commit-analyzer 13 does: conventional-commits-parser 6.4.0 with a
/// preset's options, then conventional-commits-filter's reverted-commit filter (a revert and the commit it reverts
/// both leave the range when both are in it).
/// </summary>
public sealed partial class CommitAnalyzerReader(CommitAnalyzerOptions options) : ICommitReader
{
    public IReadOnlyList<CommitReading> Read(IReadOnlyList<Commit> commits)
    {
        ArgumentNullException.ThrowIfNull(commits);
        var parsed = commits.Where(c => c.Message.Trim().Length > 0).Select(Parse).ToList();
        var kept = FilterReverted(parsed).ToHashSet(ReferenceEqualityComparer.Instance);
        return [.. parsed.Select(p => kept.Contains(p) ? p.Reading : p.Reading with { IsCancelled = true })];
    }

    private Parsed Parse(Commit commit)
    {
        var message = commit.Message;
        var lines = NewLine().Split(TrimNewLines(message)).Where(l => !GpgLine().IsMatch(l)).ToList();
        var header = lines.Count > 0 ? lines[0] : string.Empty;
        Match? match = null;
        var breakingHeader = false;
        if (header.Length > 0)
        {
            if (options.BreakingHeader?.Match(header) is { Success: true } bang)
            {
                match = bang;
                breakingHeader = true;
            }
            else if (options.Header.Match(header) is { Success: true } plain)
            {
                match = plain;
            }
        }

        var type = match is not null && match.Groups[1].Value.Length > 0 ? match.Groups[1].Value : null;
        var notes = HasNote(lines) || breakingHeader;
        var revert = options.Revert.Match(message);
        return new Parsed(
            new CommitReading(commit, type, notes, revert.Success),
            header,
            revert.Success ? revert.Groups[1].Value : null,
            revert.Success ? revert.Groups[2].Value : null);
    }

    /// <summary>A note is a line after the header that matches the note keywords, unless a "-field-" line swallowed it.</summary>
    private bool HasNote(List<string> lines)
    {
        var i = 1;
        while (i < lines.Count)
        {
            // parseMeta: a "-name-" line opens a field that takes every following line; "--" (empty name) takes none.
            string? field = null;
            while (i < lines.Count)
            {
                var meta = FieldLine().Match(lines[i]);
                if (meta.Success)
                {
                    field = meta.Groups[1].Value.Length > 0 ? meta.Groups[1].Value : null;
                    i++;
                }
                else if (field is not null)
                {
                    i++;
                }
                else
                {
                    break;
                }
            }

            if (i < lines.Count && options.Notes.IsMatch(lines[i]))
            {
                return true;
            }

            i++;
        }

        return false;
    }

    /// <summary>conventional-commits-filter's RevertedCommitsFilter: newest first, a held revert cancels the commit it names.</summary>
    private static List<Parsed> FilterReverted(IEnumerable<Parsed> commits)
    {
        var held = new List<Parsed>();
        var kept = new List<Parsed>();
        foreach (var commit in commits)
        {
            var revert = held.FirstOrDefault(r =>
                string.Equals(commit.Header.Trim(), r.RevertedHeader?.Trim(), StringComparison.Ordinal)
                && string.Equals(commit.Reading.Source.Sha, r.RevertedHash?.Trim(), StringComparison.Ordinal));
            if (revert is not null)
            {
                held.Remove(revert);
                continue;
            }

            (commit.Reading.IsRevert ? held : kept).Add(commit);
        }

        return [.. kept, .. held];
    }

    private static string TrimNewLines(string text) => text.Trim('\r', '\n');

    private sealed record Parsed(CommitReading Reading, string Header, string? RevertedHeader, string? RevertedHash);

    [GeneratedRegex(@"\r?\n")]
    private static partial Regex NewLine();

    [GeneratedRegex(@"^\s*gpg:")]
    private static partial Regex GpgLine();

    [GeneratedRegex("^-(.*?)-$")]
    private static partial Regex FieldLine();
}
