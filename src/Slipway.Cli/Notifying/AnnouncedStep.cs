using Slipway.Cli.Releasing;
using Slipway.Core.Changelog;
using Slipway.Core.Notifications;

namespace Slipway.Cli.Notifying;

/// <summary>A release step whose success is announced: push announces `release`, publish announces `publish`.</summary>
/// <remarks>Only when the step runs in this command: a re-run that finds it done does not announce it again.</remarks>
public sealed class AnnouncedStep(IReleaseStep step, NotificationEvent announces) : IReleaseStep
{
    public string Name => step.Name;

    public Task<StepStatus> CheckAsync(ReleaseContext context, CancellationToken cancellationToken) => step.CheckAsync(context, cancellationToken);

    public string Describe(ReleaseContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var told = context.Notifications.Dispatcher.Notifiers.Where(n => n.Settings.Events.Contains(announces)).Select(n => n.Settings.Name).ToList();
        return told.Count == 0 ? step.Describe(context) : $"{step.Describe(context)}; then notify {string.Join(", ", told)}";
    }

    public async Task RunAsync(ReleaseContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        await step.RunAsync(context, cancellationToken).ConfigureAwait(false);
        if (context.Notifications.Dispatcher.Notifiers.Count == 0)
        {
            return;
        }

        var plan = context.Plan;
        var git = context.Repository.Git;
        var remote = GitHubRemote.TryParse(await git.RemoteUrlAsync(context.Remote, cancellationToken).ConfigureAwait(false), out var github) ? github : null;
        await context.Notifications.SendAsync(new Notification
        {
            Event = announces,
            Project = context.Notifications.Project,
            Version = plan.Next.ToString(),
            Tag = plan.NextTag,
            Outcome = "succeeded",
            Previous = plan.Current?.Version.ToString(),
            Actor = await context.Repository.ActorAsync(cancellationToken).ConfigureAwait(false),
            Url = remote is null ? null : $"{remote.Url}/releases/tag/{Uri.EscapeDataString(plan.NextTag)}",
            RunUrl = context.Notifications.RunUrl,
            Changelog = plan.Changelog,
        }, cancellationToken).ConfigureAwait(false);
    }
}
