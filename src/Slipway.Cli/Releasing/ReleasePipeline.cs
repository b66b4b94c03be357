using Slipway.Cli.Notifying;
using Slipway.Cli.Releasing.Steps;
using Slipway.Core.Notifications;

namespace Slipway.Cli.Releasing;

/// <summary>The release, in order. Preflight has already passed when these run; each step is skipped when its check says it is done.</summary>
public static class ReleasePipeline
{
    public static IReadOnlyList<IReleaseStep> Steps { get; } =
    [
        new ChangelogStep(),     // the release's section in changelog.file (Keep a Changelog), when configured
        new BumpFilesStep(),     // the new version into each bump_files entry
        new ReleaseCommitStep(), // "chore(release): vX.Y.Z" with those files, so the tag goes on it
        new TagStep(),   // annotated tag vX.Y.Z on HEAD, message "Release vX.Y.Z" + changelog
        new AnnouncedStep(new PushStep(), NotificationEvent.Release),    // branch (when ahead) and tag to the remote, atomically; then notify: release
        new AnnouncedStep(new PublishStep(), NotificationEvent.Publish), // the GitHub release of the tag, when release.github is configured; then notify: publish
    ];

    /// <summary>Runs the steps not done yet (after removing what killed runs left), reporting each on stderr.</summary>
    public static async Task RunAsync(ReleaseContext context, IReadOnlyList<(IReleaseStep Step, StepStatus Status)> checkedSteps, CancellationToken cancellationToken)
    {
        var terminal = context.Terminal;
        foreach (var leftover in await ReleaseFiles.RemoveLeftoversAsync(context.Repository, cancellationToken).ConfigureAwait(false))
        {
            terminal.Status($"{terminal.Dim("-")} removed {leftover}, left by a slipway run that was killed while writing it");
        }

        await PipelineSteps.RunAsync(terminal, checkedSteps, context, cancellationToken).ConfigureAwait(false);

        // Every write went through: what killed runs recorded of theirs has nothing left to explain.
        await context.Repository.Git.ForgetDeadRunsAsync(CancellationToken.None).ConfigureAwait(false);
    }

    public static Task<IReadOnlyList<(IReleaseStep Step, StepStatus Status)>> CheckAsync(ReleaseContext context, CancellationToken cancellationToken) =>
        PipelineSteps.CheckAsync<IReleaseStep, ReleaseContext>(Steps, context, cancellationToken);
}
