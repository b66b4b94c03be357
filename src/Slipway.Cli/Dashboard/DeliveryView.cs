using Slipway.Adapters.Files;
using Slipway.Adapters.Workspace;
using Slipway.Cli.Deploying;
using Slipway.Cli.Output.Html;
using Slipway.Cli.Releasing;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;
using Slipway.Core.Metrics;

namespace Slipway.Cli.Dashboard;

/// <summary>What `metrics` and `status --html` read once: the ledger, the environments in promotion order, the environment and window measured, and the repository.</summary>
public sealed class DeliveryView : IDisposable
{
    private DeliveryView(Workspace repository, DeploymentHistory history, IReadOnlyList<string> environments, PromotionPath path,
        string environment, MetricsWindow window, IReadOnlySet<string> pending)
    {
        Repository = repository;
        History = history;
        Environments = environments;
        Path = path;
        Environment = environment;
        Window = window;
        Pending = pending;
    }

    public Workspace Repository { get; }

    public DeploymentHistory History { get; }

    public IReadOnlyList<string> Environments { get; }

    public PromotionPath Path { get; }

    /// <summary>The environment measured: the one asked for, else the last of the promotion path.</summary>
    public string Environment { get; }

    public MetricsWindow Window { get; }

    public IReadOnlySet<string> Pending { get; }

    /// <param name="variables">The environment variables, handed on by the command.</param>
    /// <param name="environment">The environment asked for, or null for the last of the promotion path.</param>
    public static async Task<DeliveryView> OpenAsync(string directory, Clock clock, Func<string, string?> variables, string? environment, string since, string? until, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        var window = MetricsPeriod.TryParse(since, until, now, out var why)
            ?? throw new SlipwayException(SlipwayError.Usage(why, "see `slipway metrics --help`"));
        var context = await DeploymentContext.OpenAsync(directory, clock, variables, cancellationToken).ConfigureAwait(false);
        var snapshot = await context.ReadLedgerAsync(cancellationToken).ConfigureAwait(false);
        var history = snapshot.History();
        var names = context.EnvironmentNames(history);
        var path = PromotionPath.Of(context.Config.Environments, history.Environments());
        var measured = environment ?? path.Last ?? names[^1];
        if (!names.Contains(measured))
        {
            throw new SlipwayException(SlipwayError.Usage($"unknown environment '{measured}'", $"use one of: {string.Join(", ", names)} (environments: in slipway.yml, or in the ledger)"));
        }

        var repository = await Workspace.OpenAsync(context.Root, context.Clock, context.Variables, cancellationToken).ConfigureAwait(false);
        return new DeliveryView(repository, history, names, path, measured, window, snapshot.Pending.Select(p => p.Id).ToHashSet(StringComparer.Ordinal));
    }

    public Task<DeliveryReport> ReportAsync(CancellationToken cancellationToken) =>
        DeliveryReader.ReportAsync(Repository, History, Environment, Window, cancellationToken);

    /// <summary>Writes the release page to <paramref name="file"/> (atomically) with the report of <see cref="Environment"/>.</summary>
    public async Task WritePageAsync(string file, DeliveryReport report, CancellationToken cancellationToken)
    {
        var model = await DashboardReader.ReadAsync(Repository, History, Environments, Path, report, Pending, Repository.Clock.Now, cancellationToken).ConfigureAwait(false);
        var bytes = System.Text.Encoding.UTF8.GetBytes(DashboardPage.Render(model));
        await AtomicFile.WriteBytesAsync(System.IO.Path.GetFullPath(file), bytes, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => Repository.Dispose();
}
