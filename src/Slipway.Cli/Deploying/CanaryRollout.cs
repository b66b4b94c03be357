using Slipway.Adapters.Checks;
using Slipway.Adapters.Helm;
using Slipway.Adapters.Processes;
using Slipway.Cli.Output;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;
using Slipway.Core.Rollouts;

namespace Slipway.Cli.Deploying;

/// <summary>
/// A canary rollout (`rollout:`) with helm: each step sets the chart's canary values, waits its pause and runs the analysis
/// (Prometheus, health); a failed analysis sets the canary back to 0, the last step promotes. Each step is on the ledger as
/// the attempt's progress, so `status` shows where it is.
/// </summary>
internal sealed class CanaryRollout(DeploymentContext context, Terminal terminal, Action<string> progress)
{
    /// <summary>How a rollout ended: promoted (Ok), rolled back by its analysis, or failed (helm, or an analysis that could not decide).</summary>
    public sealed record Result(bool Ok, bool RolledBack, string? Problem, RolloutProgress? At, SlipwayError? Error = null);

    public async Task<Result> RunAsync(DeploymentEnvironment env, RolloutPlan plan, DeploymentRecord attempt, Action<string> stage, CancellationToken cancellationToken)
    {
        var steps = RolloutProgress.Of(plan.Rollout);
        var helm = new HelmClient(context.Root);
        for (var i = 0; i < steps.Count; i++)
        {
            var at = steps[i];
            if (i > 0)
            {
                await RecordProgressAsync(attempt, at).ConfigureAwait(false);
            }

            var values = plan.Step(i);
            var arguments = HelmClient.UpgradeArguments(env.Helm!, values);
            progress($"{at.Text()}: {ShellQuote.Join(helm.Program, arguments)}");
            stage("helm");
            var result = await helm.RunAsync(arguments, cancellationToken).ConfigureAwait(false);
            terminal.Detail(result.Output + result.ErrorOutput);
            if (!result.Succeeded)
            {
                return at.Weight >= 100
                    ? new Result(false, false, $"helm: {result.Problem}", null)
                    : await AbortAsync(env, plan, at, false, $"helm ({at.Text()}): {result.Problem}", null, cancellationToken).ConfigureAwait(false);
            }

            if (at.Weight >= 100)
            {
                return new Result(true, false, null, null);
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
                return await AbortAsync(env, plan, at, error is null, error is null ? $"analysis failed at {at.Text()}: {summary}" : summary, error, cancellationToken)
                    .ConfigureAwait(false);
            }
        }

        return new Result(true, false, null, null);
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
    private async Task<Result> AbortAsync(DeploymentEnvironment env, RolloutPlan plan, RolloutProgress at, bool rolledBack, string problem, SlipwayError? error,
        CancellationToken cancellationToken)
    {
        var helm = new HelmClient(context.Root);
        var arguments = HelmClient.UpgradeArguments(env.Helm!, plan.Abort());
        progress($"canary: back to 0, {plan.Stable.Version} everywhere: {ShellQuote.Join(helm.Program, arguments)}");
        var result = await helm.RunAsync(arguments, cancellationToken).ConfigureAwait(false);
        terminal.Detail(result.Output + result.ErrorOutput);
        var back = result.Succeeded
            ? $"the canary was set back to 0 ({plan.Stable.Version} runs)"
            : $"setting the canary back to 0 failed too: helm: {result.Problem}";
        return new Result(false, rolledBack && result.Succeeded, $"{problem}; {back}", at, error is null ? null : error with { Message = $"{error.Message}; {back}" });
    }

    /// <summary>The attempt's progress on the ledger (still unknown, at this step); like the attempt's first line, kept in the clone only when the remote refuses it.</summary>
    private async Task RecordProgressAsync(DeploymentRecord attempt, RolloutProgress at)
    {
        try
        {
            await context.Ledger.AppendStartAsync([attempt with { Rollout = at, At = DeploymentContext.Now(), Detail = $"{at.Text()}: rolling out" }], Termination.Forced)
                .ConfigureAwait(false);
        }
        catch (SlipwayException e)
        {
            progress($"note: {e.Error.Message}");
        }
    }
}
