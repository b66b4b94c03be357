using Slipway.Core.Errors;
using Slipway.Core.Rollouts;

namespace Slipway.Core.Deployments;

/// <summary>What follows an attempt: its record's last line (outcome, detail, the canary step it stopped at), then either the
/// line printed on success, the error the command ends with, or the automatic rollback to run (<see cref="RollbackTo"/>).</summary>
public sealed record DeploymentEnding(DeploymentOutcome Outcome, string? Detail)
{
    /// <summary>The canary step the attempt stopped at (its record keeps it), or null.</summary>
    public RolloutProgress? Rollout { get; init; }

    /// <summary>The line printed when the version runs (or is proposed).</summary>
    public string? Line { get; init; }

    /// <summary>The error the command ends with; null when it succeeded or a rollback runs first (its end gives the error).</summary>
    public SlipwayError? Error { get; init; }

    /// <summary>The good version the automatic rollback redeploys, or null.</summary>
    public DeploymentRecord? RollbackTo { get; init; }
}
