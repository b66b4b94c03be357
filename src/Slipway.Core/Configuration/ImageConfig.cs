using Slipway.Core.Images;

namespace Slipway.Core.Configuration;

/// <summary>slipway.yml's `image:` section: which images, their tag rules (metadata-action syntax), flavor, labels, and registry transport.</summary>
public sealed record ImageConfig
{
    /// <summary>Image names (ghcr.io/owner/app); empty means the tags are printed without an image.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    /// <summary>The tag rules as written, one per line; the default is the seed's (v{{version}}, v{{major}}.{{minor}}, v{{major}}, {{branch}}-sha).</summary>
    public string Tags { get; init; } = ImageTagRules.DefaultTags;

    /// <summary>Flavor lines such as latest=auto, prefix=…, suffix=….</summary>
    public IReadOnlyList<string> Flavor { get; init; } = [];

    /// <summary>Extra labels as key=value lines.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>The tag rule that names the image built for a commit (metadata-action syntax, one line), which `ci release` gives the version tags.</summary>
    public string Source { get; init; } = DefaultSource;

    /// <summary>The seed's build tag: the branch and the short commit, e.g. main-abc1234.</summary>
    public const string DefaultSource = "type=sha,prefix={{branch}}-";

    /// <summary>The image scan (image.scan:) that must pass before the image gets version tags and before it is deployed; null when none is configured.</summary>
    public ImageScanConfig? Scan { get; init; }

    /// <summary>Reach the registry over plain HTTP (localhost and 127.0.0.0/8 always are).</summary>
    public bool Insecure { get; init; }

    /// <summary>The planner's inputs for these settings.</summary>
    public ImageTagRules Rules() => new()
    {
        Images = Names.Count == 0 ? [] : ImageName.ParseList(Names),
        Tags = ImageTagRules.Parse(Tags),
        Flavor = ImageFlavor.Parse(Flavor),
        Labels = Labels,
    };
}
