namespace Slipway.Cli.Releasing;

/// <summary>One step of a pipeline (`release`, `ci release`): a name, a check without side effects that says whether it is already done, and the action.</summary>
/// <remarks>A re-run after a failure skips the steps whose check says done, so it finishes the work and repeats nothing.</remarks>
public interface IPipelineStep<in TContext>
{
    string Name { get; }

    /// <summary>Whether the step is already done (Skipped when it does not apply, e.g. push with --no-push).</summary>
    Task<StepStatus> CheckAsync(TContext context, CancellationToken cancellationToken);

    /// <summary>What the action would do, in one line (shown by --dry-run and before confirmation).</summary>
    string Describe(TContext context);

    Task RunAsync(TContext context, CancellationToken cancellationToken);
}

/// <summary>A step of `slipway release`.</summary>
public interface IReleaseStep : IPipelineStep<ReleaseContext>;

/// <summary>A step's state before the release runs it.</summary>
public enum StepStatus
{
    ToDo,
    Done,
    Skipped,
}
