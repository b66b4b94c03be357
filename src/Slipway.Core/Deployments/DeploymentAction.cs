namespace Slipway.Core.Deployments;

/// <summary>Which command made a deployment attempt (or, for <see cref="Release"/>, a release the ledger records).</summary>
public enum DeploymentAction
{
    /// <summary>`slipway deploy`.</summary>
    Deploy,

    /// <summary>`slipway promote`.</summary>
    Promote,

    /// <summary>`slipway rollback`, or the automatic rollback after a failed health check.</summary>
    Rollback,

    /// <summary>
    /// `slipway release` with a gate skipped (`--skip-gate NAME --reason TEXT`): a record of the release, in no environment, so
    /// the ledger says who skipped which gate and why. Never part of an environment's history (<see cref="DeploymentHistory"/>).
    /// </summary>
    Release,
}
