namespace Slipway.Adapters.GitHub;

/// <summary>The part of a GitHub deployment Slipway reads back: its id.</summary>
public sealed record GitHubDeployment(long Id, string? Environment);
