using Slipway.Core.Deployments;
using Slipway.Core.Versioning;

namespace Slipway.Core.Notifications;

/// <summary>Which ledger records are announced, and as what: one notification per attempt that ended, none for the version a rollback marks bad.</summary>
public static class DeploymentAnnouncements
{
    /// <summary>The event a record announces, or null when it announces nothing of its own.</summary>
    public static NotificationEvent? EventOf(DeploymentRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return (record.Outcome, record.Action) switch
        {
            (DeploymentOutcome.Succeeded, DeploymentAction.Deploy) => NotificationEvent.Deploy,
            (DeploymentOutcome.Succeeded, DeploymentAction.Promote) => NotificationEvent.Promote,
            (DeploymentOutcome.Succeeded, DeploymentAction.Rollback) => NotificationEvent.Rollback,
            (DeploymentOutcome.Failed, _) => NotificationEvent.Failure,
            (DeploymentOutcome.Blocked, _) => NotificationEvent.Blocked,

            // A deployment that failed and was rolled back automatically: its failure (the rollback is the next record).
            (DeploymentOutcome.RolledBack, DeploymentAction.Deploy or DeploymentAction.Promote) => NotificationEvent.Failure,

            // The version `rollback` replaced, marked bad: the rollback's own record announces it (as previous).
            _ => null,
        };
    }

    /// <summary>
    /// The notifications for records appended together, in order. Previous is what ran in the environment just before each record:
    /// the records before it in <paramref name="records"/> count, so an automatic rollback's previous is the version that failed.
    /// </summary>
    public static IReadOnlyList<(DeploymentRecord Record, Notification Notification)> For(
        IReadOnlyList<DeploymentRecord> records, DeploymentHistory before, string project, Func<SemanticVersion, string> tagOf, string? runUrl)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(tagOf);
        var result = new List<(DeploymentRecord, Notification)>();
        var seen = new List<DeploymentRecord>(before.Records);
        foreach (var record in records)
        {
            var previous = new DeploymentHistory(seen).Current(record.Environment)?.Version;
            seen.Add(record);
            if (EventOf(record) is not { } kind)
            {
                continue;
            }

            result.Add((record, new Notification
            {
                Event = kind,
                Project = project,
                Version = record.Version.ToString(),
                Tag = tagOf(record.Version),
                Environment = record.Environment,
                Outcome = DeploymentNames.Of(record.Outcome),
                Previous = previous?.ToString(),
                From = record.From,
                Actor = record.Actor,
                Detail = record.Detail,
                RunUrl = runUrl,
            }));
        }

        return result;
    }
}
