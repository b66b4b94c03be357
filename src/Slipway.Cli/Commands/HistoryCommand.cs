using System.CommandLine;
using Slipway.Adapters.Processes;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Deploying;
using Slipway.Cli.Output;
using Slipway.Core.Errors;

namespace Slipway.Cli.Commands;

/// <summary>`slipway history ENV`: the environment's deployment attempts, newest first.</summary>
public static class HistoryCommand
{
    public static Command Create()
    {
        var environment = new Argument<string>("environment") { Description = "An environment from slipway.yml or the ledger" };
        var json = new Option<bool>("--json") { Description = "Print the attempts as JSON" };
        var package = PackageOption.Create();
        var command = new Command("history", """
            List an environment's deployment attempts, newest first: when, version, action, outcome, who, and why.

            Examples:
              slipway history staging
              slipway history production --json
            """)
        {
            environment, json, package,
        };
        CommandRunner.SetHandler(command, async (parse, terminal, ct) =>
        {
            var name = parse.GetValue(environment)!;
            var context = await DeploymentContext.OpenAsync(Environment.CurrentDirectory, Clock.System, ProcessEnvironment.Variable, ct, notify: null, package: parse.GetValue(package)).ConfigureAwait(false);
            var snapshot = await context.ReadLedgerAsync(ct).ConfigureAwait(false);
            var history = snapshot.History();
            if (context.Config.Environments.All(e => e.Name != name) && !history.Environments().Contains(name))
            {
                context.Environment(name);
                throw new SlipwayException(SlipwayError.Usage($"unknown environment '{name}'", "see `slipway status` for the environments"));
            }

            var attempts = history.Attempts(name);
            var pending = snapshot.Pending.Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
            await terminal.Out.WriteAsync(parse.GetValue(json)
                ? DeploymentRenderer.HistoryJson(name, attempts, pending)
                : DeploymentRenderer.HistoryText(attempts, pending)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
