using System.Text;

namespace Slipway.Cli.Output;

/// <summary>Makes data (commit messages, tag names) safe to print on a terminal: control characters and escape sequences become visible, never interpreted.</summary>
public static class TextSanitizer
{
    public static string ForTerminal(string text)
    {
        StringBuilder? result = null;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (!char.IsControl(ch) || ch is '\n' or '\t')
            {
                result?.Append(ch);
                continue;
            }

            result ??= new StringBuilder(text, 0, i, text.Length + 16);
            result.Append(ch == '\r' ? string.Empty : $"\\u{(int)ch:x4}");
        }

        return result?.ToString() ?? text;
    }

    /// <summary>One line: newlines become spaces too.</summary>
    public static string OneLine(string text) => ForTerminal(text).Replace('\n', ' ').Replace('\t', ' ');
}
