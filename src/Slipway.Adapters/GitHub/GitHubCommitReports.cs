namespace Slipway.Adapters.GitHub;

/// <summary>A commit's check runs (GET …/commits/{ref}/check-runs: one page of them).</summary>
public sealed record GitHubCheckRuns(int TotalCount, IReadOnlyList<GitHubCheckRun> CheckRuns);

/// <summary>A check run: name, status (queued…completed) and conclusion once completed.</summary>
public sealed record GitHubCheckRun(string Name, string Status, string? Conclusion);

/// <summary>A commit's combined status (GET …/commits/{ref}/status: one page of its statuses).</summary>
public sealed record GitHubCombinedStatus(string State, int TotalCount, IReadOnlyList<GitHubCommitStatus> Statuses);

/// <summary>One commit status: its context and state (error, failure, pending, success).</summary>
public sealed record GitHubCommitStatus(string Context, string State);

/// <summary>A pull request associated with a commit (pull-request-simple: the fields the `reviewed` gate reads).</summary>
public sealed record GitHubCommitPull(long Number, string? MergedAt, GitHubPullBase Base);

/// <summary>The branch a pull request targets.</summary>
public sealed record GitHubPullBase(string Ref);

/// <summary>A review of a pull request: who (null for a deleted account) and its state (APPROVED, CHANGES_REQUESTED, COMMENTED…).</summary>
public sealed record GitHubReview(GitHubReviewer? User, string State);

/// <summary>A reviewer's login.</summary>
public sealed record GitHubReviewer(string Login);
