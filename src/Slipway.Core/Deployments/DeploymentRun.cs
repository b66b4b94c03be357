using Slipway.Core.Errors;
using Slipway.Core.Rollouts;
using Slipway.Core.Security;
using Slipway.Core.Versioning;

namespace Slipway.Core.Deployments;

/// <summary>
/// One deployment's decisions, in the order a run meets them: admit or refuse (promoted_from, approval), the image scan and
/// the gates, a canary or not, how the attempt ended, the automatic rollback and how that ended. Facts in (the environment,
/// the request, the ledger, what each step found), decisions out (blocked with its record and error, the records' outcome
/// and detail, the next attempt): `Cli/Deploying/Deployer.cs` only runs them.
/// </summary>
public sealed record DeploymentRun(DeploymentEnvironment Environment, SemanticVersion Version, DeploymentAction Action, DeploymentHistory History)
{
    /// <summary>--force: requirements and approval do not apply (the record says so).</summary>
    public bool Force { get; init; }

    /// <summary>For a rollback: the version being replaced, recorded as rolled back so that promote never picks it.</summary>
    public SemanticVersion? MarkBad { get; init; }

    private string Env => Environment.Name;

    private string Text => Version.ToString();

    private bool IsRollback => Action == DeploymentAction.Rollback;

    /// <summary>What deploys the environment, as the records name it.</summary>
    public string Deploys => Environment.Kind switch
    {
        "command" => "the deploy command",
        "gitops" => "the GitOps change",
        _ => "helm",
    };

    /// <summary>
    /// Refused when promoted_from does not hold (a rollback goes back to what ran, so it is exempt); asked first when approval
    /// is required and the GitHub Actions job did not give it; admitted otherwise, and always with --force.
    /// </summary>
    /// <param name="approvedInActions">The GitHub Actions job runs in the environment (SLIPWAY_APPROVED_ENVIRONMENT names it).</param>
    public DeploymentAdmission Admission(bool approvedInActions)
    {
        if (Force)
        {
            return DeploymentAdmission.Admitted;
        }

        if (!IsRollback && DeploymentGuard.PromotedFromRefusal(Environment, Version, History) is { } refusal)
        {
            return new DeploymentAdmission(refusal, AskFirst: false);
        }

        return !Environment.Requires.Approval || approvedInActions
            ? DeploymentAdmission.Admitted
            : new DeploymentAdmission(DeploymentGuard.ApprovalRefusal(Environment), AskFirst: true);
    }

    /// <summary>A refusal (or an approval not given) as the blocked record and the error.</summary>
    public static DeploymentBlock Refused(SlipwayError refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        return new DeploymentBlock(refusal.Message, refusal);
    }

    /// <summary>
    /// The image scan, the first gate, runs when image.scan is configured, for a deployment (a rollback goes back to what ran),
    /// of an image known by digest, unless this run's scan already passed it (`ci release` scans before it tags).
    /// </summary>
    /// <param name="scanned">repository@digest the run already scanned, or null.</param>
    public bool Scans(bool configured, string? image, string? digest, string? scanned) =>
        configured && !IsRollback && image is not null && digest is not null && scanned != $"{image}@{digest}";

    /// <summary>What the scanner found blocks the deployment (exit 3), or null when nothing blocks.</summary>
    public DeploymentBlock? ScanBlock(ScanVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return verdict.Blocked ? Blocked(verdict.Refusal($"{Text} is not deployed to {Env}")) : null;
    }

    /// <summary>A scan that could not run (the scanner failed, no report) is refused as a failing gate is.</summary>
    public DeploymentBlock ScanFailed(SlipwayError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Blocked(error with { Message = $"{Text} was not deployed to {Env}: {error.Message}" });
    }

    /// <summary>The gates to run, in order: none for a rollback.</summary>
    public IReadOnlyList<Gate> Gates => IsRollback ? [] : Environment.Gates;

    /// <summary>A gate that failed blocks the deployment (exit 3).</summary>
    public DeploymentBlock GateFailed(string gate, string? detail)
    {
        var what = $"gate '{gate}' failed ({detail})";
        return new DeploymentBlock(what, SlipwayError.Precondition($"{Text} was not deployed to {Env}: {what}", "fix what the gate found, then deploy again"));
    }

    /// <summary>
    /// The canary rollout, when the environment has `rollout:` and a version to keep as the stable one while the canary runs:
    /// the last good version there, other than this one. A rollback, and a first deployment, go out at once (<paramref name="note"/> says why).
    /// </summary>
    public RolloutPlan? Canary(TagNaming naming, string? digest, out string? note)
    {
        ArgumentNullException.ThrowIfNull(naming);
        note = null;
        if (Environment.Rollout is not { } rollout || IsRollback)
        {
            return null;
        }

        var stable = History.LastGood(Env);
        if (stable is null || stable.Version == Version)
        {
            note = $"rollout: no other good version runs in {Env} to keep beside a canary, so {Text} goes out at once";
            return null;
        }

        return new RolloutPlan(rollout, new CanaryImage(stable.Version.ToString(), naming.TagFor(stable.Version), stable.Digest), new CanaryImage(Text, naming.TagFor(Version), digest));
    }

    /// <summary>The canary's pre-flight query refused (Prometheus cannot judge a step): blocked before any traffic moves.</summary>
    public DeploymentBlock PreflightRefused(SlipwayError preflight)
    {
        ArgumentNullException.ThrowIfNull(preflight);
        var refused = preflight with { Message = $"{Text} was not deployed to {Env}: {preflight.Message}" };
        return new DeploymentBlock(refused.Message, refused);
    }

