namespace Slipway.Core.Notifications;

/// <summary>Where a notifier sends: a Slack incoming webhook, any HTTP endpoint (JSON payload), or email over SMTP.</summary>
public enum NotifierKind
{
    Slack,
    Webhook,
    Email,
}
