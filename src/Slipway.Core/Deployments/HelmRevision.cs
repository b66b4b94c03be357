namespace Slipway.Core.Deployments;

/// <summary>One revision of a Helm release, as `helm status -o json` (with its values) or `helm history -o json` (without) report it.</summary>
public sealed record HelmRevision
{
    public required int Revision { get; init; }

    /// <summary>Helm's status word: deployed, failed, superseded, pending-upgrade, pending-rollback, uninstalling...</summary>
    public required string Status { get; init; }

    /// <summary>NAME-VERSION of the chart, as helm history prints it.</summary>
    public string? Chart { get; init; }

    public string? AppVersion { get; init; }

    /// <summary>The value at the environment's image key (image.tag) in the revision's values; null when unknown (history has no values) or unset.</summary>
    public string? ImageTag { get; init; }

    /// <summary>Helm's last_deployed (status) or updated (history): the clock of the machine that ran helm.</summary>
    public DateTimeOffset? Deployed { get; init; }

    /// <summary>Helm's own words for the revision: "Upgrade complete", "Rollback to 5", "Install complete".</summary>
    public string Description { get; init; } = string.Empty;

    /// <summary>True when helm made this revision with `helm rollback` (its description is "Rollback to N").</summary>
    public bool IsRollback => Description.StartsWith("Rollback to", StringComparison.Ordinal);
}
