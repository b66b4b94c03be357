namespace Slipway.Core.Ci;

/// <summary>Where the version's image stands in the registry, for `ci release`'s image step.</summary>
public enum VersionImageStatus
{
    /// <summary>Every version tag is on one image: nothing to do (the workflow built and pushed them, or a run before this one tagged them).</summary>
    Done,

    /// <summary>The image is there (under its build tag or the main version tag); some version tags are missing or elsewhere.</summary>
    ToDo,

    /// <summary>Neither the commit's build tag nor the version's main tag is in the registry: there is nothing to tag.</summary>
    Missing,
}

/// <summary>The image step's decision: its status, the image's digest, and the tag to copy the manifest from.</summary>
public sealed record VersionImageState(VersionImageStatus Status, string? Digest, string? From)
{
    /// <summary>Decides from what the registry holds, asking nothing.</summary>
    /// <param name="versionTags">The version's tags as the rules give them (the main tag first).</param>
    /// <param name="digests">Each of those tags to the digest it points at (missing or null: the tag does not exist).</param>
    /// <param name="sourceTag">The commit's build tag (main-abc1234).</param>
    /// <param name="sourceDigest">Its digest; null when the registry does not have it.</param>
    public static VersionImageState Decide(IReadOnlyList<string> versionTags, IReadOnlyDictionary<string, string?> digests, string sourceTag, string? sourceDigest)
    {
        ArgumentNullException.ThrowIfNull(versionTags);
        ArgumentNullException.ThrowIfNull(digests);
        string? DigestOf(string tag) => digests.TryGetValue(tag, out var d) ? d : null;

        // The build tag is the image built for the commit; without it (deleted, or never pushed because the workflow built on the tag),
        // the main version tag is the image to complete the other tags from.
        var (from, digest) = sourceDigest is not null ? (sourceTag, sourceDigest)
            : versionTags.Count > 0 && DigestOf(versionTags[0]) is { } main ? (versionTags[0], main)
            : (null, null);
        if (digest is null)
        {
            return new VersionImageState(VersionImageStatus.Missing, null, null);
        }

        return versionTags.All(t => DigestOf(t) == digest)
            ? new VersionImageState(VersionImageStatus.Done, digest, from)
            : new VersionImageState(VersionImageStatus.ToDo, digest, from);
    }
}
