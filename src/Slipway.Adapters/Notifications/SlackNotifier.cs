using Slipway.Core.Notifications;
using Slipway.Core.Security;

namespace Slipway.Adapters.Notifications;

/// <summary>A Slack incoming webhook: the Block Kit message of <see cref="SlackMessage"/>.</summary>
public sealed class SlackNotifier(NotifierSettings settings, Secret url, NotificationTemplate? template, HttpMessageHandler handler)
    : HttpNotifier(settings, url, handler)
{
    protected override byte[] Body(Notification notification) => SlackMessage.Json(notification, template);
}
