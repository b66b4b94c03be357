namespace Slipway.Core.Configuration;

/// <summary>The `release.github:` section: which repository receives the releases.</summary>
public sealed record GitHubReleaseConfig
{
    /// <summary>owner/name; null means GITHUB_REPOSITORY, then the `origin` remote's URL.</summary>
    public string? Repo { get; init; }
}
