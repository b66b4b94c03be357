using System.Text;
using Slipway.Core.Notifications;
using Slipway.Core.Security;

namespace Slipway.Adapters.Notifications;

/// <summary>Any HTTP endpoint: the versioned JSON payload of <see cref="WebhookPayload"/>, signed when a key is configured.</summary>
public sealed class WebhookNotifier(NotifierSettings settings, Secret url, Secret? signingKey, NotificationTemplate? template, HttpMessageHandler handler)
    : HttpNotifier(settings, url, handler)
{
    protected override byte[] Body(Notification notification) => WebhookPayload.Json(notification, template);

    protected override IEnumerable<(string Name, string Value)> Headers(Notification notification, byte[] body)
    {
        yield return ("X-Slipway-Event", NotificationEvents.Name(notification.Event));
        if (signingKey is not null)
        {
            yield return (WebhookPayload.SignatureHeader, WebhookPayload.Signature(body, Encoding.UTF8.GetBytes(signingKey.Reveal())));
        }
    }
}
