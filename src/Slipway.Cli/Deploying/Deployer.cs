using Slipway.Adapters.Checks;
using Slipway.Adapters.Helm;
using Slipway.Cli.Output;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;

namespace Slipway.Cli.Deploying;

/// <summary>Runs one deployment the same way for deploy, promote and rollback: requirements, gates, helm, health check,
/// automatic rollback, and every attempt recorded in the ledger.</summary>
public sealed class Deployer(DeploymentContext context, Terminal terminal)
{
    public async Task<int> RunAsync(DeploymentRequest request, DeploymentHistory history, CancellationToken cancellationToken)
    {
        var env = request.Environment;
        var version = request.Version.ToString();
        var tag = context.Naming.TagFor(request.Version);
        if (request.DryRun)
        {
            return await new DryRun(context, terminal).ShowAsync(request, history, cancellationToken).ConfigureAwait(false);
        }

        using var mirror = await GitHubMirror.CreateAsync(context, terminal, cancellationToken).ConfigureAwait(false);
        var actor = await context.ActorAsync(cancellationToken).ConfigureAwait(false);
        var commit = await context.CommitOfAsync(request.Version, cancellationToken).ConfigureAwait(false);
        if (commit is null)
        {
            Progress($"note: tag {tag} is not in this clone, so the record has no commit");
        }

        DeploymentRecord Record(string v, string? c, DeploymentAction action, DeploymentOutcome outcome, string? detail, long? github = null) => new()
        {
            Id = DeploymentContext.NewId(),
            Environment = env.Name,
            Version = v,
            Action = action,
            Outcome = outcome,
            At = DeploymentContext.Now(),
            Actor = actor,
            Commit = c,
            Digest = v == version ? request.Digest : null,
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
            await context.Ledger.AppendAsync([Record(version, commit, request.Action, DeploymentOutcome.Blocked, refusal.Message, blocked)], cancellationToken).ConfigureAwait(false);
            throw new SlipwayException(refusal);
        }

        foreach (var gate in request.Action == DeploymentAction.Rollback ? [] : env.Gates)
        {
            Progress($"gate {gate.Name}: running {ShellQuote.Join(gate.Run[0], gate.Run.Skip(1))}");
            var result = await new GateRunner(context.Root).RunAsync(gate, env.Name, version, tag, cancellationToken).ConfigureAwait(false);
            if (!result.Passed)
            {
                var detail = $"gate '{gate.Name}' failed ({result.Detail})";
                var blocked = await MirrorBlockedAsync(detail).ConfigureAwait(false);
                await context.Ledger.AppendAsync([Record(version, commit, request.Action, DeploymentOutcome.Blocked, detail, blocked)], cancellationToken).ConfigureAwait(false);
                throw new SlipwayException(SlipwayError.Precondition($"{version} was not deployed to {env.Name}: {detail}", "fix what the gate found, then deploy again"));
            }
        }

        var records = new List<DeploymentRecord>();
        if (request.MarkBad is { } bad)
        {
            var current = history.Current(env.Name);
            records.Add(Record(bad, current?.Commit, DeploymentAction.Rollback, DeploymentOutcome.RolledBack, $"rolled back to {version}"));
        }

        var (ok, problem, github) = await AttemptAsync(mirror, env, version, tag, history.Current(env.Name)?.GitHubDeployment, cancellationToken).ConfigureAwait(false);
        if (ok)
        {
            records.Add(Record(version, commit, request.Action, DeploymentOutcome.Succeeded, null, github));
            await terminal.Out.WriteLineAsync(request.Action == DeploymentAction.Rollback
                ? $"rolled back {env.Name} to {version}" + (request.MarkBad is { } replaced ? $" (from {replaced}, now marked bad)" : string.Empty)
                : $"deployed {version} to {env.Name}").ConfigureAwait(false);
            await context.Ledger.AppendAsync(records, cancellationToken).ConfigureAwait(false);
            return 0;
        }

        var failed = Record(version, commit, request.Action, DeploymentOutcome.Failed, problem, github);
        records.Add(failed);
        var message = $"deploying {version} to {env.Name} failed: {problem}";
        var target = env.AutoRollback && request.Action != DeploymentAction.Rollback
            ? new DeploymentHistory([.. history.Records, .. records]).RollbackTarget(env.Name)
            : null;
        if (target is not null)
        {
            records[^1] = failed with { Outcome = DeploymentOutcome.RolledBack };
            Progress($"auto_rollback: redeploying {target.Version}");
            var (back, backProblem, backGitHub) = await AttemptAsync(mirror, env, target.Version, context.Naming.Prefix + target.Version, github, cancellationToken).ConfigureAwait(false);
            records.Add(Record(target.Version, target.Commit, DeploymentAction.Rollback,
                back ? DeploymentOutcome.Succeeded : DeploymentOutcome.Failed, $"automatic rollback after {version} failed" + (back ? string.Empty : $": {backProblem}"), backGitHub));
            message += back ? $"; rolled back to {target.Version}" : $"; the automatic rollback to {target.Version} failed too: {backProblem}";
        }
        else if (env.AutoRollback && request.Action != DeploymentAction.Rollback)
        {
            message += "; no earlier good version to roll back to";
        }

        await context.Ledger.AppendAsync(records, cancellationToken).ConfigureAwait(false);
        throw new SlipwayException(SlipwayError.Failed(message, $"see `slipway history {env.Name}`; fix it and deploy again"));
    }

    /// <summary>One attempt, mirrored to GitHub when configured: in_progress, then success or failure (and inactive for the one it replaced).</summary>
    private async Task<(bool Ok, string? Problem, long? GitHub)> AttemptAsync(GitHubMirror? mirror, DeploymentEnvironment env, string version, string tag, long? replaced, CancellationToken cancellationToken)
    {
        var github = mirror is null ? null : await mirror.StartAsync(env, tag, $"slipway: {version} to {env.Name}", cancellationToken).ConfigureAwait(false);
        var (ok, problem) = await InstallAndCheckAsync(env, version, tag, cancellationToken).ConfigureAwait(false);
        if (mirror is not null)
        {
            await mirror.FinishAsync(github, ok, ok ? $"{version} is running in {env.Name}" : problem!, replaced, cancellationToken).ConfigureAwait(false);
        }

        return (ok, problem, github);
    }

    /// <summary>helm upgrade --install, then the health check: (true, null) or (false, what went wrong).</summary>
    private async Task<(bool Ok, string? Problem)> InstallAndCheckAsync(DeploymentEnvironment env, string version, string tag, CancellationToken cancellationToken)
    {
        var helm = new HelmClient(context.Root);
        var arguments = HelmClient.UpgradeArguments(env.Helm, tag);
        Progress(ShellQuote.Join(helm.Program, arguments));
        var result = await helm.RunAsync(arguments, cancellationToken).ConfigureAwait(false);
        terminal.Detail(result.Output + result.ErrorOutput);
        if (!result.Succeeded)
        {
            return (false, $"helm: {result.Problem}");
        }

        if (env.Health is null)
        {
            return (true, null);
        }

        Progress($"health: checking {env.Health.Url ?? env.Health.Run![0]}");
        var health = await new HealthProbe(context.Root).CheckAsync(env.Health, env.Name, version, Progress, cancellationToken).ConfigureAwait(false);
        return health.Passed ? (true, null) : (false, $"health check failed: {health.Detail}");
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

        if (!env.Requires.Approval || Approval.FromGitHubActions(env))
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
