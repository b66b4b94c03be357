using Slipway.Core.Versioning;

namespace Slipway.Core.Images;

/// <summary>Reads the versions already released from a repository's tag list: the tags that are a version, bare or with the tag prefix (1.2.0, v1.2.0).</summary>
/// <remarks>Floating tags (v1, v1.2, latest) and build tags (main-abc1234) are not versions and are ignored; they are what a promotion moves, not evidence of a release.</remarks>
public static class ReleasedImageVersions
{
    public static IReadOnlyList<SemanticVersion> From(IEnumerable<string> tags, string prefix)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(prefix);
        var versions = new HashSet<SemanticVersion>();
        foreach (var tag in tags)
        {
            if (SemanticVersion.TryParse(tag, out var bare))
            {
                versions.Add(bare);
            }
            else if (prefix.Length > 0 && tag.StartsWith(prefix, StringComparison.Ordinal) && SemanticVersion.TryParse(tag[prefix.Length..], out var prefixed))
            {
                versions.Add(prefixed);
            }
            else if (tag.StartsWith('v') && SemanticVersion.TryParse(tag[1..], out var withV))
            {
                versions.Add(withV);
            }
        }

        return [.. versions.Order()];
    }
}
