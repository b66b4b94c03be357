namespace Slipway.Core.Metrics;

/// <summary>DORA's change failure rate: the share of deployments in the window that failed, were rolled back or were marked bad.</summary>
/// <param name="Rate">Failures ÷ deployments, between 0 and 1; null when nothing was deployed.</param>
public sealed record ChangeFailureRate(int Failures, int Deployments, double? Rate)
{
    public static ChangeFailureRate Of(DeliveryTimeline timeline, MetricsWindow window)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(window);
        var deployments = timeline.Deployments.Where(d => window.Contains(d.Record.At)).ToList();
        var failures = deployments.Count(d => d.IsFailure);
        return new ChangeFailureRate(failures, deployments.Count, deployments.Count == 0 ? null : (double)failures / deployments.Count);
    }
}
