using System.Text;

namespace Slipway.Core.Notifications;

/// <summary>The words of a notification, the same in every channel: a headline, labelled facts, and the links.</summary>
/// <remarks>Plain text: each channel escapes it for its own markup (Slack mrkdwn, HTML) or sends it as a JSON string.</remarks>
public static class NotificationText
{
    /// <summary>The longest changelog excerpt a message carries; the rest is on the release's page.</summary>
    public const int ExcerptLimit = 2000;

    /// <summary>One line that says what happened, e.g. "agent-bus 1.3.0 is deployed to staging".</summary>
    public static string Headline(Notification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        var name = OneLine(n.Project);
        var version = OneLine(n.Version ?? string.Empty);
        var env = OneLine(n.Environment ?? string.Empty);
        return n.Event switch
        {
            NotificationEvent.Release => $"{name} {OneLine(n.Tag ?? version)} is released",
            NotificationEvent.Publish => $"{name} {OneLine(n.Tag ?? version)}: the GitHub release is published",
            NotificationEvent.Deploy => $"{name} {version} is deployed to {env}",
            NotificationEvent.Promote => n.From is null ? $"{name} {version} is promoted to {env}" : $"{name} {version} is promoted from {OneLine(n.From)} to {env}",
            NotificationEvent.Rollback => n.Previous is null ? $"{name}: {env} is rolled back to {version}" : $"{name}: {env} is rolled back from {OneLine(n.Previous)} to {version}",
            NotificationEvent.Failure => n.Outcome == "rolled_back"
                ? $"{name}: deploying {version} to {env} failed and was rolled back"
                : $"{name}: deploying {version} to {env} failed",
            NotificationEvent.Blocked => $"{name}: {version} was blocked from {env}",
            _ => $"{name}: a test message from slipway",
        };
    }

    /// <summary>The facts worth a glance, label and value, in the order shown; absent ones are left out.</summary>
    public static IReadOnlyList<(string Label, string Value)> Facts(Notification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        var facts = new List<(string, string)>();
        void Add(string label, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                facts.Add((label, OneLine(value)));
            }
        }

        Add("Version", n.Version);
        Add("Environment", n.Environment);
        Add("Outcome", n.Outcome.Replace('_', ' '));
        Add("Previous", n.Previous);
        Add("From", n.From);
        Add("By", n.Actor);
        return facts;
    }

    /// <summary>The links: the release's page and the CI run, when known.</summary>
    public static IReadOnlyList<(string Label, string Url)> Links(Notification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        var links = new List<(string, string)>();
        if (n.Url is { Length: > 0 } url)
        {
            links.Add(("Release", url));
        }

        if (n.RunUrl is { Length: > 0 } run)
        {
            links.Add(("Workflow run", run));
        }

        return links;
    }

    /// <summary>The changelog cut to <see cref="ExcerptLimit"/> characters at a line end, with "…" when cut; null when there is none.</summary>
    public static string? Excerpt(string? changelog)
    {
        if (string.IsNullOrWhiteSpace(changelog))
        {
            return null;
        }

        var text = changelog.Replace("\r\n", "\n", StringComparison.Ordinal).Trim('\n');
        if (text.Length <= ExcerptLimit)
        {
            return text;
        }

        var cut = text.LastIndexOf('\n', ExcerptLimit - 1);
        return text[..(cut > 0 ? cut : ExcerptLimit)] + "\n…";
    }

    /// <summary>The whole message as plain text: what email's text part and a template-less webhook `text` say.</summary>
    public static string Plain(Notification n)
    {
        ArgumentNullException.ThrowIfNull(n);
        var text = new StringBuilder(Headline(n)).Append("\n\n");
        foreach (var (label, value) in Facts(n))
        {
            text.Append(label).Append(": ").Append(value).Append('\n');
        }

        if (n.Detail is { Length: > 0 } detail)
        {
            text.Append('\n').Append(detail.Trim()).Append('\n');
        }

        if (Excerpt(n.Changelog) is { } excerpt)
        {
            text.Append('\n').Append(excerpt).Append('\n');
        }

        foreach (var (label, url) in Links(n))
        {
            text.Append('\n').Append(label).Append(": ").Append(url);
        }

        return text.ToString().TrimEnd('\n') + "\n";
    }

    /// <summary>Control characters (a newline in a name) become spaces: a headline or a fact is one line.</summary>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
    }
}
