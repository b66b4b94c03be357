using Slipway.Adapters.Ledger;
using Slipway.Cli.Deploying;
using Slipway.Core.Gates;

namespace Slipway.Cli.Releasing.Steps;

/// <summary>
/// A release made with gates skipped (`--skip-gate NAME --reason TEXT`) is recorded in the deployment ledger after the push, as
/// well as in its tag's message: who skipped which gate and why, for everyone who reads the ledger. Done when the ledger has
/// the release's record; skipped when no gate was skipped or nothing is pushed.
/// </summary>
public sealed class LedgerStep : IReleaseStep
{
    public string Name => "ledger";

    public async Task<StepStatus> CheckAsync(ReleaseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Options.NoPush || (await SkipsAsync(context, cancellationToken).ConfigureAwait(false)).Count == 0)
        {
            return StepStatus.Skipped;
        }

        var tag = context.Plan.TagExistsAtHead ? await context.Repository.Git.ReadTagAsync(context.Plan.NextTag, cancellationToken).ConfigureAwait(false) : null;
        var snapshot = await Ledger(context).ReadAsync(cancellationToken).ConfigureAwait(false);
        return tag?.Target is { } commit && snapshot.History().Releases.Any(r => r.Version == context.Plan.Next && r.Commit == commit)
            ? StepStatus.Done
            : StepStatus.ToDo;
    }

    public string Describe(ReleaseContext context) =>
        $"record {context.Plan.NextTag} and its skipped gates in the deployment ledger ({GitLedger.LedgerRef} on {context.Remote})";

    public async Task RunAsync(ReleaseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var repo = context.Repository;
        var tag = await repo.Git.ReadTagAsync(context.Plan.NextTag, cancellationToken).ConfigureAwait(false);
        var record = GateSkip.Record(DeploymentContext.NewId(), context.Plan.NextTag, context.Plan.Next, tag?.Target,
            await SkipsAsync(context, cancellationToken).ConfigureAwait(false), repo.Clock.Now, await repo.ActorAsync(cancellationToken).ConfigureAwait(false));
        await Ledger(context).AppendAsync([record], cancellationToken).ConfigureAwait(false);
    }

    private static GitLedger Ledger(ReleaseContext context) => new(context.Repository.Root, context.Remote);

    /// <summary>The gates skipped for this release: those given now, or, when a run before made the tag, those its message records.</summary>
    private static async Task<IReadOnlyList<GateSkip>> SkipsAsync(ReleaseContext context, CancellationToken cancellationToken)
    {
        if (context.Plan.SkippedGates.Count > 0 || !context.Plan.TagExistsAtHead)
        {
            return context.Plan.SkippedGates;
        }

        var tag = await context.Repository.Git.ReadTagAsync(context.Plan.NextTag, cancellationToken).ConfigureAwait(false);
        return tag is null ? [] : GateSkip.FromTagMessage(tag.Message);
    }
}
