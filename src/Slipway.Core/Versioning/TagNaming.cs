using System.Diagnostics.CodeAnalysis;

namespace Slipway.Core.Versioning;

/// <summary>
/// Turns versions into tag names and back. New tags get the first prefix ("v" gives v1.2.3); a tag with any of the
/// prefixes is a version (a history that moved from `v1.2.3` to `1.2.3`, or back, is read whole).
/// </summary>
public sealed class TagNaming
{
    public TagNaming(params IReadOnlyList<string> prefixes)
    {
        ArgumentNullException.ThrowIfNull(prefixes);
        if (prefixes.Count == 0)
        {
            throw new ArgumentException("at least one tag prefix is needed", nameof(prefixes));
        }

        Prefixes = prefixes;
        ListingPrefix = prefixes.Aggregate((common, next) => common[..CommonLength(common, next)]);
    }

    /// <summary>The prefix new tags get.</summary>
    public string Prefix => Prefixes[0];

    /// <summary>Every prefix a version tag may have, the one new tags get first.</summary>
    public IReadOnlyList<string> Prefixes { get; }

    /// <summary>What every version tag's name starts with (the prefixes' common start): tags without it need not be read at all.</summary>
    public string ListingPrefix { get; }

    public string TagFor(SemanticVersion version) => Prefix + version;

    /// <summary>The version a tag name stands for, or false when the name is not one of the prefixes + SemVer (such tags are ignored).</summary>
    public bool TryParse(string tagName, [NotNullWhen(true)] out SemanticVersion? version)
    {
        ArgumentNullException.ThrowIfNull(tagName);
        foreach (var prefix in Prefixes)
        {
            if (tagName.StartsWith(prefix, StringComparison.Ordinal) && SemanticVersion.TryParse(tagName.AsSpan(prefix.Length), out version, out _))
            {
                return true;
            }
        }

        version = null;
        return false;
    }

    /// <summary>
    /// A version as a person typed it, on the command line or in CI: `1.3.0`, or its tag name (`v1.3.0`, any of the
    /// prefixes). The one parser of typed versions; anything else is a usage error (exit 2) naming the text.
    /// </summary>
    /// <param name="what">Where it was typed, for the message (e.g. "--version"); null for an argument.</param>
    public SemanticVersion ParseVersion(string text, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryParse(text, out var tagged))
        {
            return tagged;
        }

        return SemanticVersion.TryParse(text, out var version, out var why)
            ? version
            : throw new Errors.SlipwayException(Errors.SlipwayError.Usage($"{(what is null ? string.Empty : what + " ")}'{text}' is not a version ({why})",
                $"write it as MAJOR.MINOR.PATCH or its tag, e.g. 1.3.0 or {TagFor(new SemanticVersion(1, 3, 0))}"));
    }

    /// <summary>How the prefixes are written for people: 'v', or 'v' or '' (no prefix).</summary>
    public string Describe() => string.Join(" or ", Prefixes.Select(p => $"'{p}'"));

    private static int CommonLength(string a, string b)
    {
        var n = 0;
        while (n < a.Length && n < b.Length && a[n] == b[n])
        {
            n++;
        }

        return n;
    }
}
