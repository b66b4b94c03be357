namespace Slipway.Core.Deployments;

/// <summary>How a deployment attempt ended.</summary>
public enum DeploymentOutcome
{
    /// <summary>Helm succeeded and the health check passed.</summary>
    Succeeded,

    /// <summary>Helm failed, or the health check failed without an automatic rollback.</summary>
    Failed,

    /// <summary>The version was replaced by a rollback: it must not be promoted.</summary>
    RolledBack,

    /// <summary>A gate or a requirement stopped it before Helm ran.</summary>
    Blocked,
}
