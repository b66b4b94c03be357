namespace Slipway.Core.Metrics;

/// <summary>The four delivery metrics of one environment over a window, with a trend of each (one point per part of the window).</summary>
/// <param name="Unknown">Attempts in the window whose outcome is not known: counted in none of the figures.</param>
/// <param name="WithoutCommit">Successful attempts in the window whose commits could not be read (no tag, no commit): their commits are not in the lead time.</param>
public sealed record DeliveryReport(
    string Environment,
    MetricsWindow Window,
    DeploymentFrequency Frequency,
    LeadTime LeadTime,
    ChangeFailureRate FailureRate,
    TimeToRestore Restore,
    IReadOnlyList<TrendPoint> Trend,
    int Unknown,
    int WithoutCommit)
{
    /// <summary>Nothing reached Helm in the window: the figures say "no deployments in the window".</summary>
    public bool IsEmpty => FailureRate.Deployments == 0 && Restore.Restores == 0 && Restore.StillOpen == 0 && Unknown == 0;
}
