using System.Globalization;

namespace Slipway.Core.Versioning;

/// <summary>
/// Tags that are versions under a prefix that is not configured (`1.2.3` when tags are read with `v`): a repository whose
/// tags all look like that would otherwise be at 0.0.0 without a word.
/// </summary>
public sealed record OtherPrefixTags(string Prefix, int Count, SemanticVersion Highest)
{
    /// <summary>How the prefix is written in slipway.yml.</summary>
    public string Quoted => Prefix.Length == 0 ? "''" : Prefix;

    /// <summary>The tags among <paramref name="names"/> that are a version with another prefix than <paramref name="naming"/>'s, by prefix, most tags first.</summary>
    public static IReadOnlyList<OtherPrefixTags> Find(IEnumerable<string> names, TagNaming naming)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(naming);
        var found = new Dictionary<string, (int Count, SemanticVersion Highest)>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (naming.TryParse(name, out _) || Split(name) is not var (prefix, version))
            {
                continue;
            }

            found[prefix] = found.TryGetValue(prefix, out var seen)
                ? (seen.Count + 1, version > seen.Highest ? version : seen.Highest)
                : (1, version);
        }

        return [.. found.Select(p => new OtherPrefixTags(p.Key, p.Value.Count, p.Value.Highest))
            .OrderByDescending(p => p.Count).ThenBy(p => p.Prefix, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The prefix and version of a tag that is "something, then SemVer": the version starts at the first digit that does not
    /// follow a digit or a dot and from which the rest parses (`conventional-changelog-v8.1.3` is `conventional-changelog-v` +
    /// 8.1.3); a prefix that ends in a digit or a dot is not taken (`1.2.3.4` is not `1.` + 2.3.4).
    /// </summary>
    public static (string Prefix, SemanticVersion Version)? Split(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var i = 0; i < name.Length; i++)
        {
            if (!char.IsAsciiDigit(name[i]) || (i > 0 && (char.IsAsciiDigit(name[i - 1]) || name[i - 1] == '.')))
            {
                continue;
            }

            if (SemanticVersion.TryParse(name.AsSpan(i), out var version, out _))
            {
                return (name[..i], version);
            }
        }

        return null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Count} tag{(Count == 1 ? "" : "s")} {(Prefix.Length == 0 ? "without a prefix" : $"with the prefix '{Prefix}'")} (highest {Prefix}{Highest})");
}
