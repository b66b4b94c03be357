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

    /// <summary>Checks every step, then runs those not done yet, reporting each on stderr.</summary>
    public static async Task RunAsync(ReleaseContext context, IReadOnlyList<(IReleaseStep Step, StepStatus Status)> checkedSteps, CancellationToken cancellationToken)
    {
        var terminal = context.Terminal;
        foreach (var (step, status) in checkedSteps)
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
                    terminal.Status($"{terminal.Bold(">")} {step.Name}: {step.Describe(context)}");
                    await step.RunAsync(context, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    public static async Task<IReadOnlyList<(IReleaseStep Step, StepStatus Status)>> CheckAsync(ReleaseContext context, CancellationToken cancellationToken)
    {
        var result = new List<(IReleaseStep, StepStatus)>();
        foreach (var step in Steps)
        {
            result.Add((step, await step.CheckAsync(context, cancellationToken).ConfigureAwait(false)));
        }

        return result;
    }
}
