using Slipway.Core.Versioning;

namespace Slipway.Core.Deployments;

/// <summary>One line of the deployment ledger: one attempt to put a version in an environment, and how it ended.</summary>
public sealed record DeploymentRecord
{
    /// <summary>Unique per attempt, so a record re-sent after an uncertain push is never counted twice.</summary>
    public required string Id { get; init; }

    public required string Environment { get; init; }

    /// <summary>The version deployed (written without the tag prefix). Matched to another version by <see cref="SemanticVersion.Equals(SemanticVersion)"/>:
    /// the same precedence and the same build metadata, as the ledger's text always was.</summary>
    public required SemanticVersion Version { get; init; }

    public required DeploymentAction Action { get; init; }

    public required DeploymentOutcome Outcome { get; init; }

    /// <summary>When it ended, in UTC (read by the caller: Core has no clock).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>Who deployed: GITHUB_ACTOR, or the git user.</summary>
    public required string Actor { get; init; }

    /// <summary>The commit the version's tag points at, when known.</summary>
    public string? Commit { get; init; }

    /// <summary>The image digest, when known.</summary>
    public string? Digest { get; init; }

    /// <summary>Why, in the deployer's words (--reason).</summary>
    public string? Reason { get; init; }

    /// <summary>What happened, in Slipway's words (the gate that failed, Helm's error, the health check).</summary>
    public string? Detail { get; init; }

    /// <summary>The environment a promotion took the version from.</summary>
    public string? From { get; init; }

    /// <summary>The id of the GitHub deployment that mirrors this attempt, when release.github is configured and GitHub answered.</summary>
    public long? GitHubDeployment { get; init; }

    /// <summary>The requirements were bypassed with --force.</summary>
    public bool Forced { get; init; }

    /// <summary>For a canary rollout (`rollout:`) still running, or rolled back: the step it is at (or failed at).</summary>
    public Rollouts.RolloutProgress? Rollout { get; init; }

    /// <summary>How telling the notifiers (notify: in slipway.yml) about this attempt went; empty when none was due. Older lines have none.</summary>
    public IReadOnlyList<Notifications.NotificationResult> Notifications { get; init; } = [];
}
