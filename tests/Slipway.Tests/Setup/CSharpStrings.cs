using System.Text;

namespace Slipway.Tests.Setup;

/// <summary>The non-interpolated string literals of C# source ("...", @"...", """..."""), decoded, so tests can find the configurations other tests write.</summary>
public static class CSharpStrings
{
    public static IEnumerable<string> In(string source)
    {
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '/' && i + 1 < source.Length && source[i + 1] == '/')
            {
                i = source.IndexOf('\n', i) is var end and >= 0 ? end : source.Length;
                continue;
            }

            if (c == '\'')
            {
                // A char literal: skip it whole ('"' must not open a string).
                i = source[i + 1] == '\\' ? source.IndexOf('\'', i + 3) + 1 : i + 3;
                continue;
            }

            if (c != '"')
            {
                i++;
                continue;
            }

            var interpolated = i > 0 && (source[i - 1] == '$' || (i > 1 && source[i - 1] == '@' && source[i - 2] == '$') || (source[i - 1] == '$'));
            var dollars = 0;
            while (i - 1 - dollars >= 0 && source[i - 1 - dollars] == '$')
            {
                dollars++;
            }

            interpolated |= dollars > 0;
            var quotes = 0;
            while (i + quotes < source.Length && source[i + quotes] == '"')
            {
                quotes++;
            }

            if (quotes >= 3)
            {
                var close = source.IndexOf(new string('"', quotes), i + quotes, StringComparison.Ordinal);
                var raw = source[(i + quotes)..close];
                i = close + quotes;
                if (!interpolated)
                {
                    yield return Raw(raw);
                }

                continue;
            }

            if (quotes == 2)
            {
                i += 2; // ""
                continue;
            }

            var verbatim = i > 0 && source[i - 1] == '@';
            var text = new StringBuilder();
            i++;
            while (i < source.Length)
            {
                var ch = source[i];
                if (verbatim && ch == '"' && i + 1 < source.Length && source[i + 1] == '"')
                {
                    text.Append('"');
                    i += 2;
                }
                else if (ch == '"')
                {
                    i++;
                    break;
                }
                else if (!verbatim && ch == '\\')
                {
                    var next = source[i + 1];
                    text.Append(next switch
                    {
                        'n' => "\n",
                        't' => "\t",
                        'r' => "\r",
                        '0' => "\0",
                        '\\' => "\\",
                        '"' => "\"",
                        '\'' => "'",
                        'u' => ((char)Convert.ToInt32(source.Substring(i + 2, 4), 16)).ToString(),
                        _ => next.ToString(),
                    });
                    i += next == 'u' ? 6 : 2;
                }
                else
                {
                    text.Append(ch);
                    i++;
                }
            }

            if (!interpolated)
            {
                yield return text.ToString();
            }
        }
    }

    /// <summary>A raw literal's content: the lines between the quotes, less the closing line's indentation.</summary>
    private static string Raw(string content)
    {
        if (!content.Contains('\n', StringComparison.Ordinal))
        {
            return content;
        }

        var lines = content.Split('\n');
        var indent = lines[^1].Length;
        return string.Join('\n', lines[1..^1].Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }
}
