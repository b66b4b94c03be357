using Slipway.Adapters.Files;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Output;
using Slipway.Core.Errors;
using Slipway.Core.Packages;
using Slipway.Core.Releases;

namespace Slipway.Cli.Releasing.Packages;

/// <summary>`slipway plan` and `slipway release` in a repository with `packages:`: every package with something to release, or `--package NAME`.</summary>
public static class PackageReleaseRun
{
    /// <summary>The plans and the checks release runs: the branch, the working tree, the remote, and each package's tag and version.</summary>
    public static async Task<(MonorepoPlan Monorepo, IReadOnlyList<PreflightCheck> Checks)> PlanAsync(Workspace repo, ReleaseRequest request, string? only,
        bool fetch, bool push, CancellationToken cancellationToken)
    {
        var remote = Preflight.RemoteFactsAsync(repo, fetch, push, cancellationToken);
        var monorepo = await PackagePlanning.PlanAsync(repo, request, only, cancellationToken).ConfigureAwait(false);
        var plans = monorepo.Plans;
        var releases = plans.Where(p => p.Releases || p.Plan.Refusal is not null && p.Plan.Status != ReleaseStatus.NothingToRelease).ToList();
        var ownFiles = await PackageReleasePipeline.ChangesAsync(repo, [.. plans.Where(p => p.Releases)], monorepo.Dependencies, ReleaseFiles.Head(repo), cancellationToken).ConfigureAwait(false);
        var working = ReleaseFiles.WorkingTree(repo);
        var dirty = new List<string>();
        foreach (var path in await repo.Git.UncommittedChangesAsync(cancellationToken).ConfigureAwait(false))
        {
            // A release that wrote its files and stopped before its commit left exactly those edits: a re-run finishes it.
            if (AtomicFile.IsLeftover(Path.Combine(repo.Root, path))
                || (ownFiles.FirstOrDefault(f => f.Path == path) is { } own && (await working(path, cancellationToken).ConfigureAwait(false))?.Text == own.Content.Text))
            {
                continue;
            }

            dirty.Add(path);
        }

        List<PreflightCheck> checks =
        [
            PreflightRules.Branch(repo.State.Branch, repo.Config.Branches),
            PreflightRules.Clean(dirty),
            PreflightRules.Remote(await remote.ConfigureAwait(false)),
        ];
        // Every tag once (after the fetch, when fetching), not a git process per package.
        await remote.ConfigureAwait(false);
        var tags = (fetch ? await repo.Git.ListTagsAsync(string.Empty, cancellationToken).ConfigureAwait(false) : await repo.History.TagsAsync(cancellationToken).ConfigureAwait(false))
            .GroupBy(t => t.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Commit, StringComparer.Ordinal);
        foreach (var release in releases)
        {
            var existing = release.Plan.TagExistsAtHead ? null : tags.GetValueOrDefault(release.Plan.NextTag);
            checks.Add(Named(release, PreflightRules.Tag(release.Plan, existing)));
            checks.Add(Named(release, PreflightRules.Version(release.Plan)));
        }

        checks.Add(releases.Count > 0
            ? PreflightCheck.Pass("changes", $"{releases.Count} of {plans.Count} package(s) to release")
            : PreflightCheck.Fail("changes", only is null ? "nothing to release: no package has commits since its last release" : $"nothing to release in {only}: {plans[0].Plan.NothingToRelease}",
                only is null ? "commit the changes to release first" : $"commit changes under {plans[0].Package.Path} first, or force a release: --package {only} --bump patch"));
        return (monorepo, checks);
    }

    private static PackageReleaseContext Context(Workspace repo, IReadOnlyList<PackagePlan> plans, IReadOnlyList<PackageDependency> dependencies, Terminal terminal,
        ReleaseOptions options) =>
        new(repo, [.. plans.Where(p => p.Releases)], dependencies, terminal, options);

    private static PreflightCheck Named(PackagePlan release, PreflightCheck check) => check with { Name = $"{check.Name} {release.Name}" };

