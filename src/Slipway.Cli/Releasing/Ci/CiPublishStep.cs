using Slipway.Cli.Notifying;
using Slipway.Cli.Output;
using Slipway.Cli.Publishing;
using Slipway.Core.Errors;
using Slipway.Core.Notifications;

namespace Slipway.Cli.Releasing.Ci;

/// <summary>The GitHub release of the tag, as `slipway publish` makes it (notes naming only image tags that exist); done when it already matches.</summary>
public sealed class CiPublishStep : IPipelineStep<CiReleaseContext>
{
    public string Name => "publish";

    public async Task<StepStatus> CheckAsync(CiReleaseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var outcome = await Publisher(context).PublishAsync(Request(context, dryRun: true), cancellationToken).ConfigureAwait(false);
            if (outcome.NothingChanged)
            {
                context.ReleaseUrl = outcome.Url;
                return StepStatus.Done;
            }

            return StepStatus.ToDo;
        }
        catch (SlipwayException)
        {
            // Not publishable as things are (no token, GitHub down): the step runs, and fails then with the reason.
            return StepStatus.ToDo;
        }
    }

    public string Describe(CiReleaseContext context) => $"create or update the GitHub release {context?.Tag}";

    public async Task RunAsync(CiReleaseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcome = await Publisher(context).PublishAsync(Request(context, dryRun: false), cancellationToken).ConfigureAwait(false);
        context.ReleaseUrl = outcome.Url;
        context.Terminal.Status("  " + PublishRenderer.Text(outcome).TrimEnd('\n').Replace("\n", "\n  ", StringComparison.Ordinal));

        // Announced as `release` announces its publish step: only when this run published (a re-run that finds it done stays quiet).
        var notifications = context.Notifications;
        if (notifications.Dispatcher.Notifiers.Count > 0)
        {
            var repo = context.Repository;
            await notifications.SendAsync(new Notification
            {
                Event = NotificationEvent.Publish,
                Project = notifications.Project,
                Version = context.Version.ToString(),
                Tag = context.Tag,
                Outcome = "succeeded",
                Previous = repo.VersionTags.Select(t => t.Version).Where(v => v.CompareTo(context.Version) < 0).Max()?.ToString(),
                Actor = await repo.ActorAsync(cancellationToken).ConfigureAwait(false),
                Url = outcome.Url,
                RunUrl = notifications.RunUrl,
                Changelog = await PublishedNotes.ChangelogAsync(repo, context.Release, cancellationToken).ConfigureAwait(false),
            }, cancellationToken).ConfigureAwait(false);
        }
    }

    private static ReleasePublisher Publisher(CiReleaseContext context) =>
        new(context.Repository, context.Repository.Environment, context.Terminal.Detail);

    private static PublishRequest Request(CiReleaseContext context, bool dryRun) =>
        new(context.Version.ToString(), Draft: false, Assets: [], Clobber: false, AllowMissingImage: false, DryRun: dryRun, ImageScan: context.ImageScan?.SummaryLine());
}
