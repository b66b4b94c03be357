namespace Slipway.Core.Metrics;

/// <summary>DORA's lead time for changes: for each commit that first reached the environment in the window, deployed at − committed at.</summary>
/// <param name="Changes">The commits counted.</param>
public sealed record LeadTime(int Changes, TimeSpan? Median, TimeSpan? P90)
{
    public static LeadTime Of(IReadOnlyList<Change> changes, MetricsWindow window)
    {
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(window);
        var times = changes.Where(c => window.Contains(c.DeployedAt)).Select(c => c.LeadTime).ToList();
        return new LeadTime(times.Count, Percentile.Median(times), Percentile.NearestRank(times, 90));
    }
}
