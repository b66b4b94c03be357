using System.Net;
using System.Text;

namespace Slipway.Core.Notifications;

/// <summary>An email's subject and its two parts: plain text, and HTML in which every value is HTML-encoded.</summary>
public sealed record EmailMessage(string Subject, string Text, string Html)
{
    public static EmailMessage For(Notification n, NotificationTemplate? template = null)
    {
        ArgumentNullException.ThrowIfNull(n);
        var subject = NotificationText.Headline(n);
        if (template is not null)
        {
            var text = template.Render(n, value => value);
            return new EmailMessage(subject, text, Page(subject, $"<pre>{Encode(text)}</pre>\n"));
        }

        var html = new StringBuilder();
        html.Append("<h2>").Append(Encode(subject)).Append("</h2>\n<table>\n");
        foreach (var (label, value) in NotificationText.Facts(n))
        {
            html.Append("<tr><th align=\"left\">").Append(Encode(label)).Append("</th><td>").Append(Encode(value)).Append("</td></tr>\n");
        }

        html.Append("</table>\n");
        if (n.Detail is { Length: > 0 } detail)
        {
            html.Append("<p>").Append(Encode(detail.Trim())).Append("</p>\n");
        }

        if (NotificationText.Excerpt(n.Changelog) is { } excerpt)
        {
            html.Append("<pre>").Append(Encode(excerpt)).Append("</pre>\n");
        }

        var links = NotificationText.Links(n);
        if (links.Count > 0)
        {
            html.Append("<p>")
                .Append(string.Join(" · ", links.Select(l => $"<a href=\"{Encode(l.Url)}\">{Encode(l.Label)}</a>")))
                .Append("</p>\n");
        }

        return new EmailMessage(subject, NotificationText.Plain(n), Page(subject, html.ToString()));
    }

    /// <summary>HTML-encoded text (&amp; &lt; &gt; " '), safe in an element and in a quoted attribute.</summary>
    public static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Page(string subject, string body) =>
        $"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{Encode(subject)}</title></head><body>\n{body}</body></html>\n";
}
