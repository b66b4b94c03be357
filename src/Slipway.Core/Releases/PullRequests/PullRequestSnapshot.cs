namespace Slipway.Core.Releases.PullRequests;

/// <summary>A pull request from the release branch as GitHub shows it: what the decisions need, nothing more.</summary>
public sealed record PullRequestSnapshot(long Number, string Title, string? Body, IReadOnlyList<string> Labels, bool Open, bool Merged);
