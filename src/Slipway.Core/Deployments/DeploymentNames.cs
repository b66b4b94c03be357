namespace Slipway.Core.Deployments;

/// <summary>The names outcomes and actions have in the ledger and in JSON output (stable: they are stored in remotes).</summary>
public static class DeploymentNames
{
    public static string Of(DeploymentOutcome outcome) => outcome switch
    {
        DeploymentOutcome.Succeeded => "succeeded",
        DeploymentOutcome.Failed => "failed",
        DeploymentOutcome.RolledBack => "rolled_back",
        DeploymentOutcome.Blocked => "blocked",
        DeploymentOutcome.Unknown => "unknown",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome)),
    };

    public static string Of(DeploymentAction action) => action switch
    {
        DeploymentAction.Deploy => "deploy",
        DeploymentAction.Promote => "promote",
        DeploymentAction.Rollback => "rollback",
        DeploymentAction.Release => "release",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    public static DeploymentOutcome? Outcome(string? name) => name switch
    {
        "succeeded" => DeploymentOutcome.Succeeded,
        "failed" => DeploymentOutcome.Failed,
        "rolled_back" => DeploymentOutcome.RolledBack,
        "blocked" => DeploymentOutcome.Blocked,
        "unknown" => DeploymentOutcome.Unknown,
        _ => null,
    };

    public static DeploymentAction? Action(string? name) => name switch
    {
        "deploy" => DeploymentAction.Deploy,
        "promote" => DeploymentAction.Promote,
        "rollback" => DeploymentAction.Rollback,
        "release" => DeploymentAction.Release,
        _ => null,
    };
}
