using System.Diagnostics.CodeAnalysis;

namespace Slipway.Core.Versioning;

/// <summary>Turns versions into tag names and back, for one tag prefix ("v" gives v1.2.3).</summary>
public sealed class TagNaming(string prefix)
{
    public string Prefix { get; } = prefix;

    public string TagFor(SemanticVersion version) => Prefix + version;

    /// <summary>The version a tag name stands for, or false when the name is not prefix + SemVer (such tags are ignored).</summary>
    public bool TryParse(string tagName, [NotNullWhen(true)] out SemanticVersion? version)
    {
        version = null;
        return tagName.StartsWith(Prefix, StringComparison.Ordinal)
            && SemanticVersion.TryParse(tagName.AsSpan(Prefix.Length), out version, out _);
    }
}
