using Slipway.Adapters.Workspace;
using Slipway.Cli.Changelogs;
using Slipway.Cli.Releasing;
using Slipway.Core.Changelog;
using Slipway.Core.Deployments;
using Slipway.Core.Metrics;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Dashboard;

/// <summary>Gathers the release page's model from the ledger, slipway.yml and the repository.</summary>
public static class DashboardReader
{
    /// <summary>How many attempts of each environment the page lists (the strip above the list shows every day of the window).</summary>
    public const int RecentAttempts = 30;

    /// <param name="environments">The environments to show (slipway.yml's, then those only the ledger knows).</param>
    /// <param name="metrics">The metrics of the environment chosen for the page.</param>
    public static async Task<DashboardModel> ReadAsync(Workspace repository, DeploymentHistory history, IReadOnlyList<string> environments,
        PromotionPath path, DeliveryReport metrics, IReadOnlySet<string> pending, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(metrics);
        var order = path.Chains.SelectMany(c => c).Concat(environments).Distinct(StringComparer.Ordinal).Where(environments.Contains).ToList();
        var panels = order.Select(name => Panel(history, name, metrics.Window)).ToList();

        var named = panels.SelectMany(p => p.Recent.Select(r => r.Version).Append(p.Status.Current?.Version).Append(p.Status.LastGood?.Version))
            .OfType<SemanticVersion>().Distinct().ToList();
        var tags = repository.VersionTags.DistinctBy(t => t.Version).ToDictionary(t => t.Version);
        var source = await ChangelogSource.OpenAsync(repository, cancellationToken).ConfigureAwait(false);
        var changelogs = new Dictionary<string, ChangelogRelease>(StringComparer.Ordinal);
        foreach (var version in named.Where(tags.ContainsKey))
        {
            changelogs[version.ToString()] = await VersionRelease.ForTagAsync(source, tags[version], cancellationToken).ConfigureAwait(false);
        }

        return new DashboardModel
        {
            Repository = source.Remote is { } remote ? $"{remote.Owner}/{remote.Name}" : System.IO.Path.GetFileName(repository.State.TopLevel.TrimEnd('/')),
            GeneratedAt = now,
            Path = path,
            Environments = panels,
            Metrics = metrics,
            Changelogs = changelogs,
            MissingTags = named.Where(v => !tags.ContainsKey(v)).Select(v => v.ToString()).ToHashSet(StringComparer.Ordinal),
            Pending = pending,
        };
    }

    private static EnvironmentPanel Panel(DeploymentHistory history, string name, MetricsWindow window)
    {
        var attempts = history.Attempts(name);
        var first = DateOnly.FromDateTime(window.Start.UtcDateTime);
        var last = DateOnly.FromDateTime(window.End.AddTicks(-1).UtcDateTime);
        var days = new List<(DateOnly, IReadOnlyDictionary<string, int>)>();
        var counts = attempts.Where(a => window.Contains(a.At))
            .GroupBy(a => DateOnly.FromDateTime(a.At.UtcDateTime))
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, int>)g.GroupBy(a => OutcomeName(a.Outcome)).ToDictionary(o => o.Key, o => o.Count(), StringComparer.Ordinal));
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days.Add((day, counts.GetValueOrDefault(day) ?? new Dictionary<string, int>()));
        }

        return new EnvironmentPanel(EnvironmentStatus.Of(history, name), [.. attempts.Take(RecentAttempts)], attempts.Count, days);
    }

    /// <summary>The outcome's ledger name; "unknown" for one this version does not know (a run killed while helm ran).</summary>
    public static string OutcomeName(DeploymentOutcome outcome) => DeliveryTimeline.IsKnown(outcome) ? DeploymentNames.Of(outcome) : "unknown";
}
