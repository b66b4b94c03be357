using Slipway.Cli.Output;

namespace Slipway.Cli.Releasing;

/// <summary>What every pipeline does with its steps: check them all first, show them for a dry run, then do those not done.</summary>
public static class PipelineSteps
{
    /// <summary>Each step's "is it done?", in order, before anything is done.</summary>
    public static async Task<IReadOnlyList<(TStep Step, StepStatus Status)>> CheckAsync<TStep, TContext>(IEnumerable<TStep> steps, TContext context,
        CancellationToken cancellationToken)
        where TStep : IPipelineStep<TContext>
    {
        ArgumentNullException.ThrowIfNull(steps);
        var result = new List<(TStep, StepStatus)>();
        foreach (var step in steps)
        {
            result.Add((step, await step.CheckAsync(context, cancellationToken).ConfigureAwait(false)));
        }

        return result;
    }

    /// <summary>`--dry-run`: each step and what it would do (or that it is done or skipped); nothing is changed.</summary>
    public static async Task WriteDryRunAsync<TStep, TContext>(Terminal terminal, IReadOnlyList<(TStep Step, StepStatus Status)> steps, TContext context)
        where TStep : IPipelineStep<TContext>
    {
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(steps);
        await terminal.Out.WriteLineAsync("\nSteps (dry run, nothing changed):").ConfigureAwait(false);
        foreach (var (step, status) in steps)
        {
            await terminal.Out.WriteLineAsync($"  {step.Name,-8} {(status == StepStatus.ToDo ? step.Describe(context) : status.ToString().ToLowerInvariant())}").ConfigureAwait(false);
        }
    }

    /// <summary>Does the steps not done yet, reporting each on stderr; Ctrl-C stops between steps (a step's writes are whole).</summary>
    public static async Task RunAsync<TStep, TContext>(Terminal terminal, IReadOnlyList<(TStep Step, StepStatus Status)> steps, TContext context,
        CancellationToken cancellationToken)
        where TStep : IPipelineStep<TContext>
    {
        ArgumentNullException.ThrowIfNull(terminal);
        ArgumentNullException.ThrowIfNull(steps);
        foreach (var (step, status) in steps)
        {
            switch (status)
            {
                case StepStatus.Done:
                    terminal.Status($"{terminal.Dim("-")} {step.Name}: already done");
                    continue;
                case StepStatus.Skipped:
                    terminal.Status($"{terminal.Dim("-")} {step.Name}: skipped");
                    continue;
                default:
                    await StepCancelledException.AtAsync(step.Name, () =>
                    {
                        terminal.Status($"{terminal.Bold(">")} {step.Name}: {step.Describe(context)}");
                        return step.RunAsync(context, cancellationToken);
                    }, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }
}
