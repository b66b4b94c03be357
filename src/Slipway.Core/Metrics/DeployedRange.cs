using Slipway.Core.Deployments;

namespace Slipway.Core.Metrics;

/// <summary>The commits a successful attempt brought to the environment: those of <see cref="Until"/>'s history not in <see cref="Since"/>'s (the version running before it).</summary>
public sealed record DeployedRange(DeploymentRecord Deployment, string Since, string Until);
