namespace Slipway.Core.Releases.PullRequests;

/// <summary>A commit as git stores it, reduced to what says whether it is the release commit: parents, tree, message.</summary>
public sealed record ReleaseBranchTip(string Sha, IReadOnlyList<string> Parents, string Tree, string Message)
{
    /// <summary>True when the tip's only parent is on the release branch (the normal case, also after the branch moved on).</summary>
    public bool ParentOnBranch { get; init; }
}
