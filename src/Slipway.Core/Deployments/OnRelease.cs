using Slipway.Core.Versioning;

namespace Slipway.Core.Deployments;

/// <summary>The environments a release deploys (`on_release: true`), and when that is already done.</summary>
public static class OnRelease
{
    public static IReadOnlyList<DeploymentEnvironment> Environments(IEnumerable<DeploymentEnvironment> environments) =>
        [.. environments.Where(e => e.OnRelease)];

    /// <summary>True when the environment's current deployment is this version and it succeeded: a re-run has nothing to deploy there.</summary>
    public static bool AlreadyDeployed(DeploymentHistory history, string environment, SemanticVersion version)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(version);
        return history.Current(environment) is { Outcome: DeploymentOutcome.Succeeded } current && current.Version == version;
    }
}
