using Slipway.Core.Notifications;

namespace Slipway.Adapters.Notifications;

/// <summary>One configured notifier, ready to send (its secrets read): Slack, a webhook, or email.</summary>
public interface INotifier
{
    /// <summary>Its entry in slipway.yml: name, events, environments, timeout.</summary>
    NotifierSettings Settings { get; }

    /// <summary>Sends one notification, retrying what can be retried; a failure is a <see cref="Core.Errors.SlipwayException"/> whose message is one line without secrets.</summary>
    Task SendAsync(Notification notification, CancellationToken cancellationToken);
}
