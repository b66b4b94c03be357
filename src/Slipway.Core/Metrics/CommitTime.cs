namespace Slipway.Core.Metrics;

/// <summary>A commit and its committer date: when it was committed (as git log's %cI says).</summary>
public sealed record CommitTime(string Sha, DateTimeOffset CommittedAt);
