namespace Slipway.Core.Gates;

/// <summary>A pull request GitHub associates with a commit: whether it was merged, into which branch, and whether a review approved it.</summary>
public sealed record PullReviewFact(long Number, bool Merged, string Base, bool Approved);

/// <summary>A commit of the release and the pull requests GitHub associates with it.</summary>
public sealed record CommitPullsFact(string Sha, string Subject, IReadOnlyList<PullReviewFact> Pulls);
