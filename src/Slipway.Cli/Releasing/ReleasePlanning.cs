using Slipway.Core.Commits;
using Slipway.Core.Configuration;
using Slipway.Core.Releases;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Releasing;

/// <summary>Reads the release range from git and hands it to the planner: the plan that `plan`, `version --next` and `release` share.</summary>
public static class ReleasePlanning
{
    public static async Task<ReleasePlan> PlanAsync(Repository repo, ReleaseRequest request, CancellationToken cancellationToken)
    {
        var rangeBase = ReleasePlanner.RangeBase(repo.BeforeHead, request.PrereleaseId);
        var commits = new List<Commit>();
        if (repo.State.Head is not null)
        {
            await foreach (var commit in repo.Git.LogAsync(rangeBase?.Commit, includeMerges: false, cancellationToken).ConfigureAwait(false))
            {
                commits.Add(commit);
            }
        }

        var bump = DecideBump(repo.Config, request, commits);
        return ReleasePlanner.Plan(repo.BeforeHead, repo.HeadTags, commits, bump, request.PrereleaseId,
            repo.Config.Versioning.Initial, repo.Naming, repo.VersionTags);
    }

    private static BumpDecision DecideBump(SlipwayConfig config, ReleaseRequest request, IReadOnlyList<Commit> commits)
    {
        _ = commits;
        if (request.Bump is { } kind)
        {
            return BumpDecision.Requested(kind);
        }

        return BumpDecision.Default(BumpKind.Patch) with
        {
            Reason = config.Versioning.Bump == BumpStrategy.Conventional
                ? "patch (conventional bumps are not built yet; pass patch, minor or major)"
                : BumpDecision.Default(BumpKind.Patch).Reason,
        };
    }
}
