using System.Text;
using System.Text.RegularExpressions;
using Slipway.Core.Versioning;

namespace Slipway.Core.Commits.Dialects;

/// <summary>
/// Reads commits the way release-please 17.9 does (parseConventionalCommits): each message is first split into
/// several at BEGIN_NESTED_COMMIT blocks and at paragraphs that start with a standard type, each part is parsed by
/// @conventional-commits/parser, and every footer that itself parses as a commit becomes one more commit.
/// A message the parser rejects gives nothing.
/// </summary>
public sealed partial class ReleasePleaseReader : ICommitReader
{
    private const string BreakingNote = "BREAKING CHANGE";
    private const string ReleaseAsNote = "RELEASE AS";

    public IReadOnlyList<CommitReading> Read(IReadOnlyList<Commit> commits)
    {
        ArgumentNullException.ThrowIfNull(commits);
        var readings = new List<CommitReading>();
        foreach (var commit in commits)
        {
            foreach (var part in SplitMessages(commit.Message))
            {
                if (ConventionalCommitsGrammar.TryParse(part) is not { } tree)
                {
                    continue;
                }

                foreach (var parsed in Convert(tree))
                {
                    var releaseAs = parsed.Notes.FirstOrDefault(n => n.Title == ReleaseAsNote)?.Text;
                    var breaking = parsed.Notes.Any(n => n.Title == BreakingNote);
                    // The changelog writer's addBangNotes: a "type!: " header (word-character type) is listed as breaking.
                    var listed = !breaking && parsed.Bang && parsed.Type.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
                    readings.Add(new CommitReading(commit, parsed.Type, breaking, ReleaseAs: ReleaseVersion(releaseAs), IsListedAsBreaking: listed, IsFooter: parsed.IsFooter));
                }
            }
        }

        return readings;
    }

    /// <summary>release-please's splitMessages: nested-commit blocks, then paragraphs that start with a standard type.</summary>
    public static IReadOnlyList<string> SplitMessages(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var parts = message.Split("BEGIN_NESTED_COMMIT");
        var main = new StringBuilder(parts[0]);
        var nested = new List<string>();
        foreach (var part in parts.Skip(1))
        {
            var pieces = part.Split("END_NESTED_COMMIT");
            nested.Add(pieces[0]);
            main.Append(string.Join("END_NESTED_COMMIT", pieces.Skip(1)));
        }

        return [.. TypeParagraph().Split(main.ToString()).Where(p => p.Length > 0), .. nested];
    }

