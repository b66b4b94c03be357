namespace Slipway.Adapters.GitHub;

/// <summary>A release as GitHub returns it (the fields Slipway reads).</summary>
public sealed record GitHubRelease(
    long Id,
    string TagName,
    string? Name,
    string? Body,
    bool Draft,
    bool Prerelease,
    string HtmlUrl,
    string UploadUrl);
