using Slipway.Core.Deployments;

namespace Slipway.Adapters.Ledger;

/// <summary>The shared, append-only record of deployment attempts.</summary>
public interface IDeploymentLedger
{
    /// <summary>Fetches the ledger from the remote and reads it.</summary>
    Task<LedgerSnapshot> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Appends records (with any pending ones) so that concurrent writers never lose one; on a refusal they are kept locally and the error says so.</summary>
    Task AppendAsync(IReadOnlyList<DeploymentRecord> records, CancellationToken cancellationToken);
}
