namespace Slipway.Core.Notifications;

/// <summary>How sending one notification through one notifier ended: sent, or the problem in one line (never a secret).</summary>
public sealed record NotificationResult(string Notifier, string Event, bool Sent, string? Problem = null);
