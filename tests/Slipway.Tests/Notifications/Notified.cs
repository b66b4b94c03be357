using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Notifications;

/// <summary>The notify: entries and environment the CLI tests share: a Slack-shaped listener, a signed webhook, an SMTP server.</summary>
public static class Notified
{
    public const string SigningKey = "It's a Secret to Everybody";

    public static string Slack(string name = "team-slack", string? extra = null) =>
        $"  - name: {name}\n    kind: slack\n    url_env: SLACK_URL\n" + (extra ?? string.Empty);

    public static string Webhook(string name = "ops-hook", string? extra = null) =>
        $"  - name: {name}\n    kind: webhook\n    url_env: HOOK_URL\n    secret_env: HOOK_KEY\n" + (extra ?? string.Empty);

    public static Dictionary<string, string?> Environment(WebhookListener? slack = null, string? hookUrl = null, SmtpServer? smtp = null)
    {
        var environment = new Dictionary<string, string?>();
        if (slack is not null)
        {
            environment["SLACK_URL"] = slack.Url;
        }

        if (hookUrl is not null)
        {
            environment["HOOK_URL"] = hookUrl;
            environment["HOOK_KEY"] = SigningKey;
        }

        if (smtp is not null)
        {
            environment["SMTP_PASSWORD"] = SmtpServer.Password;
        }

        return environment;
    }

    /// <summary>The Slack message's fallback text (its headline, mrkdwn-escaped).</summary>
    public static string Headline(WebhookRequest request) => request.Json.GetProperty("text").GetString()!;

    /// <summary>Every mrkdwn text of a Slack message, in block order.</summary>
    public static IReadOnlyList<string> Mrkdwn(WebhookRequest request)
    {
        var texts = new List<string>();
        foreach (var block in request.Json.GetProperty("blocks").EnumerateArray())
        {
            if (block.TryGetProperty("text", out var text) && text.GetProperty("type").GetString() == "mrkdwn")
            {
                texts.Add(text.GetProperty("text").GetString()!);
            }

            foreach (var list in new[] { "fields", "elements" })
            {
                if (block.TryGetProperty(list, out var items))
                {
                    texts.AddRange(items.EnumerateArray().Select(i => i.GetProperty("text").GetString()!));
                }
            }
        }

        return texts;
    }

    /// <summary>Lines of stderr that are warnings.</summary>
    public static IReadOnlyList<string> Warnings(RunResult result) =>
        [.. result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("slipway: warning:", StringComparison.Ordinal))];
}
