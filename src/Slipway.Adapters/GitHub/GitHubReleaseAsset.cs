namespace Slipway.Adapters.GitHub;

/// <summary>A file attached to a release (the fields Slipway reads).</summary>
public sealed record GitHubReleaseAsset(long Id, string Name, long Size, string State);
