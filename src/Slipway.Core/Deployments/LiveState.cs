namespace Slipway.Core.Deployments;

/// <summary>How what Helm runs compares with what the ledger recorded for an environment.</summary>
public enum LiveState
{
    /// <summary>Helm runs the version the ledger says the environment was last set to.</summary>
    InSync,

    /// <summary>Helm runs something else, or nothing: a change made outside Slipway.</summary>
    Drift,

    /// <summary>The environment is not deployed with Helm (kind: command, kind: gitops) or is not in slipway.yml.</summary>
    NotChecked,

    /// <summary>Helm could not be asked (no helm, the cluster is unreachable).</summary>
    Unknown,
}
