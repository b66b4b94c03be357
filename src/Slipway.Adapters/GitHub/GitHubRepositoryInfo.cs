namespace Slipway.Adapters.GitHub;

/// <summary>A repository as GitHub returns it (the fields Slipway reads).</summary>
/// <param name="Permissions">What the token may do there (repos/get answers it for an authenticated caller), or null.</param>
public sealed record GitHubRepositoryInfo(long Id, string FullName, string DefaultBranch, GitHubRepositoryPermissions? Permissions = null);

/// <summary>The `permissions` of repos/get: `push` is what creating releases and pushing tags need.</summary>
public sealed record GitHubRepositoryPermissions(bool Admin, bool Push, bool Pull);
