namespace Slipway.Core.Images;

/// <summary>The tags and OCI labels a build gets: the same tag names for every image, in metadata-action's order (rule priority, latest last).</summary>
public sealed record ImageTagSet
{
    /// <summary>The main tag (metadata-action's `version` output and the version label), null when no rule gave a tag.</summary>
    public string? Version { get; init; }

    /// <summary>Tag names without image: the main tag, the others, then `latest` when given.</summary>
    public IReadOnlyList<string> TagNames { get; init; } = [];

    public bool Latest { get; init; }

    /// <summary>The enabled images, lowercased.</summary>
    public IReadOnlyList<string> Images { get; init; } = [];

    /// <summary>Labels sorted by key (org.opencontainers.image.version, .revision, .source, .created, … and the configured ones).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; init; } = [];

    /// <summary>Floating tags the rules would give but this build does not get.</summary>
    public IReadOnlyList<WithheldTag> Withheld { get; init; } = [];

    /// <summary>image:tag for every image and tag, grouped by image; bare tag names when there are no images.</summary>
    public IReadOnlyList<string> References =>
        Images.Count == 0 ? TagNames : [.. Images.SelectMany(image => TagNames.Select(tag => $"{image}:{tag}"))];
}
