using System.Globalization;

namespace Slipway.Adapters.GitHub;

/// <summary>GitHub's pull request and label operations over the shared HTTP core: what the release pull request needs.</summary>
public sealed class GitHubPulls(GitHubHttp http, GitHubRepositoryName repository)
{
    /// <summary>What the release pull request needs from a token (the GitHub Actions `permissions:` names).</summary>
    public const string Permission = "pull-requests: write and contents: write";

    public GitHubRepositoryName Repository { get; } = repository;

    private static GitHubPullsJsonContext Json => GitHubPullsJsonContext.Default;

    /// <summary>The pull requests from a branch of this repository, in any state, newest first (one page of 100: a release branch has few).</summary>
    public async Task<IReadOnlyList<GitHubPull>> FromBranchAsync(string branch, CancellationToken cancellationToken)
    {
        var head = Uri.EscapeDataString($"{Repository.Owner}:{branch}");
        var url = http.Api($"{Repository.ApiPath}/pulls?state=all&head={head}&sort=created&direction=desc&per_page=100");
        return await http.GetAsync(url, Json.ListGitHubPull, Call($"list the pull requests from {branch} in {Repository}"), cancellationToken).ConfigureAwait(false) ?? [];
    }

    public Task<GitHubPull> CreateAsync(PullFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return http.SendJsonAsync(HttpMethod.Post, http.Api($"{Repository.ApiPath}/pulls"), fields, Json.PullFields, Json.GitHubPull,
            Call($"open the pull request {fields.Head} -> {fields.Base} in {Repository}"), cancellationToken);
    }

    public Task<GitHubPull> UpdateAsync(long number, PullFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return http.SendJsonAsync(HttpMethod.Patch, http.Api(Path(number)), fields, Json.PullFields, Json.GitHubPull,
            Call($"update pull request #{number} in {Repository}"), cancellationToken);
    }

    public async Task AddLabelsAsync(long number, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        var url = http.Api(string.Create(CultureInfo.InvariantCulture, $"{Repository.ApiPath}/issues/{number}/labels"));
        await http.SendJsonAsync(HttpMethod.Post, url, new LabelFields(labels), Json.LabelFields, Json.ListGitHubLabel,
            Call($"label pull request #{number} {string.Join(", ", labels)} in {Repository}"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Replaces the pull request's labels (one request for a relabelling).</summary>
    public async Task SetLabelsAsync(long number, IReadOnlyList<string> labels, CancellationToken cancellationToken)
    {
        var url = http.Api(string.Create(CultureInfo.InvariantCulture, $"{Repository.ApiPath}/issues/{number}/labels"));
        await http.SendJsonAsync(HttpMethod.Put, url, new LabelFields(labels), Json.LabelFields, Json.ListGitHubLabel,
            Call($"relabel pull request #{number} in {Repository}"), cancellationToken).ConfigureAwait(false);
    }

    private string Path(long number) => string.Create(CultureInfo.InvariantCulture, $"{Repository.ApiPath}/pulls/{number}");

    private static GitHubCall Call(string what) => new(what, Permission);
}
