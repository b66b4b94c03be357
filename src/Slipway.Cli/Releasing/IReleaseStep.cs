namespace Slipway.Cli.Releasing;

/// <summary>One step of a release: a name, a check that says whether it is already done, and the action.</summary>
/// <remarks>A re-run after a failure skips the steps whose check says done, so it finishes the work and repeats nothing.</remarks>
public interface IReleaseStep
{
    string Name { get; }

    /// <summary>Whether the step is already done (null when it does not apply to this release, e.g. push with --no-push).</summary>
    Task<StepStatus> CheckAsync(ReleaseContext context, CancellationToken cancellationToken);

    /// <summary>What the action would do, in one line (shown by --dry-run and before confirmation).</summary>
    string Describe(ReleaseContext context);

    Task RunAsync(ReleaseContext context, CancellationToken cancellationToken);
}

/// <summary>A step's state before the release runs it.</summary>
public enum StepStatus
{
    ToDo,
    Done,
    Skipped,
}
