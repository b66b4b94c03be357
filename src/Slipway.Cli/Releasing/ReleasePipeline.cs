using Slipway.Adapters.GitHub;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Notifying;
using Slipway.Cli.Output;
using Slipway.Cli.Releasing.Steps;
using Slipway.Core.Errors;
using Slipway.Core.Gates;
using Slipway.Core.Notifications;
using Slipway.Core.Releases;

namespace Slipway.Cli.Releasing;

/// <summary>
/// The release, in order: the plan and its preflight (the checks, the gates, the remote's tag, the token) → every step's "is it
/// done?" → the dry run, or the question → the steps not done. Each step is skipped when its check says it is done.
/// </summary>
public static class ReleasePipeline
{
    public static IReadOnlyList<IReleaseStep> Steps { get; } =
    [
        new ChangelogStep(),     // the release's section in changelog.file (Keep a Changelog), when configured
        new BumpFilesStep(),     // the new version into each bump_files entry
        new ReleaseCommitStep(), // "chore(release): vX.Y.Z" with those files, so the tag goes on it
        new TagStep(),   // annotated tag vX.Y.Z on HEAD, message "Release vX.Y.Z" + changelog
        new AnnouncedStep(new PushStep(), NotificationEvent.Release),    // branch (when ahead) and tag to the remote, atomically; then notify: release
        new LedgerStep(),  // with gates skipped: the release, who skipped which gate and why, into the deployment ledger
        new AnnouncedStep(new PublishStep(), NotificationEvent.Publish), // the GitHub release of the tag, when release.github is configured; then notify: publish
    ];

    /// <summary>The whole release: refuses (exit 3) at the first failed check or gate, before anything is written.</summary>
    /// <param name="confirmed">--yes: no question; without it, a terminal is needed to ask.</param>
    public static async Task<(ReleaseOutcome Outcome, ReleaseContext Context)> ReleaseAsync(Workspace repo, ReleaseRequest request, IReadOnlyList<GateSkip> skips,
        ReleaseOptions options, bool confirmed, Terminal terminal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repo);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(terminal);
        var plan = await PreflightAsync(repo, request, skips, options, terminal, cancellationToken).ConfigureAwait(false);
        var context = await ContextAsync(repo, plan, options, terminal, cancellationToken).ConfigureAwait(false);
        var steps = await CheckAsync(context, cancellationToken).ConfigureAwait(false);
        if (steps.All(s => s.Status != StepStatus.ToDo))
        {
            return (ReleaseOutcome.AlreadyReleased, context);
        }

        if (options.DryRun)
        {
            await PipelineSteps.WriteDryRunAsync(terminal, steps, context).ConfigureAwait(false);
            return (ReleaseOutcome.DryRun, context);
        }

        if (!confirmed && !Confirm(plan, terminal))
        {
            return (ReleaseOutcome.NotConfirmed, context);
        }

