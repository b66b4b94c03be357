using Slipway.Core.Deployments;

namespace Slipway.Core.Metrics;

/// <summary>DORA's deployment frequency: how often a version was deployed successfully to the environment in the window.</summary>
/// <param name="Deployments">Successful deploy and promote attempts in the window.</param>
public sealed record DeploymentFrequency(int Deployments, double PerDay, double PerWeek)
{
    public static DeploymentFrequency Of(DeliveryTimeline timeline, MetricsWindow window)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        ArgumentNullException.ThrowIfNull(window);
        var count = timeline.Deployments.Count(d => d.Record.Outcome == DeploymentOutcome.Succeeded && window.Contains(d.Record.At));
        var days = window.Length.TotalDays;
        return new DeploymentFrequency(count, count / days, count / days * 7);
    }
}
