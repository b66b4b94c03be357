using Slipway.Core.Errors;
using Slipway.Core.Rollouts;

namespace Slipway.Core.Deployments;

/// <summary>How one attempt ended: running and healthy (Ok), a canary set back to 0 by its analysis, or failed and why.</summary>
/// <param name="Problem">What went wrong (helm, the deploy command, the GitOps change, the health check, the canary).</param>
/// <param name="At">The canary step the rollout stopped at; null when no canary stopped.</param>
/// <param name="Error">The error a stopped canary gives as it is (an analysis that could not decide), else a failure is made of <paramref name="Problem"/>.</param>
/// <param name="Note">What the change left, for the record (kind: gitops: the commit).</param>
/// <param name="Proposal">kind: gitops with via: pull_request: the line naming the pull request that proposes the version (it runs once merged).</param>
public sealed record AttemptResult(bool Ok, bool RolledBack, string? Problem, RolloutProgress? At, SlipwayError? Error = null, string? Note = null, string? Proposal = null)
{
    /// <summary>Running (and healthy, when the environment checks).</summary>
    public static AttemptResult Succeeded { get; } = new(true, false, null, null);

    /// <summary>Failed with <paramref name="problem"/>, nothing stopped at a canary step.</summary>
    public static AttemptResult Failed(string? problem) => new(false, false, problem, null);
}
