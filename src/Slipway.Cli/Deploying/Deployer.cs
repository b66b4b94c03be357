using Slipway.Adapters.Checks;
using Slipway.Adapters.Helm;
using Slipway.Adapters.Processes;
using Slipway.Cli.Images;
using Slipway.Cli.Output;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;
using Slipway.Core.Rollouts;

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
        var version = request.Version.ToString();
        var tag = context.Naming.TagFor(request.Version);
        if (request.DryRun)
        {
            return await new DryRun(context, terminal).ShowAsync(request, history, cancellationToken).ConfigureAwait(false);
        }

        var commit = await context.CommitOfAsync(request.Version, cancellationToken).ConfigureAwait(false);
        // What runs is what was released: the version's image must be in the registry, and the chart gets its digest, so a tag moved
        // later cannot change it. An explicit --image-digest is taken as given.
        var digest = request.Digest ?? await VersionImage.DigestAsync(context.Config, request.Version, tag, commit, DeploymentContext.Now(),
            context.Variables, cancellationToken).ConfigureAwait(false);
        using var mirror = await GitHubMirror.CreateAsync(context, terminal, cancellationToken).ConfigureAwait(false);
        var actor = await context.ActorAsync(cancellationToken).ConfigureAwait(false);
        if (commit is null)
        {
            Progress($"note: tag {tag} is not in this clone, so the record has no commit");
        }

        DeploymentRecord Record(string v, string? c, DeploymentAction action, DeploymentOutcome outcome, string? detail, long? github = null, string? d = null) => new()
        {
            Id = DeploymentContext.NewId(),
            Environment = env.Name,
            Version = v,
            Action = action,
            Outcome = outcome,
            At = DeploymentContext.Now(),
            Actor = actor,
            Commit = c,
            Digest = v == version ? digest : d,
            Reason = request.Reason,
            Detail = detail,
            From = request.From,
            Forced = request.Force,
            GitHubDeployment = github,
        };

        async Task<long?> MirrorBlockedAsync(string detail)
        {
            var id = mirror is null ? null : await mirror.StartAsync(env, tag, $"{version}: {detail}", cancellationToken).ConfigureAwait(false);
            if (mirror is not null)
            {
                await mirror.FinishAsync(id, false, $"blocked: {detail}", null, cancellationToken).ConfigureAwait(false);
            }

            return id;
        }

        var refusal = Refusal(request, history);
        if (refusal is not null)
        {
            var blocked = await MirrorBlockedAsync(refusal.Message).ConfigureAwait(false);
            await RecordAsync([Record(version, commit, request.Action, DeploymentOutcome.Blocked, refusal.Message, blocked)]).ConfigureAwait(false);
            throw new SlipwayException(refusal);
        }

        // The image scan is the first gate: what the scanner finds in the version's image (by digest) is refused as a failing gate is.
        var image = context.Config.Image.Names.Count == 0 ? null : context.Config.Image.Rules().Images.FirstOrDefault(i => i.Enabled)?.Name.ToLowerInvariant();
        if (context.Config.Image.Scan is { } scan && request.Action != DeploymentAction.Rollback && image is not null && digest is not null && request.Scanned != $"{image}@{digest}")
        {
            Progress($"scan: running {Path.GetFileName(scan.Run[0])} on {image}@{digest}");
            SlipwayError? blocking;
            try
            {
                var verdict = await StepCancelledException.AtAsync("scan", () => ImageScan.RunAsync(scan, context.Root, image, digest, version, tag, DeploymentContext.Now(),
                    terminal.Detail, cancellationToken), cancellationToken).ConfigureAwait(false);
                Progress(verdict.SummaryLine());
                blocking = verdict.Blocked ? verdict.Refusal($"{version} is not deployed to {env.Name}") : null;
            }
            catch (SlipwayException e) when (e.Error.Code != ExitCode.Usage)
            {
                blocking = e.Error with { Message = $"{version} was not deployed to {env.Name}: {e.Error.Message}" };
            }

            if (blocking is not null)
            {
                var blocked = await MirrorBlockedAsync(blocking.Message).ConfigureAwait(false);
                await RecordAsync([Record(version, commit, request.Action, DeploymentOutcome.Blocked, blocking.Message, blocked)]).ConfigureAwait(false);
                throw new SlipwayException(blocking with { Code = ExitCode.Precondition });
            }
        }

        foreach (var gate in request.Action == DeploymentAction.Rollback ? [] : env.Gates)
        {
            Progress($"gate {gate.Name}: running {ShellQuote.Join(gate.Run[0], gate.Run.Skip(1))}");
            var result = await StepCancelledException.AtAsync("gates", () => new GateRunner(context.Root).RunAsync(gate, env.Name, version, tag, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            if (!result.Passed)
            {
                var detail = $"gate '{gate.Name}' failed ({result.Detail})";
                var blocked = await MirrorBlockedAsync(detail).ConfigureAwait(false);
                await RecordAsync([Record(version, commit, request.Action, DeploymentOutcome.Blocked, detail, blocked)]).ConfigureAwait(false);
                throw new SlipwayException(SlipwayError.Precondition($"{version} was not deployed to {env.Name}: {detail}", "fix what the gate found, then deploy again"));
            }
        }

        // Every attempt is on record before helm touches the cluster (outcome unknown) and again when it ends, under the same
        // id: a run killed in between leaves it unknown in `status` and `history`, and the next deployment here resolves it.
        var before = new List<DeploymentRecord>(history.Resolutions(env.Name, $"{DeploymentNames.Of(request.Action)} of {version}", DeploymentContext.Now()));
        if (request.MarkBad is { } bad)
        {
            var current = history.Current(env.Name);
            before.Add(Record(bad, current?.Commit, DeploymentAction.Rollback, DeploymentOutcome.RolledBack, $"rolled back to {version}"));
        }

        var canary = CanaryPlan(request, history, tag, digest);
        if (canary is not null && await StepCancelledException.AtAsync("rollout", () => new CanaryRollout(context, Progress).PreflightAsync(env, cancellationToken),
            cancellationToken).ConfigureAwait(false) is { } preflight)
        {
            // The analysis' query is asked before any traffic moves: one Prometheus refuses can never judge a step.
            var refused = preflight with { Message = $"{version} was not deployed to {env.Name}: {preflight.Message}" };
            var blocked = await MirrorBlockedAsync(refused.Message).ConfigureAwait(false);
            await RecordAsync([Record(version, commit, request.Action, DeploymentOutcome.Blocked, refused.Message, blocked)]).ConfigureAwait(false);
            throw new SlipwayException(refused);
        }

        var attempt = Record(version, commit, request.Action, DeploymentOutcome.Unknown, $"{Deploys(env)} started; how it ended is not recorded yet") with
        {
            Rollout = canary is null ? null : RolloutProgress.Of(canary.Rollout)[0],
            Detail = canary is null ? $"{Deploys(env)} started; how it ended is not recorded yet" : $"{RolloutProgress.Of(canary.Rollout)[0].Text()}: rolling out from {canary.Stable.Version}",
        };
        var (outcome, github) = await AttemptAsync(mirror, env, attempt, tag, before, history.Current(env.Name)?.GitHubDeployment, canary, cancellationToken).ConfigureAwait(false);
        var (ok, problem) = (outcome.Ok, outcome.Problem);
        if (ok)
        {
            await terminal.Out.WriteLineAsync(_gitOpsProposal is { } proposal ? proposal : request.Action == DeploymentAction.Rollback
                ? $"rolled back {env.Name} to {version}" + (request.MarkBad is { } replaced ? $" (from {replaced}, now marked bad)" : string.Empty)
                : $"deployed {version} to {env.Name}" + (canary is null ? string.Empty : $" through canary steps {string.Join(", ", canary.Rollout.Steps.Select(s => s.Weight + "%"))}"))
                .ConfigureAwait(false);
            await RecordAsync([Ended(attempt, DeploymentOutcome.Succeeded, _gitOpsNote, github)]).ConfigureAwait(false);
            await context.Git.ForgetDeadRunsAsync(CancellationToken.None).ConfigureAwait(false);
            return 0;
        }

        if (outcome.At is { } at)
        {
            // The canary stopped at a step and was set back to 0 (or tried to be): the stable version runs, nothing to roll back to.
            var ended = Ended(attempt, outcome.RolledBack ? DeploymentOutcome.RolledBack : DeploymentOutcome.Failed, problem, github) with { Rollout = at };
            await RecordAsync([ended]).ConfigureAwait(false);
            var what = outcome.RolledBack ? $"the canary of {version} in {env.Name} was rolled back" : $"deploying {version} to {env.Name} failed";
            throw new SlipwayException(outcome.Error is { } error
                ? error with { Message = $"{what}: {error.Message}" }
                : SlipwayError.Failed($"{what}: {problem}", $"see `slipway history {env.Name}`; fix it and deploy again"));
        }

        var failed = Ended(attempt, DeploymentOutcome.Failed, problem, github);
        var revert = env.GitOps is not null ? _gitOpsPushed : null;
        var message = $"deploying {version} to {env.Name} failed: {problem}";
        var target = env.AutoRollback && request.Action != DeploymentAction.Rollback
            ? new DeploymentHistory([.. history.Records, .. before, failed]).RollbackTarget(env.Name)
            : null;
        if (target is not null && !cancellationToken.IsCancellationRequested)
        {
            Progress($"auto_rollback: redeploying {target.Version}");
            var back = Record(target.Version, target.Commit, DeploymentAction.Rollback, DeploymentOutcome.Unknown, $"automatic rollback after {version} failed; {Deploys(env)} started",
                d: target.Digest);
            var (backOutcome, backGitHub) = await AttemptAsync(mirror, env, back, context.Naming.Prefix + target.Version,
                [failed with { Outcome = DeploymentOutcome.RolledBack }], github, null, cancellationToken, revert).ConfigureAwait(false);
            var (backOk, backProblem) = (backOutcome.Ok, backOutcome.Problem);
            await RecordAsync([Ended(back, backOk ? DeploymentOutcome.Succeeded : DeploymentOutcome.Failed,
                $"automatic rollback after {version} failed" + (backOk ? string.Empty : $": {backProblem}") +
                (revert is { } reverted && _gitOpsNote is { } note ? $" (revert of {reverted.Commit[..7]}; {note})" : string.Empty), backGitHub)]).ConfigureAwait(false);
            message += backOk ? $"; rolled back to {target.Version}" : $"; the automatic rollback to {target.Version} failed too: {backProblem}";
        }
        else
        {
            await RecordAsync([failed]).ConfigureAwait(false);
            if (target is null && env.AutoRollback && request.Action != DeploymentAction.Rollback)
            {
                message += "; no earlier good version to roll back to";
            }
        }

        throw new SlipwayException(SlipwayError.Failed(message, $"see `slipway history {env.Name}`; fix it and deploy again"));
    }

    /// <summary>What deploys the environment, as the ledger's records name it.</summary>
    private static string Deploys(DeploymentEnvironment env) => env.Kind switch
    {
        "command" => "the deploy command",
        "gitops" => "the GitOps change",
        _ => "helm",
    };

    /// <summary>The attempt's last line: how it ended, when, with what GitHub deployment (no longer at a canary step: a rolled-back canary says which).</summary>
    private static DeploymentRecord Ended(DeploymentRecord attempt, DeploymentOutcome outcome, string? detail, long? github) =>
        attempt with { Outcome = outcome, Detail = detail, At = DeploymentContext.Now(), GitHubDeployment = github, Rollout = null };

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
    private async Task<(CanaryRollout.Result Outcome, long? GitHub)> AttemptAsync(GitHubMirror? mirror, DeploymentEnvironment env, DeploymentRecord attempt,
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
            Progress($"note: {e.Error.Message}");
        }

        var stage = "start";
        long? github = null;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            github = mirror is null ? null : await mirror.StartAsync(env, tag, $"slipway: {attempt.Version} to {env.Name}", cancellationToken).ConfigureAwait(false);
            var outcome = canary is null
                ? await InstallAndCheckAsync(env, attempt, tag, s => stage = s, revert, cancellationToken).ConfigureAwait(false)
                : await new CanaryRollout(context, Progress).RunAsync(env, canary, CanaryTarget(env, canary, attempt), attempt, s => stage = s, cancellationToken)
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
        ? new GitOpsCanaryTarget(context, Progress, env, plan, attempt.Id)
        : new HelmCanaryTarget(context, terminal, Progress, env.Helm!);

    /// <summary>helm upgrade --install (or the environment's deploy command), then the health check: (true, null) or (false, what went wrong).</summary>
    private async Task<CanaryRollout.Result> InstallAndCheckAsync(DeploymentEnvironment env, DeploymentRecord attempt, string tag, Action<string> stage,
        (string Commit, string Version)? revert, CancellationToken cancellationToken)
    {
        var (version, digest) = (attempt.Version, attempt.Digest);
        if (env.GitOps is not null)
        {
            stage("gitops");
            GitOpsOutcome outcome;
            try
            {
                outcome = await new GitOpsDeploy(context, Progress).RunAsync(env, attempt, new CommandValues(version, tag, digest, env.Name), revert, cancellationToken)
                    .ConfigureAwait(false);
            }
            catch (SlipwayException e) when (e.Error.Code == ExitCode.Failed)
            {
                return new(false, false, e.Error.Message, null);
            }

            _gitOpsPushed = outcome.Commit is { } pushed ? (pushed, version) : null;
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
            var values = new CommandValues(version, tag, digest, env.Name);
            Progress(ShellQuote.Join(command.Run[0], CommandDeploy.Expand(command.Run, values).Skip(1)));
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
            Progress(ShellQuote.Join(helm.Program, arguments));
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
    private async Task<CanaryRollout.Result> CheckHealthAsync(DeploymentEnvironment env, string version, Action<string> stage, CancellationToken cancellationToken)
    {
        if (env.Health is null)
        {
            return new(true, false, null, null);
        }

        stage("health");
        Progress($"health: checking {env.Health.Url ?? env.Health.Run![0]}");
        var health = await new HealthProbe(context.Root).CheckAsync(env.Health, env.Name, version, Progress, cancellationToken).ConfigureAwait(false);
        return health.Passed ? new(true, false, null, null) : new(false, false, $"health check failed: {health.Detail}", null);
    }

    /// <summary>
    /// The canary rollout's plan, when the environment has `rollout:` and a version to keep as the stable one while the canary
    /// runs: the last good version there, other than this one. A rollback, and a first deployment, go out at once.
    /// </summary>
    private RolloutPlan? CanaryPlan(DeploymentRequest request, DeploymentHistory history, string tag, string? digest)
    {
        var env = request.Environment;
        if (env.Rollout is not { } rollout || request.Action == DeploymentAction.Rollback)
        {
            return null;
        }

        var stable = history.LastGood(env.Name);
        if (stable is null || stable.Version == request.Version.ToString())
        {
            Progress($"rollout: no other good version runs in {env.Name} to keep beside a canary, so {request.Version} goes out at once");
            return null;
        }

        return new RolloutPlan(rollout,
            new CanaryImage(stable.Version, context.Naming.Prefix + stable.Version, stable.Digest), new CanaryImage(request.Version.ToString(), tag, digest));
    }

    private SlipwayError? Refusal(DeploymentRequest request, DeploymentHistory history)
    {
        var env = request.Environment;
        if (request.Force)
        {
            return null;
        }

        var version = request.Version.ToString();
        if (request.Action != DeploymentAction.Rollback && DeploymentGuard.PromotedFromRefusal(env, version, history) is { } refusal)
        {
            return refusal;
        }

        if (!env.Requires.Approval || Approval.FromGitHubActions(env, context.Variables))
        {
            return null;
        }

        var current = history.Current(env.Name);
        var change = $"{env.Name}: {current?.Version ?? "nothing"} -> {version}" +
            (current is null ? string.Empty : $" (current since {LedgerTime(current.At)} by {TextSanitizer.OneLine(current.Actor)}, {DeploymentNames.Of(current.Outcome)})") +
            ". Deploy?";
        return Approval.Confirm(terminal, change) ? null : DeploymentGuard.ApprovalRefusal(env);
    }

    private static string LedgerTime(DateTimeOffset at) => Slipway.Adapters.Ledger.LedgerJson.Timestamp(at);

    // Progress goes to stderr only for a person (or with --verbose): scripts get one line per error.
    private void Progress(string line)
    {
        if (terminal.Verbose || !Console.IsErrorRedirected)
        {
            terminal.Status(TextSanitizer.OneLine(line));
        }
    }
}
