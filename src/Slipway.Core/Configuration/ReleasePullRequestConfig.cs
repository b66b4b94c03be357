namespace Slipway.Core.Configuration;

/// <summary>`release_pr:`: with packages, one release pull request for every releasable package (release-please's default), or one per package.</summary>
public sealed record ReleasePullRequestConfig
{
    /// <summary>`separate: true`: a pull request per package, on its own branch (slipway/release-main-core), with only that package's files.</summary>
    public bool Separate { get; init; }
}
