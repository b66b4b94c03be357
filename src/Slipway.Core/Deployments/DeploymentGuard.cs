using Slipway.Core.Errors;
using Slipway.Core.Versioning;

namespace Slipway.Core.Deployments;

/// <summary>Decides whether a version may go to an environment under its requirements (promoted_from, approval).</summary>
public static class DeploymentGuard
{
    /// <summary>The version's refusal under `requires.promoted_from`, or null when it is good in that environment (or none is required).</summary>
    public static SlipwayError? PromotedFromRefusal(DeploymentEnvironment target, SemanticVersion version, DeploymentHistory history)
    {
        if (target.Requires.PromotedFrom is not { } source || history.IsGood(source, version))
        {
            return null;
        }

        var last = history.Attempts(source).FirstOrDefault(r => r.Version == version && r.Outcome != DeploymentOutcome.Blocked);
        var why = last is null ? $"was never deployed to {source}" : $"is not good in {source} (its last attempt there {Describe(last.Outcome)})";
        return SlipwayError.Precondition(
            $"{target.Name} only takes versions that are good in {source}, and {version} {why}",
            $"deploy it to {source} first (or `slipway promote {source} {target.Name}`), or pass --force --reason TEXT to override");
    }

    /// <summary>The refusal when approval is required and was not given.</summary>
    public static SlipwayError ApprovalRefusal(DeploymentEnvironment target) =>
        SlipwayError.Precondition(
            $"{target.Name} requires approval and none was given",
            $"run it in a GitHub Actions job with `environment: {target.Name}` and env SLIPWAY_APPROVED_ENVIRONMENT: {target.Name}, " +
            "or at a terminal to confirm, or pass --force --reason TEXT");

    public static string Describe(DeploymentOutcome outcome) => outcome switch
    {
        DeploymentOutcome.Succeeded => "succeeded",
        DeploymentOutcome.Failed => "failed",
        DeploymentOutcome.RolledBack => "was rolled back",
        DeploymentOutcome.Unknown => "has no recorded outcome",
        _ => "was blocked",
    };
}
