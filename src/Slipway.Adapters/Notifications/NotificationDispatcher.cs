using Slipway.Core.Errors;
using Slipway.Core.Notifications;

namespace Slipway.Adapters.Notifications;

/// <summary>Sends a notification to every notifier that wants it, all at once, each within its timeout; never throws for a notifier's failure.</summary>
public sealed class NotificationDispatcher(IReadOnlyList<INotifier> notifiers)
{
    public IReadOnlyList<INotifier> Notifiers { get; } = notifiers;

    /// <summary>The notifiers this notification goes to.</summary>
    public IReadOnlyList<INotifier> For(Notification notification) => [.. Notifiers.Where(n => n.Settings.Wants(notification))];

    /// <summary>One result per notifier that wanted it, in configuration order: sent, or the problem in one line.</summary>
    public async Task<IReadOnlyList<NotificationResult>> SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return await Task.WhenAll(For(notification).Select(n => SendOneAsync(n, notification, cancellationToken))).ConfigureAwait(false);
    }

    private static async Task<NotificationResult> SendOneAsync(INotifier notifier, Notification notification, CancellationToken cancellationToken)
    {
        var name = notifier.Settings.Name;
        var kind = NotificationEvents.Name(notification.Event);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(notifier.Settings.Timeout);
        try
        {
            await Task.Run(() => notifier.SendAsync(notification, deadline.Token), deadline.Token).ConfigureAwait(false);
            return new NotificationResult(name, kind, Sent: true);
        }
        catch (SlipwayException e)
        {
            return new NotificationResult(name, kind, Sent: false, SlipwayError.Flatten(e.Error.Message));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new NotificationResult(name, kind, Sent: false, $"no answer within {Seconds(notifier.Settings.Timeout)}");
        }
        catch (OperationCanceledException)
        {
            return new NotificationResult(name, kind, Sent: false, "cancelled");
        }
        catch (Polly.Timeout.TimeoutRejectedException)
        {
            return new NotificationResult(name, kind, Sent: false, $"no answer within {Seconds(notifier.Settings.Timeout)}");
        }
    }

    private static string Seconds(TimeSpan timeout) =>
        timeout.TotalSeconds >= 1 ? $"{timeout.TotalSeconds:0.#} s" : $"{timeout.TotalMilliseconds:0} ms";
}
