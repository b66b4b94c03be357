namespace Slipway.Core.Releases;

/// <summary>What `release` would do with a plan: cut it, finish the release already on HEAD, or refuse, and why.</summary>
public enum ReleaseStatus
{
    /// <summary>The next version is new and higher than the current one, with commits to release: release cuts it.</summary>
    Ready,

    /// <summary>HEAD already carries the release (a run that tagged and stopped, or one already done): release finishes or reports it.</summary>
    AlreadyTagged,

    /// <summary>No commits since the base, or none that call for a release (bump auto).</summary>
    NothingToRelease,

    /// <summary>The next version exists already, on another commit (an unmerged branch, a maintenance line).</summary>
    VersionExists,

    /// <summary>The next version is not higher than the current one (a patch below a release candidate on HEAD's line).</summary>
    NotHigher,

    /// <summary>The next version is outside the maintenance line's range (a feat on a patch line), or owned by a higher line.</summary>
    OutOfRange,
}
