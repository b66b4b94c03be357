using System.Text;

namespace Slipway.Cli.Output.Html;

/// <summary>
/// Data (commit messages, versions, reasons, names) made safe inside HTML text and attribute values: the five markup
/// characters become entities, and control and bidirectional-override characters become visible (\u001b), so that text
/// can neither become markup nor reorder what is shown around it.
/// </summary>
public static class HtmlText
{
    public static string Encode(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var html = new StringBuilder(text.Length + 16);
        foreach (var ch in text)
        {
            _ = ch switch
            {
                '&' => html.Append("&amp;"),
                '<' => html.Append("&lt;"),
                '>' => html.Append("&gt;"),
                '"' => html.Append("&quot;"),
                '\'' => html.Append("&#39;"),
                '\n' or '\t' => html.Append(ch),
                '\r' => html,
                _ when char.IsControl(ch) || IsBidiControl(ch) => html.Append("\\u").Append(((int)ch).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)),
                _ => html.Append(ch),
            };
        }

        return html.ToString();
    }

    /// <summary>A fragment identifier from data: letters, digits, '.', '-' and '_' kept, anything else as _XX (its code).</summary>
    public static string Id(string prefix, string text)
    {
        var id = new StringBuilder(prefix);
        foreach (var ch in text)
        {
            if (char.IsAsciiLetterOrDigit(ch) || ch is '.' or '-')
            {
                id.Append(ch);
            }
            else
            {
                id.Append('_').Append(((int)ch).ToString("x", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return id.ToString();
    }

    private static bool IsBidiControl(char ch) => ch is (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') or '\u200e' or '\u200f' or '\u061c';
}
