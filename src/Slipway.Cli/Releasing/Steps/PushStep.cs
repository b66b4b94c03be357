namespace Slipway.Cli.Releasing.Steps;

/// <summary>Pushes the tag, and the branch when it is ahead, in one atomic push; done when the remote has the tag on HEAD.</summary>
public sealed class PushStep : IReleaseStep
{
    public string Name => "push";

    /// <remarks>A tag on another commit there is refused before the checks (<see cref="ReleasePipeline"/>'s preflight), not here.</remarks>
    public Task<StepStatus> CheckAsync(ReleaseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(context.Options.NoPush ? StepStatus.Skipped
            : context.RemoteTagCommit is { } remote && remote == context.Repository.State.Head ? StepStatus.Done
            : StepStatus.ToDo);
    }

    public string Describe(ReleaseContext context) =>
        $"push {string.Join(" and ", RefNames(context))} to {context.Remote} (atomic)";

    public Task RunAsync(ReleaseContext context, CancellationToken cancellationToken) =>
        context.Repository.Git.PushAsync(context.Remote, Refspecs(context), atomic: true, cancellationToken);

    private static List<string> Refspecs(ReleaseContext context)
    {
        var refspecs = new List<string>();
        if (context.Repository.State.Branch == context.Branch)
        {
            // Pushing the branch when it is not ahead is a no-op, so it is always part of the atomic push.
            refspecs.Add($"refs/heads/{context.Branch}:refs/heads/{context.Branch}");
        }

        refspecs.Add($"refs/tags/{context.Plan.NextTag}:refs/tags/{context.Plan.NextTag}");
        return refspecs;
    }

    private static IEnumerable<string> RefNames(ReleaseContext context) =>
        Refspecs(context).Select(r => r[(r.IndexOf(':', StringComparison.Ordinal) + 1)..].Replace("refs/heads/", string.Empty, StringComparison.Ordinal).Replace("refs/tags/", string.Empty, StringComparison.Ordinal));
}
