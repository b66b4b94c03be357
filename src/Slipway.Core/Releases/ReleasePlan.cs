using Slipway.Core.Commits;
using Slipway.Core.Versioning;

namespace Slipway.Core.Releases;

/// <summary>Everything a release would do, computed without changing anything: what plan shows and release executes.</summary>
public sealed record ReleasePlan
{
    /// <summary>The highest version tag reachable from HEAD (may be a prerelease), or null when there is none.</summary>
    public required VersionTag? Current { get; init; }

    /// <summary>The tag the release range starts after (commits since it are in the release), or null for the whole history.</summary>
    public required VersionTag? Base { get; init; }

    public required BumpDecision Bump { get; init; }

    public required SemanticVersion Next { get; init; }

    public required string NextTag { get; init; }

    /// <summary>The commits since <see cref="Base"/>, newest first, merges excluded.</summary>
    public required IReadOnlyList<Commit> Commits { get; init; }

    public required string Changelog { get; init; }

    /// <summary>True when <see cref="NextTag"/> already exists on HEAD: a release that tagged and then failed, or one already done.</summary>
    public required bool TagExistsAtHead { get; init; }

    public IReadOnlyList<PreflightCheck> Checks { get; init; } = [];

    /// <summary>Why there is nothing to release, or null when there is something.</summary>
    public string? NothingToRelease { get; init; }

    public bool ChecksPass => Checks.All(c => c.Ok);
}
