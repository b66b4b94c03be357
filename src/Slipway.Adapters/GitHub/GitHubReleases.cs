using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Serialization.Metadata;

namespace Slipway.Adapters.GitHub;

/// <summary>GitHub Releases over the shared HTTP core; each call names what it does and the permission it needs, for the error message.</summary>
public sealed class GitHubReleases(GitHubHttp http, GitHubRepositoryName repository) : IGitHubReleases
{
    /// <summary>What publishing needs from a token (the GitHub Actions `permissions:` name).</summary>
    public const string Permission = "contents: write";

    private const int PageSize = 100;

    public GitHubRepositoryName Repository { get; } = repository;

    private static GitHubJsonContext Json => GitHubJsonContext.Default;

    public async Task<GitHubRepositoryInfo> GetRepositoryAsync(CancellationToken cancellationToken) =>
        (await http.GetAsync(http.Api(Repository.ApiPath), Json.GitHubRepositoryInfo, Call($"read the repository {Repository}"), cancellationToken).ConfigureAwait(false))!;

    public Task<IReadOnlyList<GitHubRelease>> ListReleasesAsync(CancellationToken cancellationToken) =>
        AllPagesAsync($"{Repository.ApiPath}/releases", Json.ListGitHubRelease, Call($"list the releases of {Repository}"), cancellationToken);

    public Task<GitHubRelease?> GetReleaseByTagAsync(string tag, CancellationToken cancellationToken) =>
        http.GetAsync(http.Api($"{Repository.ApiPath}/releases/tags/{Uri.EscapeDataString(tag)}"), Json.GitHubRelease,
            Call($"read the release {tag} of {Repository}") with { NotFoundIsAnswer = true }, cancellationToken);

    public Task<GitHubRelease> CreateReleaseAsync(ReleaseFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return http.SendJsonAsync(HttpMethod.Post, http.Api($"{Repository.ApiPath}/releases"), fields, Json.ReleaseFields, Json.GitHubRelease,
            Call($"create the release {fields.TagName} in {Repository}"), cancellationToken);
    }

    public Task<GitHubRelease> UpdateReleaseAsync(long releaseId, ReleaseFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return http.SendJsonAsync(HttpMethod.Patch, http.Api(FormattableString.Invariant($"{Repository.ApiPath}/releases/{releaseId}")), fields, Json.ReleaseFields, Json.GitHubRelease,
            Call($"update the release {fields.TagName} in {Repository}"), cancellationToken);
    }

    public Task<IReadOnlyList<GitHubReleaseAsset>> ListAssetsAsync(long releaseId, CancellationToken cancellationToken) =>
        AllPagesAsync(FormattableString.Invariant($"{Repository.ApiPath}/releases/{releaseId}/assets"), Json.ListGitHubReleaseAsset,
            Call($"list the assets of a release in {Repository}"), cancellationToken);

    /// <summary>Every item of a listing, page by page (`?per_page=100&amp;page=N`) until a page comes back short.</summary>
    private async Task<IReadOnlyList<T>> AllPagesAsync<T>(string path, JsonTypeInfo<List<T>> type, GitHubCall call, CancellationToken cancellationToken)
    {
        var all = new List<T>();
        for (var page = 1; ; page++)
        {
            var items = await http.GetAsync(http.Api(FormattableString.Invariant($"{path}?per_page={PageSize}&page={page}")), type, call, cancellationToken).ConfigureAwait(false);
            all.AddRange(items!);
            if (items!.Count < PageSize)
            {
                return all;
            }
        }
    }

    public async Task<GitHubReleaseAsset> UploadAssetAsync(GitHubRelease release, string name, string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(release);
        var url = UploadUrl(release.UploadUrl, name);
        var call = Call($"upload {name} to the release {release.TagName} in {Repository}");
        using var response = await http.SendAsync(() =>
        {
            var content = new StreamContent(File.OpenRead(path));
            content.Headers.ContentType = new MediaTypeHeaderValue(MediaType(name));
            return new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        }, call, cancellationToken).ConfigureAwait(false);
        return await GitHubHttp.ReadAsync(response!, Json.GitHubReleaseAsset, call, cancellationToken).ConfigureAwait(false);
    }

    public async Task DeleteAssetAsync(long assetId, CancellationToken cancellationToken)
    {
        var url = http.Api(FormattableString.Invariant($"{Repository.ApiPath}/releases/assets/{assetId}"));
        using var response = await http.SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, url),
            Call($"delete the asset {assetId.ToString(CultureInfo.InvariantCulture)} in {Repository}"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Expands the release's upload_url template (".../assets{?name,label}") with the file name.</summary>
    public static Uri UploadUrl(string template, string name)
    {
        ArgumentNullException.ThrowIfNull(template);
        var brace = template.IndexOf('{', StringComparison.Ordinal);
        var baseUrl = brace < 0 ? template : template[..brace];
        return new Uri($"{baseUrl}?name={Uri.EscapeDataString(name)}");
    }

    /// <summary>GitHub wants the asset's real media type; the common release files by extension, else octet-stream.</summary>
    public static string MediaType(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var lower = name.ToLowerInvariant();
        return lower switch
        {
            _ when lower.EndsWith(".zip", StringComparison.Ordinal) => "application/zip",
            _ when lower.EndsWith(".tar.gz", StringComparison.Ordinal) || lower.EndsWith(".tgz", StringComparison.Ordinal) || lower.EndsWith(".gz", StringComparison.Ordinal) => "application/gzip",
            _ when lower.EndsWith(".tar", StringComparison.Ordinal) => "application/x-tar",
            _ when lower.EndsWith(".json", StringComparison.Ordinal) => "application/json",
            _ when lower.EndsWith(".txt", StringComparison.Ordinal) || lower.EndsWith(".md", StringComparison.Ordinal) || lower.EndsWith(".sha256", StringComparison.Ordinal) => "text/plain",
            _ => "application/octet-stream",
        };
    }

    private static GitHubCall Call(string what) => new(what, Permission);
}
