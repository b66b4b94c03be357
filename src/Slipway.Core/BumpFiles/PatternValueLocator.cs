using System.Text.RegularExpressions;

namespace Slipway.Core.BumpFiles;

/// <summary>The regex fallback: the first match's one capture group is the version (multi-line mode: ^ and $ match at lines).</summary>
public static class PatternValueLocator
{
    /// <summary>Null when the pattern is a valid regex with exactly one capture group; otherwise what is wrong with it.</summary>
    public static string? Problem(string pattern)
    {
        try
        {
            var groups = new Regex(pattern, RegexOptions.Multiline, TimeSpan.FromSeconds(2)).GetGroupNumbers().Length - 1;
            return groups == 1 ? null : $"the pattern must have exactly one capture group (the version), it has {groups}";
        }
        catch (ArgumentException e)
        {
            return $"not a valid regular expression ({e.Message})";
        }
    }

    internal static ValueSpan? Find(string text, string pattern)
    {
        var match = new Regex(pattern, RegexOptions.Multiline, TimeSpan.FromSeconds(2)).Match(text);
        return match.Success && match.Groups.Count > 1 && match.Groups[1].Success
            ? new ValueSpan(match.Groups[1].Index, match.Groups[1].Length)
            : null;
    }
}
