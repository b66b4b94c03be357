using Slipway.Adapters.Ledger;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Deploying;
using Slipway.Core.Gates;
using Slipway.Core.Releases;

namespace Slipway.Cli.Releasing.Steps;

/// <summary>
/// A release made with gates skipped (`--skip-gate NAME --reason TEXT`) is recorded in the deployment ledger after the push, as
/// well as in its tag's message: who skipped which gate and why, for everyone who reads the ledger. Done when the ledger has
/// the release's record; skipped when no gate was skipped or nothing is pushed. A monorepo's release records each of its tags
/// the same way (<see cref="CheckAsync(Workspace, string, IReadOnlyList{ReleasePlan}, bool, CancellationToken)"/>).
/// </summary>
public sealed class LedgerStep : IReleaseStep
{
    public string Name => "ledger";

    public Task<StepStatus> CheckAsync(ReleaseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CheckAsync(context.Repository, context.Remote, [context.Plan], context.Options.NoPush, cancellationToken);
    }

    public string Describe(ReleaseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Describe(context.Remote, [context.Plan]);
    }

    public Task RunAsync(ReleaseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RunAsync(context.Repository, context.Remote, [context.Plan], cancellationToken);
    }

    /// <summary>Skipped when nothing is pushed or no release skipped a gate; done when every release that did is in the ledger.</summary>
    public static async Task<StepStatus> CheckAsync(Workspace repo, string remote, IReadOnlyList<ReleasePlan> plans, bool noPush, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plans);
        if (noPush)
        {
            return StepStatus.Skipped;
        }

        var skipped = new List<ReleasePlan>();
        foreach (var plan in plans)
        {
            if ((await SkipsAsync(repo, plan, cancellationToken).ConfigureAwait(false)).Count > 0)
            {
                skipped.Add(plan);
            }
        }

        return skipped.Count == 0 ? StepStatus.Skipped
            : (await MissingAsync(repo, remote, skipped, cancellationToken).ConfigureAwait(false)).Count == 0 ? StepStatus.Done : StepStatus.ToDo;
    }

    public static string Describe(string remote, IReadOnlyList<ReleasePlan> plans) =>
        $"record {string.Join(", ", plans.Select(p => p.NextTag))} and {(plans.Count == 1 ? "its" : "their")} skipped gates in the deployment ledger ({GitLedger.LedgerRef} on {remote})";

    /// <summary>Appends, in one ledger commit, the record of each release that skipped gates and is not in the ledger yet.</summary>
    public static async Task RunAsync(Workspace repo, string remote, IReadOnlyList<ReleasePlan> plans, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repo);
        var records = new List<Core.Deployments.DeploymentRecord>();
        var actor = await repo.ActorAsync(cancellationToken).ConfigureAwait(false);
        foreach (var plan in await MissingAsync(repo, remote, plans, cancellationToken).ConfigureAwait(false))
        {
            var skips = await SkipsAsync(repo, plan, cancellationToken).ConfigureAwait(false);
            if (skips.Count == 0)
            {
                continue;
            }

            var tag = await repo.Git.ReadTagAsync(plan.NextTag, cancellationToken).ConfigureAwait(false);
            records.Add(GateSkip.Record(DeploymentContext.NewId(), plan.NextTag, plan.Next, tag?.Target, skips, repo.Clock.Now, actor));
        }

        if (records.Count > 0)
        {
            await new GitLedger(repo.Root, remote).AppendAsync(records, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The releases whose record the ledger lacks (a release not tagged on HEAD yet lacks it).</summary>
    private static async Task<List<ReleasePlan>> MissingAsync(Workspace repo, string remote, IReadOnlyList<ReleasePlan> plans, CancellationToken cancellationToken)
    {
        var releases = (await new GitLedger(repo.Root, remote).ReadAsync(cancellationToken).ConfigureAwait(false)).History().Releases;
        var missing = new List<ReleasePlan>();
        foreach (var plan in plans)
        {
            var tag = plan.TagExistsAtHead ? await repo.Git.ReadTagAsync(plan.NextTag, cancellationToken).ConfigureAwait(false) : null;
            if (tag?.Target is not { } commit || !GateSkip.Recorded(releases, plan.NextTag, plan.Next, commit))
            {
                missing.Add(plan);
            }
        }

        return missing;
    }

    /// <summary>The gates skipped for this release: those given now, or, when a run before made the tag, those its message records.</summary>
    private static async Task<IReadOnlyList<GateSkip>> SkipsAsync(Workspace repo, ReleasePlan plan, CancellationToken cancellationToken)
    {
        if (plan.SkippedGates.Count > 0 || !plan.TagExistsAtHead)
        {
            return plan.SkippedGates;
        }

        var tag = await repo.Git.ReadTagAsync(plan.NextTag, cancellationToken).ConfigureAwait(false);
        return tag is null ? [] : GateSkip.FromTagMessage(tag.Message);
    }
}
