using Slipway.Core.Errors;

namespace Slipway.Adapters.GitHub;

/// <summary>
/// The GitHub repository Slipway talks to (releases, deployments): GITHUB_REPOSITORY, else release.github.repo, else the
/// remote's URL. One rule for every caller: a GITHUB_REPOSITORY that is not owner/name is an error, never skipped.
/// </summary>
public static class GitHubTarget
{
    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="configured">release.github.repo, or null.</param>
    /// <param name="remote">The remote's name (for the error) and its URL (null when there is no such remote).</param>
    public static GitHubRepositoryName Resolve(Func<string, string?> environment, string? configured, string remote, string? remoteUrl)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (environment("GITHUB_REPOSITORY") is { Length: > 0 } fromEnvironment)
        {
            return GitHubRepositoryName.TryParse(fromEnvironment, out var name)
                ? name
                : throw new SlipwayException(SlipwayError.Usage($"GITHUB_REPOSITORY '{fromEnvironment}' is not owner/name", "set it to owner/name, or unset it"));
        }

        if (configured is not null && GitHubRepositoryName.TryParse(configured, out var fromConfig))
        {
            return fromConfig;
        }

        return GitHubRepositoryName.TryFromRemoteUrl(remoteUrl, out var fromRemote)
            ? fromRemote
            : throw new SlipwayException(SlipwayError.Usage(
                remoteUrl is null ? $"no GitHub repository: GITHUB_REPOSITORY is not set, release.github.repo is not configured and there is no remote '{remote}'"
                    : $"no GitHub repository: GITHUB_REPOSITORY is not set, release.github.repo is not configured and the URL of '{remote}' does not name one",
                "set release.github.repo: owner/name in slipway.yml (or GITHUB_REPOSITORY=owner/name)"));
    }
}
