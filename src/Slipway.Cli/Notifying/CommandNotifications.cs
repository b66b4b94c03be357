using Slipway.Adapters.Actions;
using Slipway.Adapters.Notifications;
using Slipway.Cli.Output;
using Slipway.Core.Configuration;
using Slipway.Core.Notifications;

namespace Slipway.Cli.Notifying;

/// <summary>
/// The notifiers of one command, ready before it changes anything (their secrets read: a missing one is exit 2 then), and the
/// one way it sends: to every notifier that wants the event, concurrently, a failure a warning line and never the command's.
/// </summary>
public sealed class CommandNotifications
{
    public static readonly CommandNotifications None = new(new NotificationDispatcher([]), null, "project", null);

    private readonly Terminal? _terminal;

    private CommandNotifications(NotificationDispatcher dispatcher, Terminal? terminal, string project, string? runUrl)
    {
        Dispatcher = dispatcher;
        _terminal = terminal;
        Project = project;
        RunUrl = runUrl;
    }

    public NotificationDispatcher Dispatcher { get; }

    /// <summary>The name messages give the project: the GitHub repository's (GITHUB_REPOSITORY), else the repository folder's.</summary>
    public string Project { get; }

    /// <summary>The GitHub Actions run this command is part of, when it runs in one.</summary>
    public string? RunUrl { get; }

    /// <summary>Reads the notifiers of slipway.yml (environment variables, templates, CA files); none configured costs nothing.</summary>
    /// <param name="environment">Where the notifiers' secrets and the Actions run's facts are read (the workspace's environment).</param>
    public static CommandNotifications Prepare(SlipwayConfig config, string root, Terminal terminal, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Prepare(config.Notify, root, terminal, environment);
    }

    public static CommandNotifications Prepare(IReadOnlyList<NotifierSettings> settings, string root, Terminal terminal, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Count == 0)
        {
            return None;
        }

        var handler = new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(5), UseCookies = false };
        var notifiers = new NotifierFactory(environment, root, handler).Create(settings);
        var actions = ActionsContext.From(environment);
        return new CommandNotifications(new NotificationDispatcher(notifiers), terminal, actions.ProjectName(root), actions.RunUrl);
    }

    /// <summary>Sends to the notifiers that want it; prints a warning per failure (stderr) and returns every result.</summary>
    public async Task<IReadOnlyList<NotificationResult>> SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        if (Dispatcher.For(notification).Count == 0)
        {
            return [];
        }

        var results = await Dispatcher.SendAsync(notification, cancellationToken).ConfigureAwait(false);
        foreach (var result in results)
        {
            if (result.Sent)
            {
                _terminal?.Detail($"notified {result.Notifier} ({result.Event})");
            }
            else
            {
                _terminal?.Error.WriteLine(TextSanitizer.OneLine(
                    $"slipway: warning: the {result.Event} notification to {result.Notifier} failed: {result.Problem}"));
            }
        }

        return results;
    }
}
