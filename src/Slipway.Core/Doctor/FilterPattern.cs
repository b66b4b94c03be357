using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Core.Doctor;

/// <summary>
/// A GitHub Actions filter pattern (on.push.tags, branches, paths), matched by GitHub's rules: `*` any characters but `/`,
/// `**` any characters, `?` zero or one of the preceding character, `+` one or more of it, `[a-z0-9]` one character of the
/// set, `\` escapes, and the whole name must match.
/// </summary>
public sealed class FilterPattern
{
    private readonly Regex _regex;

    private FilterPattern(string text, Regex regex)
    {
        Text = text;
        _regex = regex;
    }

    public string Text { get; }

    public static FilterPattern Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var regex = new StringBuilder("^");
        var previousAtom = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '*' when i + 1 < text.Length && text[i + 1] == '*':
                    regex.Append(".*");
                    i++;
                    previousAtom = false;
                    break;
                case '*':
                    regex.Append("[^/]*");
                    previousAtom = false;
                    break;
                case '?' or '+' when previousAtom:
                    regex.Append(c);
                    previousAtom = false;
                    break;
                case '[' when text.IndexOf(']', i + 1) is var close && close > i + 1:
                    regex.Append('[').Append(CharacterSet(text[(i + 1)..close])).Append(']');
                    i = close;
                    previousAtom = true;
                    break;
                case '\\' when i + 1 < text.Length:
                    regex.Append(Regex.Escape(text[i + 1].ToString()));
                    i++;
                    previousAtom = true;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    previousAtom = true;
                    break;
            }
        }

        return new FilterPattern(text, new Regex(regex.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
    }

    public bool Matches(string name) => _regex.IsMatch(name);

    public override string ToString() => Text;

    /// <summary>Whether a tag starts the workflow: the last pattern of <paramref name="tags"/> that matches decides (a `!` pattern excludes), then tags-ignore excludes.</summary>
    /// <param name="tags">on.push.tags, or null when absent.</param>
    /// <param name="tagsIgnore">on.push.tags-ignore, or null when absent.</param>
    /// <param name="filtersBranches">on.push filters branches and has neither tags nor tags-ignore: then no tag push starts it (paths filters do not apply to tags).</param>
    public static bool TagStarts(IReadOnlyList<string>? tags, IReadOnlyList<string>? tagsIgnore, bool filtersBranches, string tag)
    {
        if (tags is null && tagsIgnore is null)
        {
            return !filtersBranches;
        }

        if (tagsIgnore is not null && tagsIgnore.Any(p => Parse(p).Matches(tag)))
        {
            return false;
        }

        if (tags is null)
        {
            return true;
        }

        var matched = false;
        foreach (var pattern in tags)
        {
            if (pattern.StartsWith('!'))
            {
                matched &= !Parse(pattern[1..]).Matches(tag);
            }
            else if (Parse(pattern).Matches(tag))
            {
                matched = true;
            }
        }

        return matched;
    }

    private static string CharacterSet(string inside)
    {
        var set = new StringBuilder();
        foreach (var c in inside)
        {
            set.Append(c == '-' ? "-" : Regex.Escape(c.ToString()).Replace("]", "\\]", StringComparison.Ordinal));
        }

        return set.ToString();
    }
}
