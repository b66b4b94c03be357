namespace Slipway.Core.Notifications;

/// <summary>The events' names, as written in slipway.yml and in the payload.</summary>
public static class NotificationEvents
{
    /// <summary>Every event a notifier can ask for (`test` is not one: it goes to every notifier).</summary>
    public static IReadOnlyList<NotificationEvent> Subscribable { get; } =
    [
        NotificationEvent.Release, NotificationEvent.Publish, NotificationEvent.Deploy, NotificationEvent.Promote,
        NotificationEvent.Rollback, NotificationEvent.Failure, NotificationEvent.Blocked,
    ];

    public static string Name(NotificationEvent value) => value switch
    {
        NotificationEvent.Release => "release",
        NotificationEvent.Publish => "publish",
        NotificationEvent.Deploy => "deploy",
        NotificationEvent.Promote => "promote",
        NotificationEvent.Rollback => "rollback",
        NotificationEvent.Failure => "failure",
        NotificationEvent.Blocked => "blocked",
        _ => "test",
    };

    /// <summary>The subscribable event with this name, or null.</summary>
    public static NotificationEvent? Parse(string name) =>
        Subscribable.Select(e => (NotificationEvent?)e).FirstOrDefault(e => Name(e!.Value) == name);
}
