using Slipway.Adapters.GitHub;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Releasing.Ci;
using Slipway.Cli.Releasing.Packages;
using Slipway.Core.Errors;
using Slipway.Core.Packages;
using Slipway.Core.Releases;
using Slipway.Core.Releases.PullRequests;

namespace Slipway.Cli.Releasing.PullRequests;

/// <summary>`ci release-pr` with packages, in order: a merged release waiting for its tags → every package planned as `slipway plan`
/// plans them → one release pull request for every releasable package (release-please's default; its commit is the one `slipway release`
/// would make: each package's changelog and bump_files, the dependents' manifests, a Slipway-Release trailer per tag), or with
/// release_pr.separate one per package on slipway/release-BRANCH-PACKAGE holding only that package's changelog and bump_files.</summary>
public static class PackagePullRequestRun
{
    public static async Task<IReadOnlyList<ReleasePullRequestRun.Outcome>> RunAsync(Workspace repo, ReleaseRequest request, GitHubPulls github, string head,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repo);
        ArgumentNullException.ThrowIfNull(github);
        var config = repo.Config;
        if (await MergedPackageReleaseTags.FindAsync(repo, cancellationToken).ConfigureAwait(false) is var (_, merged))
        {
            var tagged = (await repo.History.TagsAsync(cancellationToken).ConfigureAwait(false)).Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
            if (!merged.All(tagged.Contains))
            {
                return [ReleasePullRequestRun.Waiting(string.Join(", ", merged))];
            }
        }

        var monorepo = await PackagePlanning.PlanAsync(repo, request, null, cancellationToken).ConfigureAwait(false);
        var releases = Ready(monorepo);
        List<(string? Package, string Branch, List<PackagePlan> Releases, IReadOnlyList<PackageDependency> Dependencies)> pullRequests = config.ReleasePr.Separate
            ? [.. config.Packages.Select(p => ((string?)p.Name, ReleasePullRequestPlanner.BranchFor(config.Branch, p.Name), releases.Where(r => r.Name == p.Name).ToList(),
                (IReadOnlyList<PackageDependency>)[]))]
            : [(null, ReleasePullRequestPlanner.BranchFor(config.Branch), releases, monorepo.Dependencies)];
        var outcomes = new List<ReleasePullRequestRun.Outcome>();
        foreach (var (package, branch, planned, dependencies) in pullRequests)
        {
            var together = planned;
            var pulls = await ReleasePullRequestRun.PullsAsync(github, branch, cancellationToken).ConfigureAwait(false);
            var body = pulls.Where(p => p.Open).MaxBy(p => p.Number)?.Body;
            if (package is not null && ReleasePullRequestBody.PackageBumps(body, [package], [package]).TryGetValue(package, out var bump))
            {
                // A package's own pull request: `/slipway bump minor` (or `minor NAME`) in it is `release minor --package NAME`.
                together = Ready(await PackagePlanning.PlanAsync(repo, request with { Bump = bump, Auto = false }, package, cancellationToken).ConfigureAwait(false));
            }
            else if (package is null && ReleasePullRequestBody.PackageBumps(body, [.. planned.Select(r => r.Name)], [.. config.Packages.Select(p => p.Name)]) is { Count: > 0 } bumps)
            {
                // The one pull request: `/slipway bump minor core` bumps core; `/slipway bump minor` every package it proposes. Groups and dependents follow.
                together = Ready(await PackagePlanning.PlanAsync(repo, request, null, bumps, cancellationToken).ConfigureAwait(false));
            }

            if (together.Count == 0 && pulls.Count == 0)
            {
                continue; // a package with nothing to release and no pull request: nothing to say
            }

            var proposal = together.Count == 0 ? null
                : ReleaseProposal.Combined([.. together.Select(r => (r.Plan.NextTag, r.Plan.Changelog))], head) with { PackagesByName = package is null };
            var content = new ReleasePullRequestRun.ReleaseCommitContent(
                async ct => [.. (await PackageReleasePipeline.ChangesAsync(repo, together, dependencies, ReleaseFiles.Head(repo), ct).ConfigureAwait(false)).Select(c => (c.Path, c.Content))],
                ReleaseTrailer.Message([.. together.Select(r => r.Plan.NextTag)]),
                tag => PackageNaming.Owner(config.Packages, tag) is not null);
            var outcome = await ReleasePullRequestRun.ProposeAsync(repo, github, branch, pulls, proposal, content, proposal?.Tag, cancellationToken).ConfigureAwait(false);
            // With a pull request per package, a line that names no tag says whose it is.
            outcomes.Add(proposal is null && package is not null ? outcome with { Line = $"{package}: {outcome.Line}" } : outcome);
        }

        return outcomes.Count > 0 ? outcomes
            : [new ReleasePullRequestRun.Outcome("nothing to release", null, new ReleasePullRequestAction(ReleasePullRequestChange.Nothing, "nothing to release"), null, null)];
    }

    /// <summary>The packages with a release to propose; a package whose next version exists or is not higher stops the run (exit 3), as `release` would.</summary>
    private static List<PackagePlan> Ready(MonorepoPlan monorepo)
    {
        if (monorepo.Plans.FirstOrDefault(p => p.Plan.Status is ReleaseStatus.VersionExists or ReleaseStatus.NotHigher && p.Plan.Refusal is not null) is { } refused)
        {
            var (message, fix) = refused.Plan.Refusal!.Value;
            throw new SlipwayException(SlipwayError.Precondition($"{refused.Name}: {message}", fix));
        }

        return [.. monorepo.Plans.Where(p => p.Plan.Status == ReleaseStatus.Ready)];
    }
}
