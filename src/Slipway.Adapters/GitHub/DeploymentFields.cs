namespace Slipway.Adapters.GitHub;

/// <summary>The body of POST /repos/{owner}/{repo}/deployments (repos/create-deployment).</summary>
public sealed record DeploymentFields(string Ref, string Environment, string Description)
{
    /// <summary>False: Slipway deploys the tag as it is and never asks GitHub to merge anything.</summary>
    public bool AutoMerge { get; init; }

    /// <summary>Empty: the gates already ran; GitHub must not re-check commit statuses.</summary>
    public IReadOnlyList<string> RequiredContexts { get; init; } = [];

    public string Task { get; init; } = "deploy";

    /// <summary>The ledger id of the attempt, so the two records can be matched.</summary>
    public string? Payload { get; init; }

    public bool? ProductionEnvironment { get; init; }
}
