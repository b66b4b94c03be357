namespace Slipway.Core.Metrics;

/// <summary>The four figures over one part of the window.</summary>
public sealed record TrendPoint(MetricsWindow Window, DeploymentFrequency Frequency, LeadTime LeadTime, ChangeFailureRate FailureRate, TimeToRestore Restore);
