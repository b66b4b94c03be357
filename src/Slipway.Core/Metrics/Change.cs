namespace Slipway.Core.Metrics;

/// <summary>A commit and when it first reached the environment.</summary>
public sealed record Change(string Sha, DateTimeOffset CommittedAt, DateTimeOffset DeployedAt)
{
    /// <summary>Deployed at − committed at (zero when the commit's date is later than the deployment: a clock that was wrong).</summary>
    public TimeSpan LeadTime => DeployedAt > CommittedAt ? DeployedAt - CommittedAt : TimeSpan.Zero;
}
