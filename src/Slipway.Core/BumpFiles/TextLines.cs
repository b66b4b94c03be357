namespace Slipway.Core.BumpFiles;

/// <summary>A file's lines with where each starts, so an edit can point at characters in the original text.</summary>
internal static class TextLines
{
    public static List<(int Start, string Text)> Split(string text)
    {
        var lines = new List<(int, string)>();
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                lines.Add((start, text[start..]));
                break;
            }

            lines.Add((start, text[start..end].TrimEnd('\r')));
            start = end + 1;
        }

        return lines;
    }

    /// <summary>The span of a quoted ("…" or '…') or plain value starting at <paramref name="at"/> in <paramref name="line"/>; plain values end at " #".</summary>
    public static (int Offset, int Length)? QuotedOrPlain(string line, int at, bool allowPlain)
    {
        while (at < line.Length && line[at] is ' ' or '\t')
        {
            at++;
        }

        if (at >= line.Length)
        {
            return null;
        }

        var quote = line[at];
        if (quote is '"' or '\'')
        {
            for (var i = at + 1; i < line.Length; i++)
            {
                if (quote == '"' && line[i] == '\\')
                {
                    i++;
                    continue;
                }

                if (line[i] == quote)
                {
                    return (at + 1, i - at - 1);
                }
            }

            return null;
        }

        if (!allowPlain || line[at] == '#')
        {
            return null;
        }

        var stop = line.IndexOf(" #", at, StringComparison.Ordinal);
        var value = (stop < 0 ? line[at..] : line[at..stop]).TrimEnd();
        return value.Length == 0 ? null : (at, value.Length);
    }
}
