namespace Slipway.Core.Configuration;

/// <summary>The `release:` section: where a release is published and how its notes are written.</summary>
public sealed record ReleaseConfig
{
    /// <summary>The built-in notes template: the changelog, then the `docker pull` and `helm upgrade --install` commands.</summary>
    public const string DefaultNotes = "default";

    /// <summary>Publishing to GitHub Releases; null when `release.github` is absent (then `release` does not publish).</summary>
    public GitHubReleaseConfig? GitHub { get; init; }

    /// <summary>`default` (the built-in template) or the path of a Liquid template, relative to the repository root.</summary>
    public string Notes { get; init; } = DefaultNotes;
}
