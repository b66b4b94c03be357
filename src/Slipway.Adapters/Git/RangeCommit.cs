using Slipway.Core.Commits;

namespace Slipway.Adapters.Git;

/// <summary>
/// A commit of several ranges read at once (<see cref="LocalObjectReader.Ranges"/>): which of the ranges' bases reach it (it
/// is in base i's range when base i does not) and which of the asked folders it changed.
/// </summary>
public sealed record RangeCommit(Commit Commit, ulong[] ReachedBy, IReadOnlyList<string> ChangedFolders)
{
    /// <summary>True when the base at <paramref name="index"/> reaches the commit, so the commit is not in that base's range.</summary>
    public bool IsReachedBy(int index) => (ReachedBy[index / 64] & (1UL << (index % 64))) != 0;
}
