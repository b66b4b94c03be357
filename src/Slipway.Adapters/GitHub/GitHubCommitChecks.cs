using System.Globalization;

namespace Slipway.Adapters.GitHub;

/// <summary>What the release gates read from GitHub about commits: check runs and statuses (`ci_green`), pull requests and reviews (`reviewed`).</summary>
public sealed class GitHubCommitChecks(GitHubHttp http, GitHubRepositoryName repository)
{
    /// <summary>What the gates need from a token (the GitHub Actions `permissions:` names).</summary>
    public const string Permission = "checks: read, statuses: read and pull-requests: read";

    public GitHubRepositoryName Repository { get; } = repository;

    private static GitHubChecksJsonContext Json => GitHubChecksJsonContext.Default;

    /// <summary>Every check run of the commit (the latest of each name), all pages.</summary>
    public async Task<IReadOnlyList<GitHubCheckRun>> CheckRunsAsync(string sha, CancellationToken cancellationToken)
    {
        var pages = await http.GetPagesAsync(http.Api($"{Repository.ApiPath}/commits/{sha}/check-runs?per_page=100"), Json.GitHubCheckRuns,
            Call($"list the check runs of {Short(sha)} in {Repository}"), cancellationToken).ConfigureAwait(false);
        return [.. pages.SelectMany(p => p.CheckRuns)];
    }

    /// <summary>Every commit status of the commit (the latest of each context), all pages.</summary>
    public async Task<IReadOnlyList<GitHubCommitStatus>> StatusesAsync(string sha, CancellationToken cancellationToken)
    {
        var pages = await http.GetPagesAsync(http.Api($"{Repository.ApiPath}/commits/{sha}/status?per_page=100"), Json.GitHubCombinedStatus,
            Call($"read the commit status of {Short(sha)} in {Repository}"), cancellationToken).ConfigureAwait(false);
        return [.. pages.SelectMany(p => p.Statuses)];
    }

    /// <summary>The pull requests GitHub associates with the commit (merged ones that contain it, or open ones whose head it is).</summary>
    public async Task<IReadOnlyList<GitHubCommitPull>> PullsAsync(string sha, CancellationToken cancellationToken)
    {
        var pages = await http.GetPagesAsync(http.Api($"{Repository.ApiPath}/commits/{sha}/pulls?per_page=100"), Json.ListGitHubCommitPull,
            Call($"list the pull requests of {Short(sha)} in {Repository}"), cancellationToken).ConfigureAwait(false);
        return [.. pages.SelectMany(p => p)];
    }

    /// <summary>The reviews of a pull request, oldest first, all pages.</summary>
    public async Task<IReadOnlyList<GitHubReview>> ReviewsAsync(long number, CancellationToken cancellationToken)
    {
        var url = http.Api(string.Create(CultureInfo.InvariantCulture, $"{Repository.ApiPath}/pulls/{number}/reviews?per_page=100"));
        var pages = await http.GetPagesAsync(url, Json.ListGitHubReview, Call($"list the reviews of pull request #{number} in {Repository}"), cancellationToken).ConfigureAwait(false);
        return [.. pages.SelectMany(p => p)];
    }

    private static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;

    private static GitHubCall Call(string what) => new(what, Permission);
}
