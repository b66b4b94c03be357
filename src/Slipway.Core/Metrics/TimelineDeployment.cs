using Slipway.Core.Deployments;

namespace Slipway.Core.Metrics;

/// <summary>A deploy or promote attempt that reached Helm, and whether it was a change failure (failed, rolled back, or marked bad later).</summary>
public sealed record TimelineDeployment(DeploymentRecord Record, bool IsFailure);
