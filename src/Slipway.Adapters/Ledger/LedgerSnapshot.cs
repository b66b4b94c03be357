using Slipway.Core.Deployments;

namespace Slipway.Adapters.Ledger;

/// <summary>The ledger as the remote holds it, plus the records this clone could not push yet.</summary>
public sealed record LedgerSnapshot(IReadOnlyList<DeploymentRecord> Records, IReadOnlyList<DeploymentRecord> Pending)
{
    /// <summary>The remote's records followed by the pending ones: what the history will be once they are pushed.</summary>
    public DeploymentHistory History()
    {
        var lines = Records.Select(LedgerJson.Key).ToHashSet(StringComparer.Ordinal);
        return new DeploymentHistory([.. Records, .. Pending.Where(p => !lines.Contains(LedgerJson.Key(p)))]);
    }
}
