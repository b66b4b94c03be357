namespace Slipway.Core.GitOps;

/// <summary>What an Argo CD application's status says about a deployment of <c>revision</c>: wait, done, or failed.</summary>
public enum ArgoCdState
{
    /// <summary>Not yet at the revision, not yet synced, or not yet healthy: ask again.</summary>
    Waiting,

    /// <summary>Synced to the revision and Healthy.</summary>
    Ready,

    /// <summary>At the revision and Degraded (or its sync failed): the deployment failed.</summary>
    Failed,
}

/// <summary>Reads an application's status.sync and status.health (Argo CD's v1alpha1Application) against the pushed commit.</summary>
public static class ArgoCdVerdict
{
    public static ArgoCdState Of(string revision, string? syncStatus, string? syncedRevision, string? health)
    {
        var atRevision = string.Equals(syncedRevision, revision, StringComparison.OrdinalIgnoreCase);
        if (!atRevision)
        {
            return ArgoCdState.Waiting;
        }

        if (health == "Degraded")
        {
            return ArgoCdState.Failed;
        }

        return syncStatus == "Synced" && health == "Healthy" ? ArgoCdState.Ready : ArgoCdState.Waiting;
    }

    /// <summary>"sync Synced at 4f2c1ab, health Degraded: message", for the ledger and the error line.</summary>
    public static string Describe(string? syncStatus, string? syncedRevision, string? health, string? message) =>
        $"sync {syncStatus ?? "unknown"}" + (syncedRevision is { Length: >= 7 } r ? $" at {r[..7]}" : string.Empty) +
        $", health {health ?? "unknown"}" + (string.IsNullOrWhiteSpace(message) ? string.Empty : $": {message}");
}
