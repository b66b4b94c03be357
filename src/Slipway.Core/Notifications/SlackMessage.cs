using System.Text;
using System.Text.Json;

namespace Slipway.Core.Notifications;

/// <summary>A Slack incoming-webhook message: Block Kit blocks (header, facts, detail, changelog, links) and the fallback text.</summary>
/// <remarks>Every value is escaped for mrkdwn (&amp; &lt; &gt;, as Slack asks), so a commit message cannot mention
/// @channel, make a link or close a tag; Slack's own limits are kept (a header is 150 characters, a section 3000).</remarks>
public static class SlackMessage
{
    private const int HeaderLimit = 150;
    private const int SectionLimit = 3000;

    /// <summary>The JSON body to POST.</summary>
    public static byte[] Json(Notification n, NotificationTemplate? template = null)
    {
        ArgumentNullException.ThrowIfNull(n);
        var headline = NotificationText.Headline(n);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("text", Escape(headline));
            json.WriteStartArray("blocks");

            json.WriteStartObject();
            json.WriteString("type", "header");
            PlainText(json, "text", Cut(headline, HeaderLimit));
            json.WriteEndObject();

            if (template is not null)
            {
                Section(json, template.Render(n, Escape));
            }
            else
            {
                var facts = NotificationText.Facts(n);
                if (facts.Count > 0)
                {
                    json.WriteStartObject();
                    json.WriteString("type", "section");
                    json.WriteStartArray("fields");
                    foreach (var (label, value) in facts)
                    {
                        Mrkdwn(json, $"*{label}*\n{Escape(value)}");
                    }

                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                if (n.Detail is { Length: > 0 } detail)
                {
                    Section(json, Escape(detail.Trim()));
                }

                if (NotificationText.Excerpt(n.Changelog) is { } excerpt)
                {
                    Section(json, Escape(excerpt));
                }
            }

            var links = NotificationText.Links(n);
            if (links.Count > 0)
            {
                json.WriteStartObject();
                json.WriteString("type", "context");
                json.WriteStartArray("elements");
                Mrkdwn(json, string.Join(" · ", links.Select(l => $"<{Escape(l.Url)}|{Escape(l.Label)}>")));
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>Text as mrkdwn shows it: &amp;, &lt; and &gt; become entities, the three characters Slack reads as markup.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            result.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => c.ToString(),
            });
        }

        return result.ToString();
    }

    private static void Section(Utf8JsonWriter json, string mrkdwn)
    {
        if (string.IsNullOrWhiteSpace(mrkdwn))
        {
            return;
        }

        json.WriteStartObject();
        json.WriteString("type", "section");
        json.WritePropertyName("text");
        json.WriteStartObject();
        json.WriteString("type", "mrkdwn");
        json.WriteString("text", CutEscaped(mrkdwn.Trim(), SectionLimit));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Mrkdwn(Utf8JsonWriter json, string text)
    {
        json.WriteStartObject();
        json.WriteString("type", "mrkdwn");
        json.WriteString("text", CutEscaped(text, SectionLimit));
        json.WriteEndObject();
    }

    private static void PlainText(Utf8JsonWriter json, string name, string text)
    {
        json.WritePropertyName(name);
        json.WriteStartObject();
        json.WriteString("type", "plain_text");
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    private static string Cut(string text, int limit) => text.Length <= limit ? text : text[..(limit - 1)] + "…";

    // Cut before an entity that would be split (&am…), so the cut text is still valid mrkdwn.
    private static string CutEscaped(string text, int limit)
    {
        if (text.Length <= limit)
        {
            return text;
        }

        var end = limit - 1;
        var amp = text.LastIndexOf('&', end - 1, Math.Min(5, end));
        if (amp >= 0 && text.IndexOf(';', amp) >= end)
        {
            end = amp;
        }

        return text[..end] + "…";
    }
}
