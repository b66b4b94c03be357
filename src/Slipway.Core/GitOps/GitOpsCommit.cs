using Slipway.Core.Deployments;

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

    private static string Trailers(string environment, string version, string recordId) =>
        $"{DeploymentTrailer}: {recordId}\nSlipway-Environment: {environment}\nSlipway-Version: {version}\n";
}
