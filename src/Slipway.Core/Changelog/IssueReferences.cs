using System.Globalization;
using System.Text.RegularExpressions;
using Slipway.Core.Commits;

namespace Slipway.Core.Changelog;

/// <summary>Finds the issues a commit mentions: #123 in its description and footers such as `Fixes #12` or `Closes: #3, #4`.</summary>
public static partial class IssueReferences
{
    private static readonly HashSet<string> Actions = new(StringComparer.OrdinalIgnoreCase)
    {
        "close", "closes", "closed", "fix", "fixes", "fixed", "resolve", "resolves", "resolved", "ref", "refs", "references", "see", "issue", "issues",
    };

    public static IReadOnlyList<IssueReference> Find(string description, IReadOnlyList<CommitFooter> footers)
    {
        var found = new List<IssueReference>();
        foreach (var number in Numbers(HashNumber(), description))
        {
            Add(found, new IssueReference(number, null));
        }

        foreach (var footer in footers)
        {
            if (!Actions.Contains(footer.Token))
            {
                continue;
            }

            // "Fixes #12" may come from the parser as value "#12" or "12"; "Closes: #3, #4" as "#3, #4".
            var regex = footer.Value.TrimStart().StartsWith('#') ? HashNumber() : BareNumber();
            foreach (var number in Numbers(regex, footer.Value))
            {
                Add(found, new IssueReference(number, Capitalise(footer.Token)));
            }
        }

        return found;
    }

    /// <summary>Replaces each #123 mention in <paramref name="text"/> with what <paramref name="link"/> makes of its number.</summary>
    public static string Link(string text, Func<int, string> link) =>
        HashNumber().Replace(text, match => int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? link(n)
            : match.Value);

    private static void Add(List<IssueReference> found, IssueReference reference)
    {
        var index = found.FindIndex(r => r.Number == reference.Number);
        if (index < 0)
        {
            found.Add(reference);
        }
        else if (found[index].Action is null && reference.Action is not null)
        {
            found[index] = reference;
        }
    }

    private static IEnumerable<int> Numbers(Regex regex, string text)
    {
        foreach (Match match in regex.Matches(text))
        {
            if (int.TryParse(match.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
            {
                yield return number;
            }
        }
    }

    private static string Capitalise(string token) =>
        token.Length == 0 ? token : char.ToUpperInvariant(token[0]) + token[1..].ToLowerInvariant();

    // Not after a word character, '/' or '&' (so "a#1", "owner/repo#1" and "&#39;" are not issues here).
    [GeneratedRegex(@"(?<![\w/&])#(\d{1,9})\b", RegexOptions.CultureInvariant)]
    private static partial Regex HashNumber();

    [GeneratedRegex(@"^\s*(\d{1,9})\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BareNumber();
}
