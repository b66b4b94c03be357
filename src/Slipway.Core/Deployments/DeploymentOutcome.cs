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

    /// <summary>Recorded before Helm ran; its end was not recorded (still running, or the run was killed). Never good: the next
    /// deployment to the environment resolves it (as failed, interrupted), since it overwrites whatever that run left.</summary>
    Unknown,
}
