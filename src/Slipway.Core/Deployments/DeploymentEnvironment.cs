using Slipway.Core.GitOps;

namespace Slipway.Core.Deployments;

/// <summary>One entry of `environments:` in slipway.yml: where and how a version is deployed, and what it must pass.</summary>
public sealed record DeploymentEnvironment
{
    public required string Name { get; init; }

    /// <summary>`kind: helm` (the default): helm upgrade --install. Null for another kind.</summary>
    public HelmRelease? Helm { get; init; }

    /// <summary>`kind: command`: any deploy command. Null for another kind.</summary>
    public CommandDeploy? Command { get; init; }

    /// <summary>`kind: gitops`: the version written into a GitOps repository. Null for another kind.</summary>
    public GitOpsTarget? GitOps { get; init; }

    /// <summary>What deploys it, as slipway.yml's `kind:` names it.</summary>
    public string Kind => Command is not null ? "command" : GitOps is not null ? "gitops" : "helm";

    /// <summary>`rollout:`: a canary in steps, each judged by an analysis, before the whole fleet gets the version. Null: all at once.</summary>
    public Rollouts.Rollout? Rollout { get; init; }

    public IReadOnlyList<Gate> Gates { get; init; } = [];

    public HealthCheck? Health { get; init; }

    /// <summary>On a failed health check, redeploy the last good version.</summary>
    public bool AutoRollback { get; init; }

    public DeploymentRequirements Requires { get; init; } = DeploymentRequirements.None;

    /// <summary>Deployed automatically when a release is published.</summary>
    public bool OnRelease { get; init; }
}
