using System.Text.RegularExpressions;
using Slipway.Core.Errors;

namespace Slipway.Core.Images;

/// <summary>A JavaScript regular expression as metadata-action uses it (`String.match`): plain source or /source/flags, where the g flag returns every whole match instead of groups.</summary>
internal static class ScriptPattern
{
    // Hostile tag names must not stall a release: a pattern gets a bounded time.
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    /// <summary>The match's groups (index 0 = whole match; null where a group did not take part), or null when it does not match.</summary>
    public static IReadOnlyList<string?>? Match(string input, string pattern, bool allowSlashForm)
    {
        var source = pattern;
        var flags = string.Empty;
        if (allowSlashForm && pattern.Length > 2 && pattern[0] == '/' && pattern.LastIndexOf('/') > 1)
        {
            var last = pattern.LastIndexOf('/');
            source = pattern[1..last];
            flags = pattern[(last + 1)..];
        }

        var options = flags.Contains('s', StringComparison.Ordinal) ? RegexOptions.Singleline : RegexOptions.ECMAScript;
        if (flags.Contains('i', StringComparison.Ordinal))
        {
            options |= RegexOptions.IgnoreCase;
        }

        if (flags.Contains('m', StringComparison.Ordinal))
        {
            options |= RegexOptions.Multiline;
        }

        Regex regex;
        try
        {
            regex = new Regex(source, options, Timeout);
        }
        catch (ArgumentException e)
        {
            throw new SlipwayException(SlipwayError.Usage($"image tag pattern '{pattern}' is not a valid regular expression ({SlipwayError.Flatten(e.Message)})", "fix the pattern"));
        }

        try
        {
            if (flags.Contains('g', StringComparison.Ordinal))
            {
                var all = regex.Matches(input).Select(m => (string?)m.Value).ToList();
                return all.Count == 0 ? null : all;
            }

            var match = regex.Match(input);
            return match.Success ? match.Groups.Cast<Group>().Select(g => g.Success ? g.Value : null).ToList() : null;
        }
        catch (RegexMatchTimeoutException)
        {
            throw new SlipwayException(SlipwayError.Usage($"image tag pattern '{pattern}' took too long on '{input}'", "simplify the pattern"));
        }
    }
}
