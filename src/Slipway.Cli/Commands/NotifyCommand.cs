using System.CommandLine;
using Slipway.Adapters.Processes;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Deploying;
using Slipway.Cli.Notifying;
using Slipway.Core.Errors;
using Slipway.Core.Notifications;

namespace Slipway.Cli.Commands;

/// <summary>`slipway notify test [NAME]`: a test message through each notifier (or the named one), each outcome on its own line.</summary>
public static class NotifyCommand
{
    public static Command Create()
    {
        var name = new Argument<string?>("name") { Description = "A notifier's name from notify: in slipway.yml (default: all of them)", Arity = ArgumentArity.ZeroOrOne };
        var test = new Command("test", """
            Send a test message through every notifier of slipway.yml (or the one named), whatever events it wants,
            and print how each went. Exit 0 when every message was sent, 1 when one failed.

            Examples:
              slipway notify test
              slipway notify test team-slack
            """)
        {
            name,
        };
        CommandRunner.SetHandler(test, async (parse, terminal, ct) =>
        {
            var context = await DeploymentContext.OpenAsync(Environment.CurrentDirectory, Clock.System, ProcessEnvironment.Variable, ct).ConfigureAwait(false);
            var configured = context.Config.Notify;
            if (configured.Count == 0)
            {
                throw new SlipwayException(SlipwayError.Usage("no notifiers are configured", "add notify: to slipway.yml (see the README's notifications section)"));
            }

            var wanted = parse.GetValue(name);
            var selected = wanted is null ? configured : configured.Where(n => n.Name == wanted).ToList();
            if (selected.Count == 0)
            {
                throw new SlipwayException(SlipwayError.Usage($"unknown notifier '{wanted}'", $"use one of: {string.Join(", ", configured.Select(n => n.Name))}"));
            }

            var notifications = CommandNotifications.Prepare(selected, context.Root, terminal, context.Variables);
            var results = await notifications.Dispatcher.SendAsync(new Notification
            {
                Event = NotificationEvent.Test,
                Project = notifications.Project,
                Outcome = "test",
                Actor = await context.ActorAsync(ct).ConfigureAwait(false),
                Detail = "This is a test message from `slipway notify test`: this notifier works.",
                RunUrl = notifications.RunUrl,
            }, ct).ConfigureAwait(false);
            foreach (var result in results)
            {
                await terminal.Out.WriteLineAsync(result.Sent
                    ? $"{result.Notifier}: sent"
                    : $"{result.Notifier}: failed: {result.Problem}").ConfigureAwait(false);
            }

            var failed = results.Where(r => !r.Sent).Select(r => r.Notifier).ToList();
            return failed.Count == 0
                ? 0
                : throw new SlipwayException(SlipwayError.Failed($"{failed.Count} of {results.Count} notifiers failed: {string.Join(", ", failed)}",
                    "see the lines above; check the URL or server and the environment variables its entry names"));
        });
        return new Command("notify", "Notifications (notify: in slipway.yml): send a test message.") { test };
    }
}