    public static async Task<int> ReleaseAsync(Workspace repo, ReleaseRequest request, string? only, IReadOnlyList<Core.Gates.GateSkip> skips, ReleaseOptions options, bool yes,
        Terminal terminal, CancellationToken cancellationToken)
    {
        var (monorepo, checks) = await PlanAsync(repo, request, only, fetch: !options.NoPush, push: !options.NoPush, cancellationToken).ConfigureAwait(false);
        var plans = monorepo.Plans;
        repo.History.CloseFiles("the release writes to the repository from here on");
        if (options.DryRun)
        {
            await terminal.Out.WriteAsync(PackagePlanRenderer.Text(plans, checks, terminal)).ConfigureAwait(false);
        }

        if (checks.FirstOrDefault(c => !c.Ok) is { } failed)
        {
            throw new SlipwayException(SlipwayError.Precondition($"{failed.Name}: {failed.Message}", failed.Fix));
        }

        // release.gates, for each package's release (its range), after preflight and before any write; a package whose tag is
        // already on HEAD passed them in the run that tagged it. Skipped gates go into each tag's message.
        var gated = new List<PackagePlan>();
        foreach (var plan in plans)
        {
            if (!plan.Releases || plan.Plan.TagExistsAtHead || repo.Config.Release.Gates.Count == 0)
            {
                gated.Add(plan);
                continue;
            }

            var gates = await ReleaseGates.EvaluateAsync(repo, plan.Plan, skips, release: true, terminal.Detail, cancellationToken).ConfigureAwait(false);
            if (gates.FirstOrDefault(g => g.Failed) is { } red)
            {
                throw new SlipwayException(SlipwayError.Precondition($"gate {red.Gate} ({plan.Name}): {red.Message}", red.Fix));
            }

            gated.Add(plan with { Plan = plan.Plan with { Gates = gates, SkippedGates = skips } });
        }

        plans = gated;
        foreach (var skip in skips)
        {
            terminal.Status($"gate {skip.Gate} skipped: {skip.Reason} (recorded in the tag messages{(options.NoPush ? string.Empty : " and the deployment ledger")})");
        }

        var context = Context(repo, plans, monorepo.Dependencies, terminal, options);
        var steps = await PipelineSteps.CheckAsync<IPipelineStep<PackageReleaseContext>, PackageReleaseContext>(PackageReleasePipeline.Steps, context, cancellationToken)
            .ConfigureAwait(false);

        var tags = string.Join(", ", context.Tags);
        if (steps.All(s => s.Status != StepStatus.ToDo))
        {
            await terminal.Out.WriteLineAsync($"{tags} already released").ConfigureAwait(false);
            return 0;
        }

        if (options.DryRun)
        {
            await PipelineSteps.WriteDryRunAsync(terminal, steps, context).ConfigureAwait(false);
            return 0;
        }

        if (!yes)
        {
            if (!Terminal.Interactive)
            {
                throw new SlipwayException(SlipwayError.Usage($"release {tags} needs confirmation and there is no terminal to ask", "pass --yes to confirm (e.g. in CI)"));
            }

            await terminal.Error.WriteAsync(PackagePlanRenderer.Text(plans, checks, terminal)).ConfigureAwait(false);
            if (!terminal.Confirm($"Release {tags}?"))
            {
                terminal.Status("not released");
                return (int)ExitCode.Precondition;
            }
        }

        foreach (var leftover in await ReleaseFiles.RemoveLeftoversAsync(repo, cancellationToken).ConfigureAwait(false))
        {
            terminal.Status($"{terminal.Dim("-")} removed {leftover}, left by a slipway run that was killed while writing it");
        }

        await PipelineSteps.RunAsync(terminal, steps, context, cancellationToken).ConfigureAwait(false);
        await repo.Git.ForgetDeadRunsAsync(CancellationToken.None).ConfigureAwait(false);
        await terminal.Out.WriteLineAsync(options.NoPush ? $"tagged {tags} (not pushed: the same command without --no-push pushes them)" : $"released {tags}").ConfigureAwait(false);
        return 0;
    }
}
