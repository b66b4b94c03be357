using Slipway.Adapters.Checks;
using Slipway.Adapters.Helm;
using Slipway.Adapters.Processes;
using Slipway.Cli.Images;
using Slipway.Cli.Output;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;
using Slipway.Core.Rollouts;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Deploying;

/// <summary>Runs one deployment the same way for deploy, promote and rollback: requirements, gates, helm, health check,
/// automatic rollback, and every attempt recorded in the ledger.</summary>
public sealed class Deployer(DeploymentContext context, Terminal terminal)
{
    // kind: gitops: what the last attempt pushed (an automatic rollback reverts it) and the line its record keeps.
    private (string Commit, string Version)? _gitOpsPushed;
    private string? _gitOpsNote;
    private string? _gitOpsProposal;

    public async Task<int> RunAsync(DeploymentRequest request, DeploymentHistory history, CancellationToken cancellationToken)
    {
        var env = request.Environment;
        var version = request.Version;
        var tag = context.Naming.TagFor(request.Version);
        if (request.DryRun)
        {
            return await new DryRun(context, terminal).ShowAsync(request, history, cancellationToken).ConfigureAwait(false);
        }

        var commit = await context.CommitOfAsync(request.Version, cancellationToken).ConfigureAwait(false);
        // What runs is what was released: the version's image must be in the registry, and the chart gets its digest, so a tag moved
        // later cannot change it. An explicit --image-digest is taken as given.
        var digest = request.Digest ?? await VersionImage.DigestAsync(context.Config, request.Version, tag, commit, context.Clock.Now,
            context.Variables, cancellationToken).ConfigureAwait(false);
        using var mirror = await GitHubMirror.CreateAsync(context, terminal, cancellationToken).ConfigureAwait(false);
        var actor = await context.ActorAsync(cancellationToken).ConfigureAwait(false);
        if (commit is null)
        {
            terminal.Progress($"note: tag {tag} is not in this clone, so the record has no commit");
        }

        DeploymentRecord Record(SemanticVersion v, string? c, DeploymentAction action, DeploymentOutcome outcome, string? detail, long? github = null, string? d = null) => new()
        {
            Id = DeploymentContext.NewId(),
            Environment = env.Name,
            Version = v,
            Action = action,
            Outcome = outcome,
            At = context.Clock.Now,
            Actor = actor,
            Commit = c,
            Digest = v == version ? digest : d,
            Reason = request.Reason,
            Detail = detail,
            From = request.From,
            Forced = request.Force,
            GitHubDeployment = github,
        };

        // Stopped before anything changed: mirrored to GitHub as a failed deployment, recorded blocked, the command's error.
        async Task BlockedAsync(DeploymentBlock block)
        {
            var blocked = mirror is null ? null : await mirror.StartAsync(env, tag, $"{version}: {block.Detail}", cancellationToken).ConfigureAwait(false);
            if (mirror is not null)
            {
                await mirror.FinishAsync(blocked, false, $"blocked: {block.Detail}", null, cancellationToken).ConfigureAwait(false);
            }

            await RecordAsync([Record(version, commit, request.Action, DeploymentOutcome.Blocked, block.Detail, blocked)]).ConfigureAwait(false);
            throw new SlipwayException(block.Error);
        }

        var run = new DeploymentRun(env, request.Version, request.Action, history) { Force = request.Force, MarkBad = request.MarkBad };

        var admission = run.Admission(Approval.FromGitHubActions(env, context.Variables));
        if (admission.Refusal is { } refusal && (!admission.AskFirst || !Approval.Confirm(terminal, ApprovalQuestion(env, version, history))))
        {
            await BlockedAsync(DeploymentRun.Refused(refusal)).ConfigureAwait(false);
        }

        // The image scan is the first gate: what the scanner finds in the version's image (by digest) is refused as a failing gate is.
        var image = context.Config.Image.Names.Count == 0 ? null : context.Config.Image.Rules().Images.FirstOrDefault(i => i.Enabled)?.Name.ToLowerInvariant();
        if (context.Config.Image.Scan is { } scan && run.Scans(true, image, digest, request.Scanned))
        {
            terminal.Progress($"scan: running {Path.GetFileName(scan.Run[0])} on {image}@{digest}");
            DeploymentBlock? blocking;
            try
            {
                var verdict = await StepCancelledException.AtAsync("scan", () => ImageScan.RunAsync(scan, context.Root, image!, digest!, version.ToString(), tag, context.Clock.Now,
                    terminal.Detail, cancellationToken), cancellationToken).ConfigureAwait(false);
                terminal.Progress(verdict.SummaryLine());
                blocking = run.ScanBlock(verdict);
            }
            catch (SlipwayException e) when (e.Error.Code != ExitCode.Usage)
            {
                blocking = run.ScanFailed(e.Error);
            }

            if (blocking is not null)
            {
                await BlockedAsync(blocking).ConfigureAwait(false);
            }
        }

        foreach (var gate in run.Gates)
        {
            terminal.Progress($"gate {gate.Name}: running {ShellQuote.Join(gate.Run[0], gate.Run.Skip(1))}");
            var result = await StepCancelledException.AtAsync("gates", () => new GateRunner(context.Root).RunAsync(gate, env.Name, version.ToString(), tag, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            if (!result.Passed)
            {
                await BlockedAsync(run.GateFailed(gate.Name, result.Detail)).ConfigureAwait(false);
            }
        }

        // Every attempt is on record before helm touches the cluster (outcome unknown) and again when it ends, under the same
        // id: a run killed in between leaves it unknown in `status` and `history`, and the next deployment here resolves it.
        var before = new List<DeploymentRecord>(run.Resolutions(context.Clock.Now));
        if (run.MarkedBad() is { } bad)
        {
            before.Add(Record(bad.Version, bad.Commit, DeploymentAction.Rollback, DeploymentOutcome.RolledBack, bad.Detail));
        }

        var canary = run.Canary(context.Naming, digest, out var straight);
        if (straight is not null)
        {
            terminal.Progress(straight);
        }

        if (canary is not null && await StepCancelledException.AtAsync("rollout", () => new CanaryRollout(context, terminal.Progress).PreflightAsync(env, cancellationToken),
            cancellationToken).ConfigureAwait(false) is { } preflight)
        {
            // The analysis' query is asked before any traffic moves: one Prometheus refuses can never judge a step.
            await BlockedAsync(run.PreflightRefused(preflight)).ConfigureAwait(false);
        }

        var attempt = Record(version, commit, request.Action, DeploymentOutcome.Unknown, run.Started(canary)) with
        {
            Rollout = canary is null ? null : RolloutProgress.Of(canary.Rollout)[0],
        };
        var (outcome, github) = await AttemptAsync(mirror, env, attempt, tag, before, history.Current(env.Name)?.GitHubDeployment, canary, cancellationToken).ConfigureAwait(false);
        var ending = run.AfterAttempt(outcome with { Note = _gitOpsNote, Proposal = _gitOpsProposal }, attempt, before, canary, cancellationToken.IsCancellationRequested);
        var ended = Ended(attempt, ending, github);
        if (ending.Line is { } line)
        {
            await terminal.Out.WriteLineAsync(line).ConfigureAwait(false);
            await RecordAsync([ended]).ConfigureAwait(false);
            await context.Git.ForgetDeadRunsAsync(CancellationToken.None).ConfigureAwait(false);
            return 0;
        }

        if (ending.RollbackTo is { } target)
        {
            var revert = env.GitOps is not null ? _gitOpsPushed : null;
            terminal.Progress($"auto_rollback: redeploying {target.Version}");
            var back = Record(target.Version, target.Commit, DeploymentAction.Rollback, DeploymentOutcome.Unknown, run.RollbackStarted, d: target.Digest);
            var (backOutcome, backGitHub) = await AttemptAsync(mirror, env, back, context.Naming.TagFor(target.Version),
                [ended with { Outcome = DeploymentOutcome.RolledBack }], github, null, cancellationToken, revert).ConfigureAwait(false);
            var reverted = revert is { } r && _gitOpsNote is { } note ? (r.Commit, note) : ((string Commit, string Note)?)null;
            ending = run.AfterRollback(target, outcome.Problem, backOutcome, reverted);
            await RecordAsync([Ended(back, ending, backGitHub)]).ConfigureAwait(false);
        }
        else
        {
            await RecordAsync([ended]).ConfigureAwait(false);
        }

        throw new SlipwayException(ending.Error!);
    }

    /// <summary>The question asked at a terminal when the environment requires approval: what changes, and what runs there now.</summary>
    private static string ApprovalQuestion(DeploymentEnvironment env, SemanticVersion version, DeploymentHistory history)
    {
        var current = history.Current(env.Name);
        return $"{env.Name}: {current?.Version.ToString() ?? "nothing"} -> {version}" +
            (current is null ? string.Empty : $" (current since {LedgerTime(current.At)} by {TextSanitizer.OneLine(current.Actor)}, {DeploymentNames.Of(current.Outcome)})") +
            ". Deploy?";
    }

    /// <summary>The attempt's last line: how it ended, when, with what GitHub deployment (no longer at a canary step: a rolled-back canary says which).</summary>
    private DeploymentRecord Ended(DeploymentRecord attempt, DeploymentOutcome outcome, string? detail, long? github) =>
        attempt with { Outcome = outcome, Detail = detail, At = context.Clock.Now, GitHubDeployment = github, Rollout = null };

    /// <summary>The attempt's last line as Core decided it.</summary>
    private DeploymentRecord Ended(DeploymentRecord attempt, DeploymentEnding ending, long? github) =>
        Ended(attempt, ending.Outcome, ending.Detail, github) with { Rollout = ending.Rollout };

    /// <summary>
    /// Writes to the ledger without giving way to a first Ctrl-C: a record is short, and one left half-sent is the thing to avoid
    /// (a second Ctrl-C still stops it, and the records stay in the clone, sent by the next command).
    /// </summary>
    private Task RecordAsync(IReadOnlyList<DeploymentRecord> records) => context.Ledger.AppendAsync(records, Termination.Forced);

    /// <summary>
    /// One attempt: recorded (with <paramref name="before"/>) as unknown, then helm and the health check, mirrored to GitHub when
    /// configured. Cancelled, helm or the check is stopped and the attempt recorded as it ended (blocked before helm, failed after)
    /// before the cancellation goes on up.
    /// </summary>
    private async Task<(AttemptResult Outcome, long? GitHub)> AttemptAsync(GitHubMirror? mirror, DeploymentEnvironment env, DeploymentRecord attempt,
        string tag, IReadOnlyList<DeploymentRecord> before, long? replaced, RolloutPlan? canary, CancellationToken cancellationToken,
        (string Commit, string Version)? revert = null)
    {
        try
        {
            await context.Ledger.AppendStartAsync([.. before, attempt], Termination.Forced).ConfigureAwait(false);
        }
        catch (SlipwayException e)
        {
            // Kept in the clone (refs/slipway/pending) and sent with the attempt's end: the deployment goes ahead as it did before.
            terminal.Progress($"note: {e.Error.Message}");
        }

        var stage = "start";
        long? github = null;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            github = mirror is null ? null : await mirror.StartAsync(env, tag, $"slipway: {attempt.Version} to {env.Name}", cancellationToken).ConfigureAwait(false);
            var outcome = canary is null
                ? await InstallAndCheckAsync(env, attempt, tag, s => stage = s, revert, cancellationToken).ConfigureAwait(false)
                : await new CanaryRollout(context, terminal.Progress).RunAsync(env, canary, CanaryTarget(env, canary, attempt), attempt, s => stage = s, cancellationToken)
                    .ConfigureAwait(false);
            if (canary is not null && env.GitOps is not null)
            {
                _gitOpsNote = outcome.Note;
            }

            if (outcome.Ok && canary is not null)
            {
                outcome = await CheckHealthAsync(env, attempt.Version, s => stage = s, cancellationToken).ConfigureAwait(false);
            }

            if (mirror is not null)
            {
                await mirror.FinishAsync(github, outcome.Ok, outcome.Ok ? $"{attempt.Version} is running in {env.Name}" : outcome.Problem!, replaced, cancellationToken).ConfigureAwait(false);
            }

            return (outcome, github);
        }
        catch (CanaryCancelledException e) when (cancellationToken.IsCancellationRequested)
        {
            // The rollout set the canary back to 0 (or said why not) before giving way: the record says where it stopped and what runs.
            var detail = $"cancelled during the canary rollout at {e.At!.Text()}; {e.Back}";
            if (mirror is not null && github is not null)
            {
                await mirror.FinishAsync(github, false, detail, null, Termination.Forced).ConfigureAwait(false);
            }

            await RecordAsync([Ended(attempt, DeploymentOutcome.Failed, detail, github) with { Rollout = e.At }]).ConfigureAwait(false);
            throw new StepCancelledException("canary", e) { Note = e.Back };
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            if (mirror is not null && github is not null)
            {
                await mirror.FinishAsync(github, false, stage == "start" ? "cancelled before helm ran" : $"cancelled during {stage}", null, Termination.Forced).ConfigureAwait(false);
            }

            await RecordAsync([stage switch
            {
                "start" => Ended(attempt, DeploymentOutcome.Blocked, "cancelled before helm ran", github),
                "helm" => Ended(attempt, DeploymentOutcome.Failed, "cancelled while helm ran (helm was stopped; the environment may be partly updated)", github),
                "deploy command" => Ended(attempt, DeploymentOutcome.Failed, "cancelled while the deploy command ran (it was stopped; the environment may be partly updated)", github),
                "gitops" => Ended(attempt, DeploymentOutcome.Failed, "cancelled while the GitOps change was written or Argo CD was asked (the change may be pushed)", github),
                "canary" => Ended(attempt, DeploymentOutcome.Failed, "cancelled during the canary rollout (the canary may still run at its last weight: deploy again or roll back)", github),
                _ => Ended(attempt, DeploymentOutcome.Failed, "cancelled during the health check", github),
            }]).ConfigureAwait(false);
            throw new StepCancelledException(stage == "start" ? "helm" : stage, e);
        }
        catch (SlipwayException e) when (stage == "gitops" && e.Error.Code is ExitCode.Usage or ExitCode.Precondition)
        {
            // Refused before anything was written to the GitOps repository (its file, the path to set, Argo CD's token): blocked.
            if (mirror is not null && github is not null)
            {
                await mirror.FinishAsync(github, false, $"blocked: {e.Error.Message}", null, Termination.Forced).ConfigureAwait(false);
            }

            await RecordAsync([Ended(attempt, DeploymentOutcome.Blocked, e.Error.Message, github)]).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Where a canary's moves go: helm upgrades, or commits to the GitOps file.</summary>
    private ICanaryTarget CanaryTarget(DeploymentEnvironment env, RolloutPlan plan, DeploymentRecord attempt) => env.GitOps is not null
        ? new GitOpsCanaryTarget(context, terminal.Progress, env, plan, attempt.Id)
        : new HelmCanaryTarget(context, terminal, terminal.Progress, env.Helm!);

    /// <summary>helm upgrade --install (or the environment's deploy command), then the health check: (true, null) or (false, what went wrong).</summary>
    private async Task<AttemptResult> InstallAndCheckAsync(DeploymentEnvironment env, DeploymentRecord attempt, string tag, Action<string> stage,
        (string Commit, string Version)? revert, CancellationToken cancellationToken)
    {
        var (version, digest) = (attempt.Version, attempt.Digest);
        if (env.GitOps is not null)
        {
            stage("gitops");
            GitOpsOutcome outcome;
            try
            {
                outcome = await new GitOpsDeploy(context, terminal.Progress).RunAsync(env, attempt, new CommandValues(version.ToString(), tag, digest, env.Name), revert, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (SlipwayException e) when (e.Error.Code == ExitCode.Failed)
            {
                return new(false, false, e.Error.Message, null);
            }

            _gitOpsPushed = outcome.Commit is { } pushed ? (pushed, version.ToString()) : null;
            _gitOpsNote = outcome.Note;
            _gitOpsProposal = outcome.Proposal;
            if (!outcome.Ok)
            {
                return new(false, false, outcome.Problem, null);
            }

            if (outcome.Proposal is not null)
            {
                // Proposed, not running yet: there is nothing new to check the health of until the pull request is merged.
                return new(true, false, null, null);
            }
        }
        else if (env.Command is { } command)
        {
            var values = new CommandValues(version.ToString(), tag, digest, env.Name);
            terminal.Progress(ShellQuote.Join(command.Run[0], CommandDeploy.Expand(command.Run, values).Skip(1)));
            stage("deploy command");
            var deployed = await new CommandDeployRunner(context.Root).RunAsync(command, values, terminal.Detail, cancellationToken).ConfigureAwait(false);
            if (!deployed.Passed)
            {
                ThrowIfTheSignalsDoing(cancellationToken);
                return new(false, false, $"deploy command: {deployed.Detail}", null);
            }
        }
        else
        {
            var helm = new HelmClient(context.Root);
            var arguments = HelmClient.UpgradeArguments(env.Helm!, tag, digest);
            terminal.Progress(ShellQuote.Join(helm.Program, arguments));
            stage("helm");
            var result = await helm.RunAsync(arguments, cancellationToken).ConfigureAwait(false);
            terminal.Detail(result.Output + result.ErrorOutput);
            if (!result.Succeeded)
            {
                ThrowIfTheSignalsDoing(cancellationToken);
                return new(false, false, $"helm: {result.Problem}", null);
            }
        }

        return await CheckHealthAsync(env, version, stage, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A Ctrl-C to the group ends helm (or the deploy command) a moment before this process's handler sees the same signal:
    /// its failure is then the cancellation (recorded as cancelled at that step), not a failed deployment.
    /// </summary>
    private static void ThrowIfTheSignalsDoing(CancellationToken cancellationToken)
    {
        if (Termination.CausedTheFailure())
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The environment's health check after helm (after the promotion, for a canary rollout).</summary>
    private async Task<AttemptResult> CheckHealthAsync(DeploymentEnvironment env, SemanticVersion version, Action<string> stage, CancellationToken cancellationToken)
    {
        if (env.Health is null)
        {
            return new(true, false, null, null);
        }

        stage("health");
        terminal.Progress($"health: checking {env.Health.Url ?? env.Health.Run![0]}");
        var health = await new HealthProbe(context.Root).CheckAsync(env.Health, env.Name, version.ToString(), terminal.Progress, cancellationToken).ConfigureAwait(false);
        return health.Passed ? new(true, false, null, null) : new(false, false, $"health check failed: {health.Detail}", null);
    }

    private static string LedgerTime(DateTimeOffset at) => Slipway.Adapters.Ledger.LedgerJson.Timestamp(at);
}
