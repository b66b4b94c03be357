using Slipway.Adapters.Checks;
using Slipway.Adapters.Processes;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;
using Slipway.Core.Rollouts;

namespace Slipway.Cli.Deploying;

/// <summary>
/// A canary rollout (`rollout:`): each step sets the canary values (through the environment's <see cref="ICanaryTarget"/>: a
/// helm upgrade or a GitOps commit), waits its pause and runs the analysis (Prometheus, health); a failed analysis, or a
/// Ctrl-C, sets the canary back to 0, the last step promotes. Each step is on the ledger as the attempt's progress, so
/// `status` shows where it is.
/// </summary>
internal sealed class CanaryRollout(DeploymentContext context, Action<string> progress)
{
    /// <summary>How long setting the canary back to 0 after a Ctrl-C may take (a second Ctrl-C stops it sooner).</summary>
    private static readonly TimeSpan AbortLimit = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The query asked once before the first step (<see cref="AnalysisVerdict.BeforeTraffic"/>): a query Prometheus refuses (or
    /// a Prometheus that cannot be reached) blocks the rollout before any traffic moves; no series only warns.
    /// </summary>
    public async Task<SlipwayError?> PreflightAsync(DeploymentEnvironment env, CancellationToken cancellationToken)
    {
        if (env.Rollout?.Analysis.Prometheus is not { } prometheus)
        {
            return null;
        }

        AnalysisVerdict verdict;
        try
        {
            verdict = AnalysisVerdict.BeforeTraffic(prometheus, await new PrometheusClient(prometheus.Url).QueryAsync(prometheus.Query, cancellationToken).ConfigureAwait(false));
        }
        catch (SlipwayException e) when (e.Error.Code == ExitCode.Failed)
        {
            return e.Error with { Code = ExitCode.Precondition, Message = $"{e.Error.Message} (asked before the canary started; nothing was deployed)" };
        }

        progress($"rollout: {verdict.Summary}");
        return verdict.Error;
    }

    public async Task<AttemptResult> RunAsync(DeploymentEnvironment env, RolloutPlan plan, ICanaryTarget target, DeploymentRecord attempt, Action<string> stage,
        CancellationToken cancellationToken)
    {
        var steps = RolloutProgress.Of(plan.Rollout);
        RolloutProgress? moved = null;
        try
        {
            for (var i = 0; i < steps.Count; i++)
            {
                var at = steps[i];
                if (i > 0)
                {
                    await RecordProgressAsync(attempt, at).ConfigureAwait(false);
                }

                moved = at;
                var applied = await target.ApplyAsync(new RolloutMove(at, plan.Step(i), false), at.Text(), stage, cancellationToken).ConfigureAwait(false);
                if (!applied.Ok)
                {
                    ThrowIfTheSignalsDoing(cancellationToken);
                    return at.Weight >= 100
                        ? new AttemptResult(false, false, applied.Problem, null)
                        : await AbortAsync(plan, target, at, false, $"{applied.Problem} ({at.Text()})", null, cancellationToken).ConfigureAwait(false);
                }

                if (at.Weight >= 100)
                {
                    return new AttemptResult(true, false, null, null, Note: applied.Note);
                }

                stage("canary");
                var pause = plan.Rollout.Steps[i].Pause;
                if (pause > TimeSpan.Zero)
                {
                    progress($"{at.Text()}: waiting {pause.TotalSeconds:0.###}s before the analysis");
                    await Task.Delay(pause, cancellationToken).ConfigureAwait(false);
                }

                var (passed, summary, error) = await AnalyseAsync(env, plan.Canary.Version, cancellationToken).ConfigureAwait(false);
                progress($"{at.Text()}: analysis {(passed ? "passed" : "failed")}: {summary}");
                if (!passed)
                {
                    ThrowIfTheSignalsDoing(cancellationToken);
                    return await AbortAsync(plan, target, at, error is null, error is null ? $"analysis failed at {at.Text()}: {summary}" : summary, error, cancellationToken)
                        .ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested && moved is { } at)
        {
            // The cancelled token cannot run the abort: it gets a token of its own, which only a second Ctrl-C (or its limit) stops.
            using var abort = CancellationTokenSource.CreateLinkedTokenSource(Termination.Forced);
            abort.CancelAfter(AbortLimit);
            string back;
            try
            {
                var (ok, problem) = await BackToZeroAsync(plan, target, at, "cancelled", abort.Token).ConfigureAwait(false);
                back = ok ? $"the canary was set back to 0 ({plan.Stable.Version} runs)" : $"setting the canary back to 0 failed: {problem}";
            }
            catch (OperationCanceledException)
            {
                back = "setting the canary back to 0 was stopped too (the canary may still run at its weight: deploy again or roll back)";
            }

            throw new CanaryCancelledException(at, back, e);
        }

        return new AttemptResult(true, false, null, null);
    }

    /// <summary>The analysis: the Prometheus query against its threshold, then the health check; the first that fails decides.</summary>
    private async Task<(bool Passed, string Summary, SlipwayError? Error)> AnalyseAsync(DeploymentEnvironment env, string version, CancellationToken cancellationToken)
    {
        var summaries = new List<string>();
        if (env.Rollout!.Analysis.Prometheus is { } prometheus)
        {
            AnalysisVerdict verdict;
            try
            {
                verdict = AnalysisVerdict.Of(prometheus, await new PrometheusClient(prometheus.Url).QueryAsync(prometheus.Query, cancellationToken).ConfigureAwait(false));
            }
            catch (SlipwayException e)
            {
                return (false, e.Error.Message, e.Error);
            }

            if (!verdict.Passed)
            {
                return (false, verdict.Summary, verdict.Error);
            }

            summaries.Add(verdict.Summary);
        }

        if (env.Rollout.Analysis.Health && env.Health is { } health)
        {
            var check = await new HealthProbe(context.Root).CheckAsync(health, env.Name, version, progress, cancellationToken).ConfigureAwait(false);
            if (!check.Passed)
            {
                return (false, $"health check failed: {check.Detail}", null);
            }

            summaries.Add($"health: {check.Detail}");
        }

        return (true, string.Join("; ", summaries), null);
    }

    /// <summary>The canary back to 0 under the stable version; the attempt is rolled back (its analysis said so) or failed.</summary>
    private static async Task<AttemptResult> AbortAsync(RolloutPlan plan, ICanaryTarget target, RolloutProgress at, bool rolledBack, string problem, SlipwayError? error,
        CancellationToken cancellationToken)
    {
        var (ok, failure) = await BackToZeroAsync(plan, target, at, problem, cancellationToken).ConfigureAwait(false);
        var back = ok
            ? $"the canary was set back to 0 ({plan.Stable.Version} runs)"
            : $"setting the canary back to 0 failed too: {failure}";
        return new AttemptResult(false, rolledBack && ok, $"{problem}; {back}", at, error is null ? null : error with { Message = $"{error.Message}; {back}" });
    }

    private static async Task<(bool Ok, string? Problem)> BackToZeroAsync(RolloutPlan plan, ICanaryTarget target, RolloutProgress at, string why, CancellationToken cancellationToken)
    {
        var applied = await target.ApplyAsync(new RolloutMove(at, plan.Abort(), true, why), $"canary: back to 0, {plan.Stable.Version} everywhere", _ => { }, cancellationToken)
            .ConfigureAwait(false);
        return (applied.Ok, applied.Problem);
    }

    /// <summary>A Ctrl-C to the group ends helm a moment before this process's handler sees it: that failure is the cancellation.</summary>
    private static void ThrowIfTheSignalsDoing(CancellationToken cancellationToken)
    {
        if (Termination.CausedTheFailure())
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>The attempt's progress on the ledger (still unknown, at this step); like the attempt's first line, kept in the clone only when the remote refuses it.</summary>
    private async Task RecordProgressAsync(DeploymentRecord attempt, RolloutProgress at)
    {
        try
        {
            await context.Ledger.AppendStartAsync([attempt with { Rollout = at, At = context.Clock.Now, Detail = $"{at.Text()}: rolling out" }], Termination.Forced)
                .ConfigureAwait(false);
        }
        catch (SlipwayException e)
        {
            progress($"note: {e.Error.Message}");
        }
    }
}
