using Slipway.Adapters.GitHub;
using Slipway.Cli.Releasing;
using Slipway.Core.Errors;

namespace Slipway.Cli.Publishing;

/// <summary>Which GitHub repository receives the release: GITHUB_REPOSITORY, else release.github.repo, else the remote's URL.</summary>
public static class GitHubTarget
{
    public static async Task<GitHubRepositoryName> ResolveAsync(Repository repo, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repo);
        ArgumentNullException.ThrowIfNull(environment);
        if (environment("GITHUB_REPOSITORY") is { Length: > 0 } fromEnvironment)
        {
            return GitHubRepositoryName.TryParse(fromEnvironment, out var name)
                ? name
                : throw new SlipwayException(SlipwayError.Usage($"GITHUB_REPOSITORY '{fromEnvironment}' is not owner/name", "set it to owner/name, or unset it"));
        }

        if (repo.Config.Release.GitHub?.Repo is { } configured && GitHubRepositoryName.TryParse(configured, out var fromConfig))
        {
            return fromConfig;
        }

        var remote = repo.Config.Remote;
        var url = await repo.Git.RemoteUrlAsync(remote, cancellationToken).ConfigureAwait(false);
        return GitHubRepositoryName.TryFromRemoteUrl(url, out var fromRemote)
            ? fromRemote
            : throw new SlipwayException(SlipwayError.Usage(
                url is null ? $"no GitHub repository: GITHUB_REPOSITORY is not set, release.github.repo is not configured and there is no remote '{remote}'"
                    : $"no GitHub repository: GITHUB_REPOSITORY is not set, release.github.repo is not configured and the URL of '{remote}' does not name one",
                "set release.github.repo: owner/name in slipway.yml (or GITHUB_REPOSITORY=owner/name)"));
    }
}
