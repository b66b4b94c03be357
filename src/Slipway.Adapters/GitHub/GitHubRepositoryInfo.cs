namespace Slipway.Adapters.GitHub;

/// <summary>A repository as GitHub returns it (the fields Slipway reads).</summary>
public sealed record GitHubRepositoryInfo(long Id, string FullName, string DefaultBranch);
