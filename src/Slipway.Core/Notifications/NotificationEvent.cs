namespace Slipway.Core.Notifications;

/// <summary>What a notification announces; its name (<see cref="NotificationEvents.Name"/>) is the `event` of the payload and a word in `events:`.</summary>
public enum NotificationEvent
{
    /// <summary>`release` pushed a new tag.</summary>
    Release,

    /// <summary>`release` published the tag's GitHub release.</summary>
    Publish,

    /// <summary>`deploy` put a version in an environment.</summary>
    Deploy,

    /// <summary>`promote` took a version from one environment to the next.</summary>
    Promote,

    /// <summary>`rollback` (or an automatic rollback) put an earlier version back.</summary>
    Rollback,

    /// <summary>A deployment failed (helm or the health check).</summary>
    Failure,

    /// <summary>A gate or a requirement stopped a deployment before helm ran.</summary>
    Blocked,

    /// <summary>`slipway notify test`: sent to every notifier whatever its events.</summary>
    Test,
}
