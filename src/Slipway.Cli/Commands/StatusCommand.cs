using System.CommandLine;
using Slipway.Cli.Dashboard;
using Slipway.Cli.Deploying;
using Slipway.Cli.Output;
using Slipway.Core.Deployments;
using Slipway.Core.Metrics;

namespace Slipway.Cli.Commands;

/// <summary>`slipway status`: which version runs where, since when, by whom, from the ledger on the remote.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the environments as JSON" };
        var html = new Option<string?>("--html") { Description = "Also write the release page: what runs where, the deployments, the changelogs and the delivery metrics of the last environment of the promotion path over 90 days, in one self-contained HTML file", HelpName = "FILE" };
        var package = PackageOption.Create();
        var command = new Command("status", """
            Show each environment's current version (the last attempt that reached helm), how it ended, since when and
            by whom, and its last good version, read from the ledger on the remote.

            Examples:
              slipway status
              slipway status --json
              slipway status --html deliveries.html
            """)
        {
            json, html, package,
        };
        CommandRunner.SetHandler(command, async (parse, terminal, ct) =>
        {
            Task Print(IReadOnlyList<string> names, DeploymentHistory history, IReadOnlySet<string> pending) => terminal.Out.WriteAsync(parse.GetValue(json)
                ? DeploymentRenderer.StatusJson(names, history, pending)
                : DeploymentRenderer.StatusText(names, history, pending));

            if (parse.GetValue(html) is { } file)
            {
                using var view = await DeliveryView.OpenAsync(Environment.CurrentDirectory, null, MetricsPeriod.DefaultSince, null, ct).ConfigureAwait(false);
                await view.WritePageAsync(file, await view.ReportAsync(ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                await Print(view.Environments, view.History, view.Pending).ConfigureAwait(false);
                return 0;
            }

            var context = await DeploymentContext.OpenAsync(Environment.CurrentDirectory, ct, notify: null, package: parse.GetValue(package)).ConfigureAwait(false);
            var snapshot = await context.ReadLedgerAsync(ct).ConfigureAwait(false);
            var history = snapshot.History();
            await Print(context.EnvironmentNames(history), history, snapshot.Pending.Select(p => p.Id).ToHashSet(StringComparer.Ordinal)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
