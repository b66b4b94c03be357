namespace Slipway.Core.Notifications;

/// <summary>One entry of `notify:` in slipway.yml: a named notifier, the events and environments it wants, and where it sends.</summary>
public sealed record NotifierSettings
{
    public required string Name { get; init; }

    public required NotifierKind Kind { get; init; }

    /// <summary>The events it is told about (all when not configured).</summary>
    public IReadOnlyList<NotificationEvent> Events { get; init; } = NotificationEvents.Subscribable;

    /// <summary>The environments whose deployment events it is told about; null for all. Release and publish events have no environment and always pass.</summary>
    public IReadOnlyList<string>? Environments { get; init; }

    /// <summary>A Liquid template (path relative to the repository) for the message text, or null for Slipway's.</summary>
    public string? Template { get; init; }

    /// <summary>The webhook URL (slack, webhook): a credential, so only its environment variable is in the file.</summary>
    public SecretReference? Url { get; init; }

    /// <summary>The HMAC-SHA256 signing key of a webhook (X-Slipway-Signature), when set.</summary>
    public SecretReference? SigningKey { get; init; }

    public SmtpSettings? Smtp { get; init; }

    public string? From { get; init; }

    public IReadOnlyList<string> To { get; init; } = [];

    /// <summary>How long the notifier may take, retries included, before it counts as failed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether this notifier is told about <paramref name="notification"/>: its event is wanted and, for a deployment, its environment.</summary>
    public bool Wants(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        if (notification.Event == NotificationEvent.Test)
        {
            return true;
        }

        return Events.Contains(notification.Event)
            && (notification.Environment is null || Environments is null || Environments.Contains(notification.Environment, StringComparer.Ordinal));
    }
}
