using Slipway.Core.Deployments;

namespace Slipway.Core.Metrics;

/// <summary>The four DORA metrics of one environment, from its ledger attempts and the commits its deployments brought.</summary>
public static class DeliveryMetrics
{
    /// <param name="attempts">The environment's attempts, oldest first (ledger order).</param>
    /// <param name="changes">The commits that reached it and when (<see cref="ChangeRanges"/>).</param>
    /// <param name="withoutCommit">Successful attempts whose commits could not be read (<see cref="ChangeRanges.Plan"/>).</param>
    public static DeliveryReport Compute(string environment, IReadOnlyList<DeploymentRecord> attempts, IReadOnlyList<Change> changes,
        IReadOnlyList<DeploymentRecord> withoutCommit, MetricsWindow window)
    {
        ArgumentNullException.ThrowIfNull(attempts);
        ArgumentNullException.ThrowIfNull(withoutCommit);
        ArgumentNullException.ThrowIfNull(window);
        var timeline = DeliveryTimeline.Of(attempts);
        var trend = window.Buckets().Select(part => new TrendPoint(part, DeploymentFrequency.Of(timeline, part), LeadTime.Of(changes, part),
            ChangeFailureRate.Of(timeline, part), TimeToRestore.Of(timeline, part))).ToList();
        return new DeliveryReport(environment, window, DeploymentFrequency.Of(timeline, window), LeadTime.Of(changes, window),
            ChangeFailureRate.Of(timeline, window), TimeToRestore.Of(timeline, window), trend,
            timeline.Unknown.Count(u => window.Contains(u.At)), withoutCommit.Count(w => window.Contains(w.At)));
    }
}
