using Slipway.Adapters.Ledger;
using Slipway.Core.Deployments;
using Slipway.Core.Notifications;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Notifying;

/// <summary>
/// The ledger of deploy, promote and rollback: each attempt that ended is announced to the notifiers as its record is appended,
/// and the record carries how that went (`notifications`), so a failed notification is in the ledger as well as in the warning.
/// </summary>
/// <remarks>
/// The outcome is final when the record is appended (helm ran, the health check answered): the notifications go out then,
/// and the line is written with their results. The history read through this ledger gives each message its previous version.
/// </remarks>
public sealed class NotifyingLedger(IDeploymentLedger inner, CommandNotifications notifications, TagNaming naming) : IDeploymentLedger
{
    private IReadOnlyList<DeploymentRecord> _seen = [];

    public async Task<LedgerSnapshot> ReadAsync(CancellationToken cancellationToken)
    {
        var snapshot = await inner.ReadAsync(cancellationToken).ConfigureAwait(false);
        _seen = snapshot.History().Records;
        return snapshot;
    }

    public async Task AppendAsync(IReadOnlyList<DeploymentRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        // What ran before: the history without these attempts' own first lines (written `unknown` when helm started).
        var before = new DeploymentHistory([.. _seen.Where(seen => !records.Any(r => r.Id == seen.Id))]);
        var announced = DeploymentAnnouncements.For(records, before, notifications.Project,
            naming.TagFor, notifications.RunUrl);
        var results = new Dictionary<DeploymentRecord, IReadOnlyList<NotificationResult>>(ReferenceEqualityComparer.Instance);
        var sent = await Task.WhenAll(announced.Select(a => notifications.SendAsync(a.Notification, cancellationToken))).ConfigureAwait(false);
        for (var i = 0; i < announced.Count; i++)
        {
            results[announced[i].Record] = sent[i];
        }

        var written = records.Select(r => results.TryGetValue(r, out var list) && list.Count > 0 ? r with { Notifications = list } : r).ToList();
        await inner.AppendAsync(written, cancellationToken).ConfigureAwait(false);
        _seen = [.. _seen, .. written];
    }

    /// <summary>An attempt's first line (outcome unknown, before helm) announces nothing: the attempt has not ended.</summary>
    public async Task AppendStartAsync(IReadOnlyList<DeploymentRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        await inner.AppendStartAsync(records, cancellationToken).ConfigureAwait(false);
        _seen = [.. _seen, .. records];
    }
}