    /// <summary>toConventionalChangelogFormat + postProcessCommits: the nested commits of the footers first, then the message's own.</summary>
    private static List<ParsedCommit> Convert(SyntaxNode tree)
    {
        var commits = new List<ParsedCommit>();
        var summary = tree.Children.First(c => c.Kind == "summary");
        var body = tree.Children.FirstOrDefault(c => c.Kind == "body");
        var type = summary.Children.First(c => c.Kind == "type").Value;
        var subject = summary.Children.LastOrDefault(c => c.Kind == "text")?.Value ?? string.Empty;
        var bodyText = body is null ? string.Empty : string.Concat(body.Walk().Where(p => p.Node.Kind is "text" or "newline").Select(p => p.Node.Value));
        var notes = new List<Note>();

        // Every breaking-change marker, in document order, sets the note's text; an empty text means no note.
        var breaking = string.Empty;
        foreach (var (node, parent, grandparent) in WalkWithGrandparents(tree))
        {
            if (node.Kind != "breaking-change" || parent is null)
            {
                continue;
            }

            switch (parent.Kind)
            {
                case "summary":
                    breaking = subject;
                    break;
                case "body":
                    var hit = false;
                    var text = new StringBuilder();
                    foreach (var (n, _) in parent.Walk())
                    {
                        if (n.Kind == "breaking-change")
                        {
                            hit = true;
                        }
                        else if (hit && n.Kind is "text" or "newline")
                        {
                            text.Append(n.Value);
                        }
                    }

                    breaking = text.ToString();
                    break;
                case "token" when node.Value.Contains("BREAKING", StringComparison.Ordinal) && grandparent is not null:
                    foreach (var (n, _) in grandparent.Walk())
                    {
                        if (n.Kind is "text" or "newline")
                        {
                            breaking = n.Value;
                        }
                    }

                    break;
            }
        }

        if (breaking.Length > 0)
        {
            notes.Add(new Note(BreakingNote, breaking));
        }

        // Footers that read like commits ("feat(x): y" in a footer) become commits of their own.
        foreach (var (node, parent, footer) in WalkWithGrandparents(tree))
        {
            if (node.Kind != "type" || parent?.Kind != "token" || footer is null)
            {
                continue;
            }

            var footerText = new StringBuilder();
            foreach (var (n, _) in footer.Walk())
            {
                switch (n.Kind)
                {
                    case "scope":
                        footerText.Append('(').Append(n.Value).Append(')');
                        break;
                    case "separator":
                        if (!n.Value.Contains('#', StringComparison.Ordinal))
                        {
                            footerText.Append(n.Value).Append(' ');
                        }

                        break;
                    case "type" or "breaking-change" or "text" or "newline":
                        footerText.Append(n.Value);
                        break;
                }
            }

            if (node.Value.Equals("release-as", StringComparison.OrdinalIgnoreCase))
            {
                var releaseAs = footer.Walk().LastOrDefault(p => p.Node.Kind == "text").Node?.Value ?? string.Empty;
                notes.Add(new Note(ReleaseAsNote, releaseAs.Trim()));
            }

            if (ConventionalCommitsGrammar.TryParse(footerText.ToString()) is { } nested)
            {
                commits.AddRange(Convert(nested).Select(c => c with { IsFooter = true }));
            }
        }

        // postProcessCommits: "BREAKING-CHANGE:" anywhere in the body text is a breaking change too.
        if (BodyBreakingChange().Match(bodyText) is { Success: true } match && match.Groups[1].Value.Trim().Length > 0
            && !notes.Any(n => n.Title == BreakingNote))
        {
            notes.Add(new Note(BreakingNote, match.Groups[1].Value.Trim()));
        }

        commits.Add(new ParsedCommit(type, notes, summary.Children.Any(c => c.Kind == "breaking-change")));
        return commits;
    }

    private static IEnumerable<(SyntaxNode Node, SyntaxNode? Parent, SyntaxNode? Grandparent)> WalkWithGrandparents(
        SyntaxNode node, SyntaxNode? parent = null, SyntaxNode? grandparent = null)
    {
        yield return (node, parent, grandparent);
        foreach (var child in node.Children)
        {
            foreach (var triple in WalkWithGrandparents(child, node, parent))
            {
                yield return triple;
            }
        }
    }

    /// <summary>Release-As text as release-please's Version.parse reads it (a leading 'v' is allowed); null when not a version.</summary>
    private static SemanticVersion? ReleaseVersion(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var trimmed = text.Trim();
        trimmed = trimmed.StartsWith('v') ? trimmed[1..] : trimmed;
        return SemanticVersion.TryParse(trimmed, out var version) ? version : null;
    }

    private sealed record Note(string Title, string Text);

    private sealed record ParsedCommit(string Type, List<Note> Notes, bool Bang, bool IsFooter = false);

    [GeneratedRegex(@"\r?\n\r?\n(?=(?:feat|fix|docs|style|refactor|perf|test|build|ci|chore|revert)(?:\([^\n\r\u2028\u2029]*?\))?: )")]
    private static partial Regex TypeParagraph();

    [GeneratedRegex(@"BREAKING-CHANGE:\s*([^\n\r\u2028\u2029]*)")]
    private static partial Regex BodyBreakingChange();
}
