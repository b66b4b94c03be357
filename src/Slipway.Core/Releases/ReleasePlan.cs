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

    /// <summary>The verdicts of `release.gates`, in order (empty when none is configured, or not evaluated yet).</summary>
    public IReadOnlyList<Gates.GateVerdict> Gates { get; init; } = [];

    /// <summary>The gates skipped with --skip-gate and why; the tag message records them.</summary>
    public IReadOnlyList<Gates.GateSkip> SkippedGates { get; init; } = [];

    /// <summary>What release would do with this plan: cut it, finish the release on HEAD, or refuse (and why).</summary>
    public required ReleaseStatus Status { get; init; }

    /// <summary>Why there is nothing to release, or null when there is something.</summary>
    public string? NothingToRelease { get; init; }

    /// <summary>The tag in the way: the existing tag of the same version (<see cref="ReleaseStatus.VersionExists"/>) or the current, higher one (<see cref="ReleaseStatus.NotHigher"/>).</summary>
    public VersionTag? Conflict { get; init; }

    /// <summary>Why no new version can be cut from this plan, as one line and its fix; null when <see cref="Status"/> is <see cref="ReleaseStatus.Ready"/>.</summary>
    public (string Message, string Fix)? Refusal => Status switch
    {
        ReleaseStatus.AlreadyTagged => ($"HEAD is already released as {NextTag}; there is nothing after it to release",
            "commit the changes to release first (`slipway version` prints the current version; `slipway release` finishes an unpushed release)"),
        ReleaseStatus.NothingToRelease => ($"nothing to release: {NothingToRelease}", "commit the changes to release first"),
        ReleaseStatus.VersionExists => ($"{Next} already exists: tag {Conflict?.Name} on {Conflict?.ShortCommit}, not reachable from HEAD",
            "choose another bump (--bump), or release from the branch that has it"),
        ReleaseStatus.NotHigher => ($"{Next} is not higher than the current version {Conflict?.Version} (tag {Conflict?.Name}); a release never goes back",
            $"choose a bigger bump (e.g. --bump {(Conflict?.Version.Patch == 0 ? (Conflict.Version.Minor == 0 ? "major" : "minor") : "patch")}), or release the lower line from its own branch"),
        ReleaseStatus.OutOfRange => (OutOfRangeMessage, "a maintenance line takes fixes only: release this change from a higher line's branch, or choose a bump the line allows (--bump patch)"),
        _ => null,
    };

    private string OutOfRangeMessage => Line?.Line is { } line && Bounds is { } bounds
        ? $"{Next} is outside the maintenance line {Line.Name} ({line}{(bounds == line ? string.Empty : $"; {bounds.Upper} and up are another branch's, so {bounds}")}): {Bump.Reason}"
        : $"{Next} is outside the branch's range";

    /// <summary>The maintenance line the release is cut on, or null on a release or prerelease branch without a range.</summary>
    public ReleaseBranch? Line { get; init; }

    /// <summary>On a maintenance line, the versions it may still release (its range, below what higher lines own); else null.</summary>
    public VersionRange? Bounds { get; init; }

    public bool ChecksPass => Checks.All(c => c.Ok);
}
