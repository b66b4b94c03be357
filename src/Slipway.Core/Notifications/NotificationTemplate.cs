using Slipway.Core.Changelog.Templates;

namespace Slipway.Core.Notifications;

/// <summary>A notifier's own message text, a Liquid template over the notification's fields (the same engine as release notes).</summary>
/// <remarks>
/// Variables (strings, nil when absent): event, project, version, tag, environment, outcome, previous, from, actor, detail, url,
/// run_url, changelog (the excerpt), headline. Values are data: escaped for the channel before Liquid sees them (Slack mrkdwn's
/// &amp; &lt; &gt;), never parsed as Liquid, so `{{ }}` in a commit message stays text.
/// </remarks>
public sealed class NotificationTemplate(LiquidTemplate template)
{
    /// <summary>A notification with every field set, rendered once when the template is loaded: a typo is an error before anything happens.</summary>
    public static Notification Sample { get; } = new()
    {
        Event = NotificationEvent.Deploy,
        Project = "project",
        Version = "1.0.0",
        Tag = "v1.0.0",
        Environment = "staging",
        Outcome = "succeeded",
        Previous = "0.9.0",
        From = "dev",
        Actor = "someone",
        Detail = "detail",
        Url = "https://example.com/release",
        RunUrl = "https://example.com/run",
        Changelog = "- feat: a change",
    };

    public string Name => template.Name;

    public static NotificationTemplate Parse(string source, string file)
    {
        var parsed = new NotificationTemplate(LiquidTemplate.Parse(source, file));
        _ = parsed.Render(Sample, text => text);
        return parsed;
    }

    /// <summary>The message text, each value passed through <paramref name="escape"/> first.</summary>
    public string Render(Notification n, Func<string, string> escape)
    {
        ArgumentNullException.ThrowIfNull(n);
        ArgumentNullException.ThrowIfNull(escape);
        string? Value(string? text) => text is null ? null : escape(text);
        return template.Render(new Dictionary<string, string?>
        {
            ["event"] = Value(NotificationEvents.Name(n.Event)),
            ["project"] = Value(n.Project),
            ["version"] = Value(n.Version),
            ["tag"] = Value(n.Tag),
            ["environment"] = Value(n.Environment),
            ["outcome"] = Value(n.Outcome),
            ["previous"] = Value(n.Previous),
            ["from"] = Value(n.From),
            ["actor"] = Value(n.Actor),
            ["detail"] = Value(n.Detail),
            ["url"] = Value(n.Url),
            ["run_url"] = Value(n.RunUrl),
            ["changelog"] = Value(NotificationText.Excerpt(n.Changelog)),
            ["headline"] = Value(NotificationText.Headline(n)),
        });
    }
}
