using Slipway.Adapters.Workspace;
using Slipway.Core.Commits;
using Slipway.Core.Configuration;
using Slipway.Core.Errors;
using Slipway.Core.Releases;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Releasing;

/// <summary>Reads the release range from git and hands it to the planner: the plan that `plan`, `version --next` and `release` share.</summary>
public static class ReleasePlanning
{
    public static async Task<ReleasePlan> PlanAsync(Workspace repo, ReleaseRequest request, CancellationToken cancellationToken)
    {
        // A prerelease branch (next, beta, { prerelease: rc }) numbers its versions with its identifier; --pre overrides it.
        request = request.PrereleaseId is null && repo.ReleaseBranch?.PrereleaseId is { } id ? request with { PrereleaseId = id } : request;
        var rangeBase = ReleasePlanner.RangeBase(repo.BeforeHead, repo.HeadTags, request.PrereleaseId);
        // Merge commits are read too: the tools that decide bumps see them (a merge body can hold a breaking change
        // or, for release-please, nested commits); the plan's commits and changelog leave them out.
        var range = await LogAsync(repo, rangeBase, cancellationToken).ConfigureAwait(false);
        // A HEAD already released needs no bump: the plan is that release.
        var bump = ReleasePlanner.ReleasedHead(repo.HeadTags, request.PrereleaseId) is null
            ? await DecideBumpAsync(repo, request, rangeBase, range, cancellationToken).ConfigureAwait(false)
            : BumpDecision.Default(BumpKind.None);
        var commits = range.Where(c => !c.IsMerge).ToList();
        var plan = ReleasePlanner.Plan(repo.BeforeHead, repo.HeadTags, commits, bump, request.PrereleaseId,
            repo.Config.Versioning.Initial, repo.Naming, repo.VersionTags, repo.ReleaseBranch);
        return await Changelogs.PlanChangelog.RenderAsync(repo, plan, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<Commit>> LogAsync(Workspace repo, VersionTag? since, CancellationToken cancellationToken)
    {
        var commits = new List<Commit>();
        if (repo.State.Head is not null)
        {
            await foreach (var commit in repo.LogAsync(since?.Commit, "HEAD", includeMerges: true, cancellationToken).ConfigureAwait(false))
            {
                commits.Add(commit);
            }
        }

        return commits;
    }

    private static async Task<BumpDecision> DecideBumpAsync(Workspace repo, ReleaseRequest request, VersionTag? rangeBase,
        List<Commit> range, CancellationToken cancellationToken)
    {
        var versioning = repo.Config.Versioning;
        if (request.Bump is { } kind)
        {
            return BumpDecision.Requested(kind);
        }

        var preset = BumpPreset.Named(versioning.Preset, versioning.Rules, versioning.PreMajor)
            ?? throw new SlipwayException(SlipwayError.Usage($"versioning.preset '{versioning.Preset}' is not a preset",
                $"use one of {string.Join(", ", BumpPreset.Names)}"));
        var stable = repo.BeforeHead.LatestStable;
        if (!request.Auto && versioning.Bump != BumpStrategy.Conventional)
        {
            // The seed's patch stays the default; when nobody chose and the commits are Conventional Commits that call for
            // more, plan says what the conventional setting would give.
            var patch = BumpDecision.Default(BumpKind.Patch);
            return !versioning.BumpConfigured && rangeBase == stable
                ? patch with { Hint = ConventionalBump.Suggestion(range, preset, stable?.Name, stable?.Version ?? versioning.Initial, patch.Kind) }
                : patch;
        }

        // The bump is decided over everything since the last stable release, even when a prerelease's range starts
        // at the last release candidate: a fix after 1.3.0-rc.1 (for a feat) still makes 1.3.0-rc.2, not 1.2.4-rc.1.
        var decisionRange = rangeBase == stable ? range : await LogAsync(repo, stable, cancellationToken).ConfigureAwait(false);
        return ConventionalBump.Decide(decisionRange, preset, stable?.Name, stable?.Version ?? versioning.Initial);
    }
}
