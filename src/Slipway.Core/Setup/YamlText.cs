using System.Globalization;
using System.Text;

namespace Slipway.Core.Setup;

/// <summary>Data written into generated YAML: always a double-quoted scalar, so no value (a branch name, a path) can become YAML structure or a comment.</summary>
public static class YamlText
{
    /// <summary>A double-quoted YAML scalar for <paramref name="value"/>: quotes, backslashes, line breaks and every control or invisible separator escaped.</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var rune in value.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case < 0x20 or 0x7F or (>= 0x80 and <= 0x9F) or 0x2028 or 0x2029 or 0xFEFF or 0xFFFE or 0xFFFF:
                    text.Append("\\u").Append(rune.Value.ToString("X4", CultureInfo.InvariantCulture));
                    break;
                default:
                    text.Append(rune.ToString());
                    break;
            }
        }

        return text.Append('"').ToString();
    }

    /// <summary>Whether a value is plain enough to appear unquoted in a workflow (a path such as docker/Dockerfile): letters, digits, '.', '_', '-', '/'.</summary>
    public static bool IsPlainPath(string value) =>
        value.Length > 0 && value.Length <= 200 && !value.StartsWith('-') && !value.StartsWith('/')
        && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/')
        && !value.Split('/').Any(part => part is "" or "." or "..");
}
