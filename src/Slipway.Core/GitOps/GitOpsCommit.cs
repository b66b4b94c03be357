using Slipway.Core.Deployments;
using Slipway.Core.Rollouts;

namespace Slipway.Core.GitOps;

/// <summary>The messages of the commits a GitOps deployment writes: the version and the ledger record that asked for it.</summary>
public static class GitOpsCommit
{
    /// <summary>The trailer naming the ledger record (its id), so `git log` of the GitOps repository leads back to `slipway history`.</summary>
    public const string DeploymentTrailer = "Slipway-Deployment";

    /// <summary>`deploy(staging): 1.3.0` (or `rollback(...)`), what was set, and the trailers naming the record.</summary>
    public static string Message(string environment, string version, DeploymentAction action, string recordId, GitOpsTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var verb = action == DeploymentAction.Rollback ? "rollback" : "deploy";
        return $"{verb}({environment}): {version}\n\nSets {target.Edit.Describe()} in {target.File}.\n\n" + Trailers(environment, version, recordId);
    }

    /// <summary>The revert of a version change that failed, as `git revert` words it, with the trailers of the rollback's record.</summary>
    public static string Revert(string environment, string failedVersion, string failedCommit, string version, string recordId) =>
        $"Revert \"deploy({environment}): {failedVersion}\"\n\nThis reverts commit {failedCommit}: {failedVersion} failed in {environment}, back to {version}.\n\n" +
        Trailers(environment, version, recordId);

    /// <summary>
    /// A canary rollout's commit (`kind: gitops` with rollout:): a step (`canary(staging): 1.3.1 at 10%`), the promotion
    /// (`deploy(staging): 1.3.1`, as a deployment without a canary) or the abort (`canary(staging): 1.3.1 back to 0`).
    /// </summary>
    /// <param name="at">The step this move belongs to (for the abort: the step where the canary stopped).</param>
    /// <param name="why">For the abort: why the canary stops (the analysis' line, or the cancellation).</param>
    public static string Canary(string environment, RolloutPlan plan, RolloutProgress at, RolloutValues values, bool abort, string recordId, GitOpsTarget target,
        string? why = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(at);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(target);
        var version = plan.Canary.Version;
        var keys = $"{target.Edit.Describe()}, {string.Join(", ", values.Canary.Select(v => v.Key))} in {target.File}";
        var (subject, body) = abort
            ? ($"canary({environment}): {version} back to 0", $"The canary of {version} stopped at {at.Text()}" + (why is null ? string.Empty : $": {why}") +
                $".\n{plan.Stable.Version} runs everywhere: sets {keys}.")
            : at.Weight >= 100
                ? ($"deploy({environment}): {version}", $"Promotes the canary ({at.Text()}): sets {keys}.")
                : ($"canary({environment}): {version} at {at.Weight}%", $"{at.Text()}, {plan.Stable.Version} on the rest: sets {keys}.");
        return $"{subject}\n\n{body}\n\n" + Trailers(environment, version, recordId);
    }

    private static string Trailers(string environment, string version, string recordId) =>
        $"{DeploymentTrailer}: {recordId}\nSlipway-Environment: {environment}\nSlipway-Version: {version}\n";
}
