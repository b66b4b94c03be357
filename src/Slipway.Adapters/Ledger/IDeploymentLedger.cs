using Slipway.Core.Deployments;

namespace Slipway.Adapters.Ledger;

/// <summary>The shared, append-only record of deployment attempts.</summary>
public interface IDeploymentLedger
{
    /// <summary>Fetches the ledger from the remote and reads it.</summary>
    Task<LedgerSnapshot> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Appends records (with any pending ones) so that concurrent writers never lose one; on a refusal they are kept locally and the error says so.</summary>
    Task AppendAsync(IReadOnlyList<DeploymentRecord> records, CancellationToken cancellationToken);

    /// <summary>Appends an attempt's first line, written before the cluster is touched: losing it to a kill while it is sent loses
    /// nothing (the cluster was not touched yet), so it is kept in the clone only when the remote refuses it.</summary>
    Task AppendStartAsync(IReadOnlyList<DeploymentRecord> records, CancellationToken cancellationToken);
}
