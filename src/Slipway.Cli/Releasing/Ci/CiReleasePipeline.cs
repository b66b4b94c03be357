using Slipway.Core.Ci;
using Slipway.Core.Configuration;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;

namespace Slipway.Cli.Releasing.Ci;

/// <summary>`ci release`, in order: (scan →) image → publish → deploy each on_release environment (→ relabel a merged release pull request). Each step is checked just before it runs
/// (what the image step does changes what publish finds), and skipped when done, so a re-run finishes what a failed run left.</summary>
public static class CiReleasePipeline
{
    /// <summary>The steps slipway.yml calls for: scan (before any version tag is given) when image.scan is configured, image when an image is configured, publish when release.github is, one deploy per on_release environment;
    /// then, for a merged release pull request, relabel it released.</summary>
    public static IReadOnlyList<IPipelineStep<CiReleaseContext>> Steps(SlipwayConfig config, bool mergedPullRequest = false)
    {
        ArgumentNullException.ThrowIfNull(config);
        var steps = new List<IPipelineStep<CiReleaseContext>>();
        if (config.Image.Names.Count > 0)
        {
            if (config.Image.Scan is not null)
            {
                steps.Add(new CiScanStep());
            }

            steps.Add(new CiImageStep());
        }

        if (config.Release.GitHub is not null)
        {
            steps.Add(new CiPublishStep());
        }

        steps.AddRange(OnRelease.Environments(config.Environments).Select(e => new CiDeployStep(e)));
        if (mergedPullRequest)
        {
            steps.Add(new CiRelabelStep());
        }

        return steps;
    }

    /// <summary>Runs the steps; returns what each did, and the first failure (the steps after it are not run).</summary>
    public static async Task<(IReadOnlyList<CiStepReport> Steps, SlipwayException? Failure)> RunAsync(CiReleaseContext context,
        IReadOnlyList<IPipelineStep<CiReleaseContext>> steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(steps);
        var terminal = context.Terminal;
        var reports = new List<CiStepReport>();
        SlipwayException? failure = null;
        foreach (var step in steps)
        {
            var environment = (step as CiDeployStep)?.Environment.Name;
            if (failure is not null)
            {
                reports.Add(new CiStepReport(step.Name, CiStepOutcome.NotRun, string.Empty, environment));
                continue;
            }

            try
            {
                var status = await StepCancelledException.AtAsync(step.Name, () => step.CheckAsync(context, cancellationToken), cancellationToken).ConfigureAwait(false);
                if (status != StepStatus.ToDo)
                {
                    terminal.Status($"{terminal.Dim("-")} {step.Name}: {(status == StepStatus.Done ? "already done" : "skipped")}");
                    reports.Add(new CiStepReport(step.Name, CiStepOutcome.AlreadyDone, string.Empty, environment));
                    continue;
                }

                var description = step.Describe(context);
                terminal.Status($"{terminal.Bold(">")} {step.Name}: {description}");
                await StepCancelledException.AtAsync(step.Name, () => step.RunAsync(context, cancellationToken), cancellationToken).ConfigureAwait(false);
                reports.Add(new CiStepReport(step.Name, step is CiScanStep ? CiStepOutcome.Passed : CiStepOutcome.Ran, description, environment));
            }
            catch (SlipwayException e)
            {
                // The error names the step, so the log's last line says where a re-run starts.
                failure = new SlipwayException(e.Error with { Message = $"{step.Name}: {e.Error.Message}" });
                reports.Add(new CiStepReport(step.Name, CiStepOutcome.Failed, e.Error.Message, environment));
            }
        }

        return (reports, failure);
    }
}
