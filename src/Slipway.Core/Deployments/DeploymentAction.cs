namespace Slipway.Core.Deployments;

/// <summary>Which command made a deployment attempt.</summary>
public enum DeploymentAction
{
    /// <summary>`slipway deploy`.</summary>
    Deploy,

    /// <summary>`slipway promote`.</summary>
    Promote,

    /// <summary>`slipway rollback`, or the automatic rollback after a failed health check.</summary>
    Rollback,
}
