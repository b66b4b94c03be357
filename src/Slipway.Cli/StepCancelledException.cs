using Slipway.Adapters.Processes;
using Slipway.Core.Errors;

namespace Slipway.Cli;

/// <summary>A command was cancelled (Ctrl-C, SIGTERM, SIGQUIT) at one of its steps; CommandRunner says which, and that the same command finishes it.</summary>
public sealed class StepCancelledException : OperationCanceledException
{
    public StepCancelledException(string step, Exception? innerException = null)
        : base($"cancelled at step {step}", innerException)
    {
        Step = step;
    }

    public StepCancelledException()
        : this("unknown")
    {
    }

    public StepCancelledException(string message, Exception innerException, CancellationToken token)
        : base(message, innerException, token)
    {
        Step = "unknown";
    }

    public string Step { get; }

    /// <summary>What the step did on its way out, said with the cancellation ("the canary was set back to 0 (1.3.0 runs)"); null: nothing.</summary>
    public string? Note { get; init; }

    /// <summary>Runs one step; a cancellation inside it (or before it starts) becomes this exception, naming the step.</summary>
    public static async Task<T> AtAsync<T>(string step, Func<Task<T>> run, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            throw new StepCancelledException(step);
        }

        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (e is not StepCancelledException && cancellationToken.IsCancellationRequested)
        {
            throw new StepCancelledException(step, e);
        }
        catch (SlipwayException e) when (Termination.CausedTheFailure())
        {
            // A child the same Ctrl-C ended failed an instant before the signal reached us: the step was cancelled.
            throw new StepCancelledException(step, e);
        }
    }

    public static Task AtAsync(string step, Func<Task> run, CancellationToken cancellationToken) =>
        AtAsync(step, async () =>
        {
            await run().ConfigureAwait(false);
            return true;
        }, cancellationToken);
}
