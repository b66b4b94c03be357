using System.Text;

namespace Slipway.Core.Ci;

/// <summary>Text from git or the user (tag names, environment names, error messages) placed in Markdown as text: nothing in it is markup, and it stays on one line.</summary>
/// <remarks>Only for text inside a line (after "- ", in a table cell): what matters at a line's start (#, 1., -) never is there.</remarks>
public static class MarkdownText
{
    /// <summary>Backslash-escapes the punctuation that starts inline markup (emphasis, code, links, images, table cells, strike-through), writes &lt; &gt; &amp; as entities (no HTML), and turns line breaks and control characters into spaces.</summary>
    public static string Inline(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<':
                    result.Append("&lt;");
                    break;
                case '>':
                    result.Append("&gt;");
                    break;
                case '&':
                    result.Append("&amp;");
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '!' or '|' or '~':
                    result.Append('\\').Append(c);
                    break;
                default:
                    result.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return result.ToString();
    }
}
