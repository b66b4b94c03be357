namespace Slipway.Adapters.GitHub;

/// <summary>The body of POST .../deployments/{deployment_id}/statuses (repos/create-deployment-status).</summary>
/// <param name="State">in_progress, success, failure or inactive.</param>
public sealed record DeploymentStatusFields(string State, string Description)
{
    /// <summary>False: Slipway marks the replaced deployment inactive itself (GitHub would skip production environments).</summary>
    public bool? AutoInactive { get; init; }
}