    /// <summary>What the attempts left unknown here become (failed, resolved by this deployment), recorded with the attempt's start.</summary>
    public IReadOnlyList<DeploymentRecord> Resolutions(DateTimeOffset at) => History.Resolutions(Env, $"{DeploymentNames.Of(Action)} of {Text}", at);

    /// <summary>For a rollback with a version to mark bad: that version, the commit the environment's current record names, and the marker's detail.</summary>
    public (SemanticVersion Version, string? Commit, string Detail)? MarkedBad() =>
        MarkBad is { } bad ? (bad, History.Current(Env)?.Commit, $"rolled back to {Text}") : null;

    /// <summary>The attempt's first line: started, how it ended not recorded yet (a canary: its first step and the stable version).</summary>
    public string Started(RolloutPlan? canary) => canary is null
        ? $"{Deploys} started; how it ended is not recorded yet"
        : $"{RolloutProgress.Of(canary.Rollout)[0].Text()}: rolling out from {canary.Stable.Version}";

    /// <summary>
    /// How the attempt ends: succeeded (and the line to print), a canary stopped at a step (rolled back or failed), or failed,
    /// then with auto_rollback the newest good version other than this one to redeploy (unless the run is being cancelled).
    /// </summary>
    /// <param name="attempt">The attempt's first line.</param>
    /// <param name="before">The records written with the attempt's start (resolutions, the rollback's marker).</param>
    public DeploymentEnding AfterAttempt(AttemptResult result, DeploymentRecord attempt, IReadOnlyList<DeploymentRecord> before, RolloutPlan? canary, bool cancelled)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentNullException.ThrowIfNull(before);
        if (result.Ok)
        {
            return new DeploymentEnding(DeploymentOutcome.Succeeded, result.Note) { Line = result.Proposal ?? SucceededLine(canary) };
        }

        if (result.At is { } at)
        {
            // The canary stopped at a step and was set back to 0 (or tried to be): the stable version runs, nothing to roll back to.
            var what = result.RolledBack ? $"the canary of {Text} in {Env} was rolled back" : $"deploying {Text} to {Env} failed";
            return new DeploymentEnding(result.RolledBack ? DeploymentOutcome.RolledBack : DeploymentOutcome.Failed, result.Problem)
            {
                Rollout = at,
                Error = result.Error is { } error
                    ? error with { Message = $"{what}: {error.Message}" }
                    : SlipwayError.Failed($"{what}: {result.Problem}", HistoryFix),
            };
        }

        var failed = attempt with { Outcome = DeploymentOutcome.Failed, Detail = result.Problem, Rollout = null };
        var rolls = Environment.AutoRollback && !IsRollback;
        var target = rolls ? new DeploymentHistory([.. History.Records, .. before, failed]).RollbackTarget(Env) : null;
        if (target is not null && !cancelled)
        {
            return new DeploymentEnding(DeploymentOutcome.Failed, result.Problem) { RollbackTo = target };
        }

        var message = $"deploying {Text} to {Env} failed: {result.Problem}" + (target is null && rolls ? "; no earlier good version to roll back to" : string.Empty);
        return new DeploymentEnding(DeploymentOutcome.Failed, result.Problem) { Error = SlipwayError.Failed(message, HistoryFix) };
    }

    /// <summary>The automatic rollback's first line; the failed attempt it replaces is recorded as rolled back with it.</summary>
    public string RollbackStarted => $"automatic rollback after {Text} failed; {Deploys} started";

    /// <summary>
    /// How the automatic rollback ends: its record (succeeded or failed, and, when it reverted a GitOps change, which) and the
    /// error the command ends with either way (the deployment failed).
    /// </summary>
    /// <param name="problem">What made the attempt fail.</param>
    /// <param name="reverted">kind: gitops: the failed change's commit the rollback reverted, with what the revert left.</param>
    public DeploymentEnding AfterRollback(DeploymentRecord target, string? problem, AttemptResult back, (string Commit, string Note)? reverted)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(back);
        var detail = $"automatic rollback after {Text} failed" + (back.Ok ? string.Empty : $": {back.Problem}") +
            (reverted is { } r ? $" (revert of {r.Commit[..Math.Min(7, r.Commit.Length)]}; {r.Note})" : string.Empty);
        var message = $"deploying {Text} to {Env} failed: {problem}" +
            (back.Ok ? $"; rolled back to {target.Version}" : $"; the automatic rollback to {target.Version} failed too: {back.Problem}");
        return new DeploymentEnding(back.Ok ? DeploymentOutcome.Succeeded : DeploymentOutcome.Failed, detail) { Error = SlipwayError.Failed(message, HistoryFix) };
    }

    private string HistoryFix => $"see `slipway history {Env}`; fix it and deploy again";

    private string SucceededLine(RolloutPlan? canary) => IsRollback
        ? $"rolled back {Env} to {Text}" + (MarkBad is { } replaced ? $" (from {replaced}, now marked bad)" : string.Empty)
        : $"deployed {Text} to {Env}" + (canary is null ? string.Empty : $" through canary steps {string.Join(", ", canary.Rollout.Steps.Select(s => s.Weight + "%"))}");

    private static DeploymentBlock Blocked(SlipwayError error) => new(error.Message, error with { Code = ExitCode.Precondition });
}
