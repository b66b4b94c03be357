namespace Slipway.Core.Metrics;

/// <summary>DORA's time to restore: for the incidents that started in the window, the median time from the change failure to the next good attempt.</summary>
/// <param name="Restores">Incidents that started in the window and were restored.</param>
/// <param name="StillOpen">Incidents that started in the window with no good attempt since (not in the median).</param>
public sealed record TimeToRestore(int Restores, TimeSpan? Median, int StillOpen)
{
    public static TimeToRestore Of(DeliveryTimeline timeline, MetricsWindow window)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(window);
        var incidents = timeline.Incidents.Where(i => window.Contains(i.Start)).ToList();
        var restored = incidents.Where(i => i.TimeToRestore is not null).Select(i => i.TimeToRestore!.Value).ToList();
        return new TimeToRestore(restored.Count, Percentile.Median(restored), incidents.Count - restored.Count);
    }
}
