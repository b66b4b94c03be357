using Slipway.Core.Deployments;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Deploying;

/// <summary>One deployment to run: which version where, by which command, and with which overrides.</summary>
public sealed record DeploymentRequest(DeploymentEnvironment Environment, SemanticVersion Version, DeploymentAction Action)
{
    public string? From { get; init; }

    public string? Reason { get; init; }

    public bool Force { get; init; }

    public bool DryRun { get; init; }

    public string? Digest { get; init; }

    /// <summary>repository@digest that this run's image scan already passed (`ci release` scans before it tags): not scanned again.</summary>
    public string? Scanned { get; init; }

    /// <summary>For a rollback: the version being replaced, recorded as rolled back so that promote never picks it.</summary>
    public SemanticVersion? MarkBad { get; init; }
}
