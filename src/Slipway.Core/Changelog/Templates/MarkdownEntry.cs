using System.Globalization;
using System.Text;

namespace Slipway.Core.Changelog.Templates;

/// <summary>One entry as a Markdown list item: "- **scope:** description (abc1234), closes #12", linked when the remote is GitHub.</summary>
/// <remarks>Commit text is data: it is copied as it is (one line), never interpreted.</remarks>
public static class MarkdownEntry
{
    /// <param name="wholeSubject">Show the commit's whole subject (under "Other": no section says what `ci:` or `chore:` was).</param>
    public static void Append(StringBuilder text, ChangelogEntry entry, GitHubRemote? remote, bool breaking, bool wholeSubject = false)
    {
        text.Append("- ");
        if (!wholeSubject && entry.Parsed.IsConventional && entry.Scope is { Length: > 0 } scope)
        {
            text.Append("**").Append(OneLine(scope)).Append(":** ");
        }

        var description = breaking ? entry.BreakingNote ?? entry.Description : wholeSubject ? OneLine(entry.Commit.Subject) : entry.Description;
        text.Append(LinkIssues(Indent(description), remote));
        var sha = entry.Commit.ShortSha;
        text.Append(remote is null ? $" ({sha})" : $" ([{sha}]({remote.CommitUrl(entry.Commit.Sha)}))");
        foreach (var issue in entry.Issues)
        {
            var mention = "#" + issue.Number.ToString(CultureInfo.InvariantCulture);
            if (issue.Action is null || ContainsMention(description, mention))
            {
                continue;
            }

            text.Append(", ").Append(issue.Action.ToLowerInvariant()).Append(' ')
                .Append(remote is null ? mention : $"[{mention}]({remote.IssueUrl(issue.Number)})");
        }

        text.Append('\n');
    }

    /// <summary>Newlines and other control characters in a one-line field become spaces, so one entry stays one list item.</summary>
    public static string OneLine(string text)
    {
        if (!text.Any(char.IsControl))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is '\r' or '\n' or '\t')
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    // A multi-line BREAKING CHANGE note stays inside its list item: its following lines are indented.
    private static string Indent(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\r", " ", StringComparison.Ordinal)
            .Replace("\n\n", "\n", StringComparison.Ordinal).Replace("\n", "\n  ", StringComparison.Ordinal);

    private static string LinkIssues(string text, GitHubRemote? remote)
    {
        if (remote is null || !text.Contains('#', StringComparison.Ordinal))
        {
            return text;
        }

        return IssueReferences.Link(text, n => $"[#{n.ToString(CultureInfo.InvariantCulture)}]({remote.IssueUrl(n)})");
    }

    private static bool ContainsMention(string text, string mention)
    {
        var at = text.IndexOf(mention, StringComparison.Ordinal);
        return at >= 0 && (at + mention.Length == text.Length || !char.IsAsciiDigit(text[at + mention.Length]));
    }
}
