using System.CommandLine;
using Slipway.Adapters.Processes;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Dashboard;
using Slipway.Cli.Deploying;
using Slipway.Cli.Output;
using Slipway.Core.Configuration;
using Slipway.Core.Deployments;
using Slipway.Core.Metrics;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Commands;

/// <summary>`slipway status`: which version runs where, since when, by whom, from the ledger on the remote.</summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the environments as JSON" };
        var html = new Option<string?>("--html") { Description = "Also write the release page: what runs where, the deployments, the changelogs and the delivery metrics of the last environment of the promotion path over 90 days, in one self-contained HTML file", HelpName = "FILE" };
        var live = new Option<bool>("--live") { Description = "Also ask helm what each environment's release runs (helm status, helm history) and show drift from the ledger in a live column" };
        var check = new Option<bool>("--check") { Description = "With --live (implied): exit 3 when any environment drifts, naming them on stderr" };
        var package = PackageOption.Create();
        var command = new Command("status", """
            Show each environment's current version (the last attempt that reached helm), how it ended, since when and
            by whom, and its last good version, read from the ledger on the remote. With --live, also what helm reports for
            each environment's release, and whether it drifted from the ledger (a helm upgrade or rollback by hand).

            Examples:
              slipway status
              slipway status --json
              slipway status --live
              slipway status --live --check
              slipway status --html deliveries.html
            """)
        {
            json, html, live, check, package,
        };
        CommandRunner.SetHandler(command, async (parse, terminal, ct) =>
        {
            var asked = parse.GetValue(live) || parse.GetValue(check);
            async Task<int> Print(IReadOnlyList<string> names, DeploymentHistory history, IReadOnlySet<string> pending, (string Root, SlipwayConfig Config, TagNaming Naming) workspace)
            {
                var verdicts = asked
                    ? await LiveStatus.ReadAsync(workspace.Root, workspace.Config, workspace.Naming, names, history, ct).ConfigureAwait(false)
                    : null;
                await terminal.Out.WriteAsync(parse.GetValue(json)
                    ? DeploymentRenderer.StatusJson(names, history, pending, verdicts)
                    : DeploymentRenderer.StatusText(names, history, pending, verdicts)).ConfigureAwait(false);
                return parse.GetValue(check) && LiveStatus.CheckProblem(names, verdicts!) is { } drift ? CommandRunner.Report(terminal, drift) : 0;
            }

            if (parse.GetValue(html) is { } file)
            {
                using var view = await DeliveryView.OpenAsync(Environment.CurrentDirectory, Clock.System, ProcessEnvironment.Variable, null, MetricsPeriod.DefaultSince, null, ct).ConfigureAwait(false);
                await view.WritePageAsync(file, await view.ReportAsync(ct).ConfigureAwait(false), ct).ConfigureAwait(false);
                return await Print(view.Environments, view.History, view.Pending, (view.Repository.Root, view.Repository.Config, view.Repository.Naming)).ConfigureAwait(false);
            }

            var context = await DeploymentContext.OpenAsync(Environment.CurrentDirectory, Clock.System, ProcessEnvironment.Variable, ct, notify: null, package: parse.GetValue(package)).ConfigureAwait(false);
            var snapshot = await context.ReadLedgerAsync(ct).ConfigureAwait(false);
            var history = snapshot.History();
            return await Print(context.EnvironmentNames(history), history, snapshot.Pending.Select(p => p.Id).ToHashSet(StringComparer.Ordinal), (context.Root, context.Config, context.Naming))
                .ConfigureAwait(false);
        });
        return command;
    }
}
