using System.CommandLine;
using Slipway.Adapters.Processes;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Dashboard;
using Slipway.Cli.Output;
using Slipway.Core.Metrics;

namespace Slipway.Cli.Commands;

/// <summary>`slipway metrics [ENV]`: the four DORA metrics of an environment, from the ledger and the repository alone.</summary>
public static class MetricsCommand
{
    public static Command Create()
    {
        var environment = new Argument<string?>("environment") { Description = "The environment (default: the last of the promotion path, e.g. production)", Arity = ArgumentArity.ZeroOrOne };
        var since = new Option<string>("--since") { Description = "Start of the window: a span back from --until (90d, 12w, 36h) or a UTC date", DefaultValueFactory = _ => MetricsPeriod.DefaultSince, HelpName = "SPAN|DATE" };
        var until = new Option<string?>("--until") { Description = "End of the window: a UTC date (included) or time; default now", HelpName = "DATE" };
        var json = new Option<bool>("--json") { Description = "Print the metrics and their trend as JSON" };
        var html = new Option<string?>("--html") { Description = "Also write the release page (as status --html) with these metrics", HelpName = "FILE" };
        var command = new Command("metrics", """
            Print the four DORA delivery metrics of an environment over a window, each with its count: deployment frequency,
            lead time for changes (median and p90), change failure rate and time to restore (median), computed from the
            deployment ledger and the repository's history alone (definitions: README, "Delivery metrics").

            Examples:
              slipway metrics
              slipway metrics staging --since 30d
              slipway metrics production --since 2026-01-01 --until 2026-03-31 --json
              slipway metrics --html deliveries.html
            """)
        {
            environment, since, until, json, html,
        };
        CommandRunner.SetHandler(command, async (parse, terminal, ct) =>
        {
            using var view = await DeliveryView.OpenAsync(Environment.CurrentDirectory, Clock.System, ProcessEnvironment.Variable, parse.GetValue(environment), parse.GetValue(since)!, parse.GetValue(until), ct)
                .ConfigureAwait(false);
            var report = await view.ReportAsync(ct).ConfigureAwait(false);
            if (parse.GetValue(html) is { } file)
            {
                await view.WritePageAsync(file, report, ct).ConfigureAwait(false);
            }

            await terminal.Out.WriteAsync(parse.GetValue(json) ? MetricsRenderer.Json(report) : MetricsRenderer.Text(report)).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
