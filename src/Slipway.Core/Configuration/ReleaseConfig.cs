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

    /// <summary>How a release reaches the branch: `release` tags and pushes it directly, or a standing release pull request proposes it.</summary>
    public ReleaseFlow Flow { get; init; } = ReleaseFlow.Direct;

    /// <summary>`release.gates`: the checks `release` runs after preflight and before it writes anything, in order.</summary>
    public IReadOnlyList<Gates.ReleaseGate> Gates { get; init; } = [];
}

/// <summary>`release.flow`: direct (`slipway release` commits, tags and pushes) or pull_request (`ci release-pr` proposes, merging releases).</summary>
public enum ReleaseFlow
{
    Direct,
    PullRequest,
}