        await RunAsync(context, steps, cancellationToken).ConfigureAwait(false);
        return (ReleaseOutcome.Released, context);
    }

    /// <summary>The plan, its checks and then its gates; a dry run prints the plan, with the checks, before a failed one refuses.</summary>
    private static async Task<ReleasePlan> PreflightAsync(Workspace repo, ReleaseRequest request, IReadOnlyList<GateSkip> skips, ReleaseOptions options,
        Terminal terminal, CancellationToken cancellationToken)
    {
        var plan = await ReleasePlanning.PlanAsync(repo, request, cancellationToken).ConfigureAwait(false);
        repo.History.CloseFiles("the release writes to the repository from here on");
        plan = plan with { Checks = await Preflight.RunAsync(repo, plan, fetch: !options.NoPush, push: !options.NoPush, cancellationToken).ConfigureAwait(false) };
        var failed = plan.Checks.FirstOrDefault(c => !c.Ok);
        if (failed is null && !plan.TagExistsAtHead)
        {
            // The gates, after preflight and before any write; a release resumed after its tag passed them in the run that tagged it.
            plan = plan with
            {
                Gates = await ReleaseGates.EvaluateAsync(repo, plan, skips, release: true, terminal.Detail, cancellationToken).ConfigureAwait(false),
                SkippedGates = skips,
            };
        }

        if (options.DryRun)
        {
            await terminal.Out.WriteAsync(PlanRenderer.Text(plan, terminal)).ConfigureAwait(false);
        }

        if (failed is not null)
        {
            throw new SlipwayException(SlipwayError.Precondition($"{failed.Name}: {failed.Message}", failed.Fix));
        }

        if (plan.Gates.FirstOrDefault(g => g.Failed) is { } red)
        {
            throw new SlipwayException(SlipwayError.Precondition($"gate {red.Gate}: {red.Message}", red.Fix));
        }

        foreach (var skip in skips)
        {
            terminal.Status($"gate {skip.Gate} skipped: {skip.Reason} (recorded in the tag message{(options.NoPush ? string.Empty : " and the deployment ledger")})");
        }

        return plan;
    }

    /// <summary>
    /// What the steps' checks need, read once: the notifiers (their secrets), the release's tag on the remote (refused when it names
    /// another commit) and, when the release publishes, the GitHub token — each known before anything changes, not after the push.
    /// </summary>
    private static async Task<ReleaseContext> ContextAsync(Workspace repo, ReleasePlan plan, ReleaseOptions options, Terminal terminal, CancellationToken cancellationToken)
    {
        var notifications = CommandNotifications.Prepare(repo.Config, repo.State.TopLevel, terminal, repo.Environment);
        var (remoteTag, answered) = (default(string), false);
        if (!options.NoPush)
        {
            remoteTag = await repo.Git.RemoteTagCommitAsync(repo.Config.Remote, plan.NextTag, cancellationToken).ConfigureAwait(false);
            answered = true;
            var check = PreflightRules.RemoteTag(plan.NextTag, repo.Config.Remote, remoteTag, repo.State.Head);
            if (!check.Ok)
            {
                throw new SlipwayException(SlipwayError.Precondition(check.Message, check.Fix));
            }
        }
        else if (plan.TagExistsAtHead)
        {
            // --no-push asks only to know whether a local tag may be made again; a remote that cannot be asked leaves it as it is.
            try
            {
                remoteTag = await repo.Git.RemoteTagCommitAsync(repo.Config.Remote, plan.NextTag, cancellationToken).ConfigureAwait(false);
                answered = true;
            }
            catch (SlipwayException)
            {
                answered = false;
            }
        }

        var context = new ReleaseContext(repo, plan, terminal, options) { Notifications = notifications, RemoteTagCommit = remoteTag, RemoteAnswered = answered };
        if (PublishStep.Applies(context))
        {
            _ = GitHubConnection.FromEnvironment(repo.Environment, GitHubReleases.Permission);
        }

        return context;
    }

    /// <summary>The plan on stderr and the question; no terminal to ask is a usage error (--yes confirms).</summary>
    private static bool Confirm(ReleasePlan plan, Terminal terminal)
    {
        if (!Terminal.Interactive)
        {
            throw new SlipwayException(SlipwayError.Usage(
                $"release {plan.NextTag} needs confirmation and there is no terminal to ask", "pass --yes to confirm (e.g. in CI)"));
        }

        terminal.Error.Write(PlanRenderer.Text(plan, terminal));
        return terminal.Confirm($"Release {plan.NextTag}?");
    }

    /// <summary>Runs the steps not done yet (after removing what killed runs left), reporting each on stderr.</summary>
    public static async Task RunAsync(ReleaseContext context, IReadOnlyList<(IReleaseStep Step, StepStatus Status)> checkedSteps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var terminal = context.Terminal;
        foreach (var leftover in await ReleaseFiles.RemoveLeftoversAsync(context.Repository, cancellationToken).ConfigureAwait(false))
        {
            terminal.Status($"{terminal.Dim("-")} removed {leftover}, left by a slipway run that was killed while writing it");
        }

        await PipelineSteps.RunAsync(terminal, checkedSteps, context, cancellationToken).ConfigureAwait(false);

        // Every write went through: what killed runs recorded of theirs has nothing left to explain.
        await context.Repository.Git.ForgetDeadRunsAsync(CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>Each step's "is it done?", in order, before anything is done.</summary>
    public static Task<IReadOnlyList<(IReleaseStep Step, StepStatus Status)>> CheckAsync(ReleaseContext context, CancellationToken cancellationToken) =>
        PipelineSteps.CheckAsync<IReleaseStep, ReleaseContext>(Steps, context, cancellationToken);
}
