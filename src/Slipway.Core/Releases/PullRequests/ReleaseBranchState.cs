using Slipway.Core.Versioning;

namespace Slipway.Core.Releases.PullRequests;

/// <summary>How the remote release branch compares with the commit the proposal calls for.</summary>
public enum ReleaseBranchStatus
{
    /// <summary>It is that commit (same parent, tree and message): nothing to push.</summary>
    Current,

    /// <summary>There is no release branch yet.</summary>
    Missing,

    /// <summary>A release commit on an older tip of the branch, or of another proposal: rebuilt.</summary>
    Behind,

    /// <summary>Someone pushed to it or rewrote it: rebuilt, and said so.</summary>
    ChangedByHand,
}

/// <summary>Tells Slipway's own release commit from one that was changed by hand.</summary>
public static class ReleaseBranchState
{
    /// <param name="tip">The remote release branch's tip, or null when there is no such branch.</param>
    /// <param name="parent">The commit the release commit should sit on (the release branch's tip).</param>
    /// <param name="tree">The tree it should have.</param>
    /// <param name="message">The message it should have.</param>
    public static ReleaseBranchStatus Decide(ReleaseBranchTip? tip, string parent, string tree, string message, TagNaming naming)
    {
        ArgumentNullException.ThrowIfNull(naming);
        return Decide(tip, parent, tree, message, tag => naming.TryParse(tag, out _));
    }

    /// <param name="isReleaseTag">Whether a tag the tip's trailer names is one of the repository's version tags (a monorepo's: any package's).</param>
    public static ReleaseBranchStatus Decide(ReleaseBranchTip? tip, string parent, string tree, string message, Func<string, bool> isReleaseTag)
    {
        ArgumentNullException.ThrowIfNull(isReleaseTag);
        if (tip is null)
        {
            return ReleaseBranchStatus.Missing;
        }

        var ours = tip.Parents.Count == 1 && tip.ParentOnBranch && ReleaseTrailer.Tags(tip.Message).Any(isReleaseTag);
        if (!ours)
        {
            return ReleaseBranchStatus.ChangedByHand;
        }

        if (tip.Parents[0] == parent && Same(tip.Message, message))
        {
            // The same commit in all but its dates: anything else in its tree was put there by someone.
            return tip.Tree == tree ? ReleaseBranchStatus.Current : ReleaseBranchStatus.ChangedByHand;
        }

        return ReleaseBranchStatus.Behind;
    }

    private static bool Same(string a, string b) => a.TrimEnd('\n') == b.TrimEnd('\n');
}
