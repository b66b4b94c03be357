using Slipway.Core.Errors;
using Slipway.Core.Versioning;

namespace Slipway.Core.Deployments;

/// <summary>What `rollback` deploys, and which version it marks bad so that `promote` never picks it again.</summary>
/// <param name="Target">The version to go back to.</param>
/// <param name="MarkBad">The version the rollback replaces, when it was running well (a failed one is already not good).</param>
public sealed record Rollback(SemanticVersion Target, SemanticVersion? MarkBad)
{
    /// <summary>
    /// Decides a rollback of <paramref name="environment"/>: to <paramref name="requested"/> when given, else to the newest
    /// good version other than the current one (<see cref="DeploymentHistory.RollbackTarget"/>: failed and rolled-back
    /// versions are skipped, unlike Helm's previous revision). Refused (exit 3) when nothing ran there, when there is no
    /// good version to go back to, or when the target is what already runs well.
    /// </summary>
    public static Rollback Decide(DeploymentHistory history, string environment, SemanticVersion? requested)
    {
        ArgumentNullException.ThrowIfNull(history);
        var current = history.Current(environment) ?? throw new SlipwayException(SlipwayError.Precondition(
            $"nothing was deployed to {environment} yet, so there is nothing to roll back", $"deploy a version first: slipway deploy {environment} VERSION"));
        var target = requested ?? (history.RollbackTarget(environment) is { } record
            ? record.Version
            : throw new SlipwayException(SlipwayError.Precondition(
                $"{environment} has no good version before {current.Version} to roll back to",
                $"name one with --to VERSION, or deploy a fixed version: slipway deploy {environment} VERSION")));
        var runsWell = current.Outcome == DeploymentOutcome.Succeeded;
        if (runsWell && target == current.Version)
        {
            throw new SlipwayException(SlipwayError.Precondition($"{environment} already runs {current.Version}", "name another version with --to VERSION"));
        }

        return new Rollback(target, runsWell ? current.Version : null);
    }
}
