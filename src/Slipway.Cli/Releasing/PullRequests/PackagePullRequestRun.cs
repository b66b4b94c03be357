using Slipway.Adapters.GitHub;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Releasing.Ci;
using Slipway.Cli.Releasing.Packages;
using Slipway.Core.Errors;
using Slipway.Core.Packages;
using Slipway.Core.Releases;
using Slipway.Core.Releases.PullRequests;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Releasing.PullRequests;

/// <summary>`ci release-pr` with packages, in order: a merged release waiting for its tags → every package planned as `slipway plan`
/// plans them → one release pull request for every releasable package (release-please's default; its commit is the one `slipway release`
/// would make: each package's changelog and bump_files, the dependents' manifests, a Slipway-Release trailer per tag), or with
/// release_pr.separate one per package on slipway/release-BRANCH-PACKAGE holding only that package's files: its changelog, bump_files
/// and its manifest's ranges on its dependencies. `/slipway bump` in any of them is planned with the others.</summary>
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
        List<(string? Package, string Branch)> branches = config.ReleasePr.Separate
            ? [.. config.Packages.Select(p => ((string?)p.Name, ReleasePullRequestPlanner.BranchFor(config.Branch, p.Name)))]
            : [(null, ReleasePullRequestPlanner.BranchFor(config.Branch))];
        var pullRequests = new List<(string? Package, string Branch, IReadOnlyList<PullRequestSnapshot> Pulls)>();
        var bumps = new Dictionary<string, BumpKind>(StringComparer.Ordinal);
        foreach (var (package, branch) in branches)
        {
            var pulls = await ReleasePullRequestRun.PullsAsync(github, branch, cancellationToken).ConfigureAwait(false);
            pullRequests.Add((package, branch, pulls));
            // The one pull request: `/slipway bump minor core` bumps core, `/slipway bump minor` every package it proposes; a package's own: that package.
            var body = pulls.Where(p => p.Open).MaxBy(p => p.Number)?.Body;
            var asked = package is null
                ? ReleasePullRequestBody.PackageBumps(body, [.. releases.Select(r => r.Name)], [.. config.Packages.Select(p => p.Name)])
                : ReleasePullRequestBody.PackageBumps(body, [package], [package]);
            foreach (var (name, kind) in asked)
            {
                bumps[name] = kind;
            }
        }

        if (bumps.Count > 0)
        {
            // Planned again with the bumps asked for: groups and dependents follow them, as in `slipway plan`.
            monorepo = await PackagePlanning.PlanAsync(repo, request, null, bumps, cancellationToken).ConfigureAwait(false);
            releases = Ready(monorepo);
        }

        // A package's own pull request moves its manifest's ranges up to its dependencies' proposed versions, else their released (stable) ones
        // (release-please's node-workspace with separate pull requests: the dependent is released in its own pull request, with the new range).
        var raiseTo = config.ReleasePr.Separate
            ? monorepo.Plans.Select(p => (p.Name, Version: p.Plan.Status == ReleaseStatus.Ready ? p.Plan.Next
                    : p.Plan.Current is { Version.IsPrerelease: false } current ? current.Version : null))
                .Where(p => p.Version is not null).ToDictionary(p => p.Name, p => p.Version!, StringComparer.Ordinal)
            : null;
        var outcomes = new List<ReleasePullRequestRun.Outcome>();
        foreach (var (package, branch, pulls) in pullRequests)
        {
            var together = package is null ? releases : [.. releases.Where(r => r.Name == package)];
            if (together.Count == 0 && pulls.Count == 0)
            {
                continue; // a package with nothing to release and no pull request: nothing to say
            }

            var proposal = together.Count == 0 ? null
                : ReleaseProposal.Combined([.. together.Select(r => (r.Plan.NextTag, r.Plan.Changelog))], head) with { PackagesByName = package is null };
            var content = new ReleasePullRequestRun.ReleaseCommitContent(
                async ct => [.. (await PackageReleasePipeline.ChangesAsync(repo, together, monorepo.Dependencies, raiseTo, ReleaseFiles.Head(repo), ct).ConfigureAwait(false)).Select(c => (c.Path, c.Content))],
                ReleaseTrailer.Message([.. together.Select(r => r.Plan.NextTag)], Follows(package, monorepo.Dependencies, raiseTo)),
                tag => PackageNaming.Owner(config.Packages, tag) is not null);
            var outcome = await ReleasePullRequestRun.ProposeAsync(repo, github, branch, pulls, proposal, content, proposal?.Tag, cancellationToken).ConfigureAwait(false);
            // With a pull request per package, a line that names no tag says whose it is.
            outcomes.Add(proposal is null && package is not null ? outcome with { Line = $"{package}: {outcome.Line}" } : outcome);
        }

        return outcomes.Count > 0 ? outcomes
            : [new ReleasePullRequestRun.Outcome("nothing to release", null, new ReleasePullRequestAction(ReleasePullRequestChange.Nothing, "nothing to release"), null, null)];
    }

    /// <summary>A package's own release commit's paragraph naming the versions its manifest's ranges follow (`Dependencies: core 1.1.0`), or null.</summary>
    private static string? Follows(string? package, IReadOnlyList<PackageDependency> dependencies, Dictionary<string, SemanticVersion>? raiseTo)
    {
        if (package is null || raiseTo is null)
        {
            return null;
        }

        var follows = dependencies.Where(d => d.Dependent == package && d.JsonPath is not null && raiseTo.ContainsKey(d.Dependency))
            .Select(d => $"{d.Dependency} {raiseTo[d.Dependency]}").Distinct(StringComparer.Ordinal).ToList();
        return follows.Count == 0 ? null : $"Dependencies: {string.Join(", ", follows)}";
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
