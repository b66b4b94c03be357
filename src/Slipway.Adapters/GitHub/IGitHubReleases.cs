namespace Slipway.Adapters.GitHub;

/// <summary>GitHub Releases for one repository: the endpoints `publish` uses, nothing more.</summary>
public interface IGitHubReleases
{
    GitHubRepositoryName Repository { get; }

    Task<GitHubRepositoryInfo> GetRepositoryAsync(CancellationToken cancellationToken);

    /// <summary>Every release, drafts included (GitHub lists drafts only to tokens that can push).</summary>
    Task<IReadOnlyList<GitHubRelease>> ListReleasesAsync(CancellationToken cancellationToken);

    /// <summary>The published release of a tag, or null (drafts are not found by tag).</summary>
    Task<GitHubRelease?> GetReleaseByTagAsync(string tag, CancellationToken cancellationToken);

    Task<GitHubRelease> CreateReleaseAsync(ReleaseFields fields, CancellationToken cancellationToken);

    Task<GitHubRelease> UpdateReleaseAsync(long releaseId, ReleaseFields fields, CancellationToken cancellationToken);

    Task<IReadOnlyList<GitHubReleaseAsset>> ListAssetsAsync(long releaseId, CancellationToken cancellationToken);

    /// <summary>Uploads a file to the release's upload_url (GitHub's uploads host, not the API root).</summary>
    Task<GitHubReleaseAsset> UploadAssetAsync(GitHubRelease release, string name, string path, CancellationToken cancellationToken);

    Task DeleteAssetAsync(long assetId, CancellationToken cancellationToken);
}
