using System.CommandLine;
using Slipway.Cli.Deploying;
using Slipway.Cli.Output;

namespace Slipway.Cli.Commands;

/// <summary>`slipway status`: which version runs where, since when, by whom, from the ledger on the remote.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the environments as JSON" };
        var command = new Command("status", """
            Show each environment's current version (the last attempt that reached helm), how it ended, since when and
            by whom, and its last good version, read from the ledger on the remote.

            Examples:
              slipway status
              slipway status --json
            """)
        {
            json,
        };
        CommandRunner.SetHandler(command, async (parse, terminal, ct) =>
        {
            var context = await DeploymentContext.OpenAsync(Environment.CurrentDirectory, ct).ConfigureAwait(false);
            var snapshot = await context.ReadLedgerAsync(ct).ConfigureAwait(false);
            var history = snapshot.History();
            var names = context.EnvironmentNames(history);
            var pending = snapshot.Pending.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            await terminal.Out.WriteAsync(parse.GetValue(json)
                ? DeploymentRenderer.StatusJson(names, history, pending)
                : DeploymentRenderer.StatusText(names, history, pending)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
