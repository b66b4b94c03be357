namespace Slipway.Core.Deployments;

/// <summary>What an environment demands before a version reaches it.</summary>
/// <param name="Approval">A person approves: a GitHub Actions job in the environment of the same name, or a confirmation at a terminal.</param>
/// <param name="PromotedFrom">Only versions that are good in this environment may be deployed.</param>
public sealed record DeploymentRequirements(bool Approval = false, string? PromotedFrom = null)
{
    public static readonly DeploymentRequirements None = new();
}
