using Slipway.Adapters.GitHub;
using Slipway.Core.Releases;
using Slipway.Core.Releases.PullRequests;

namespace Slipway.Cli.Releasing.Ci;

/// <summary>Relabels the merged release pull request `slipway: released` (in place of `slipway: pending`); done when it is so labelled.</summary>
public sealed class CiRelabelStep : IPipelineStep<CiReleaseContext>
{
    public string Name => "relabel";

    public async Task<StepStatus> CheckAsync(CiReleaseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var http = Http(context);
        var (_, pull) = await FindAsync(context, http, cancellationToken).ConfigureAwait(false);
        return pull is null || Wanted(pull).SequenceEqual(pull.Labels.Select(l => l.Name), StringComparer.Ordinal) ? StepStatus.Done : StepStatus.ToDo;
    }

    public string Describe(CiReleaseContext context) => $"label the release pull request of {context?.Tag} {ReleasePullRequestPlanner.ReleasedLabel}";

    public async Task RunAsync(CiReleaseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var http = Http(context);
        var (github, pull) = await FindAsync(context, http, cancellationToken).ConfigureAwait(false);
        if (pull is not null)
        {
            await github.SetLabelsAsync(pull.Number, Wanted(pull), cancellationToken).ConfigureAwait(false);
            context.Terminal.Status($"  #{pull.Number}: {ReleasePullRequestPlanner.ReleasedLabel}");
        }
    }

    private static GitHubHttp Http(CiReleaseContext context) =>
        new(GitHubConnection.FromEnvironment(context.Repository.Environment, GitHubPulls.Permission)) { Trace = context.Terminal.Detail };

    private static List<string> Wanted(GitHubPull pull) =>
        [.. pull.Labels.Select(l => l.Name).Where(n => n is not (ReleasePullRequestPlanner.PendingLabel or ReleasePullRequestPlanner.ReleasedLabel)), ReleasePullRequestPlanner.ReleasedLabel];

    /// <summary>The merged pull request from the release branch that proposed this version (its title is the release commit's subject, which
    /// names every tag it released: a monorepo's pull request for all packages, or the package's own branch with release_pr.separate).</summary>
    private static async Task<(GitHubPulls GitHub, GitHubPull? Pull)> FindAsync(CiReleaseContext context, GitHubHttp http, CancellationToken cancellationToken)
    {
        var repo = context.Repository;
        var target = GitHubTarget.Resolve(repo.Environment, repo.Config.Release.GitHub?.Repo, repo.Config.Remote,
            await repo.Git.RemoteUrlAsync(repo.Config.Remote, cancellationToken).ConfigureAwait(false));
        var github = new GitHubPulls(http, target);
        var branch = repo.Package is { } package && repo.Config.ReleasePr.Separate
            ? ReleasePullRequestPlanner.BranchFor(repo.Config.Branch, package.Name)
            : ReleasePullRequestPlanner.BranchFor(repo.Config.Branch);
        var pulls = await github.FromBranchAsync(branch, cancellationToken).ConfigureAwait(false);
        return (github, pulls.FirstOrDefault(p => p.MergedAt is not null && ReleaseCommit.Tags(p.Title).Contains(context.Tag, StringComparer.Ordinal)));
    }
}
