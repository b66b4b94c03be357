namespace Slipway.Adapters.GitHub;

/// <summary>A pull request as GitHub returns it (pull-request-simple / pull-request: the fields Slipway reads).</summary>
public sealed record GitHubPull(long Number, string State, string Title, string? Body, string? MergedAt, IReadOnlyList<GitHubLabel> Labels, GitHubPullHead Head, string HtmlUrl);

/// <summary>A pull request's head branch and commit.</summary>
public sealed record GitHubPullHead(string Ref, string Sha);

/// <summary>A label on an issue or pull request.</summary>
public sealed record GitHubLabel(string Name);
