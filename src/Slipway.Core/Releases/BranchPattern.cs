using System.Text;
using System.Text.RegularExpressions;
using Slipway.Core.Git;

namespace Slipway.Core.Releases;

/// <summary>
/// A `branch:` entry as a glob, the subset of semantic-release's (micromatch) branch globs Slipway reads: <c>*</c> (any
/// characters but '/'), <c>?</c> (one character but '/') and <c>+([0-9])</c> (one or more digits); everything else is literal.
/// </summary>
public static class BranchPattern
{
    private static readonly string[] ExtglobOpeners = ["+(", "?(", "*(", "@(", "!("];

    /// <summary>Whether the entry has glob syntax at all (a plain name is compared as it is).</summary>
    public static bool IsGlob(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return pattern.AsSpan().IndexOfAny('*', '?', '+') >= 0;
    }

    public static bool Matches(string pattern, string branch)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(branch);
        return IsGlob(pattern) ? Regex.IsMatch(branch, ToRegex(pattern), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) : pattern == branch;
    }

    /// <summary>Why <paramref name="pattern"/> is not a branch name or a glob of the subset, or null when it is.</summary>
    public static string? Problem(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        // The glob's parts stand for name characters: what is left must be a name git accepts.
        var digits = pattern.Replace("+([0-9])", "0", StringComparison.Ordinal);
        if (ExtglobOpeners.Any(o => digits.Contains(o, StringComparison.Ordinal)))
        {
            return "of the extglobs only +([0-9]) is read (and *, ?)";
        }

        var name = digits.Replace('*', 'x').Replace('?', 'x');

        return RefName.Problem(name);
    }

    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            if (string.CompareOrdinal(pattern, i, "+([0-9])", 0, 8) == 0)
            {
                regex.Append("[0-9]+");
                i += 7;
                continue;
            }

            regex.Append(pattern[i] switch
            {
                '*' => "[^/]*",
                '?' => "[^/]",
                var c => Regex.Escape(c.ToString()),
            });
        }

        return regex.Append('$').ToString();
    }
}
