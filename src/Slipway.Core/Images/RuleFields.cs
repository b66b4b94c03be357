using Slipway.Core.Errors;

namespace Slipway.Core.Images;

/// <summary>Splits one rule line into comma-separated fields the way metadata-action's CSV parser does (double quotes protect commas).</summary>
internal static class RuleFields
{
    public static IReadOnlyList<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"' && current.ToString().Trim().Length == 0)
            {
                current.Clear();
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        if (quoted)
        {
            throw new SlipwayException(SlipwayError.Usage($"image tag rule '{line}' has an unclosed double quote", "close the quote, e.g. \"pattern=\\d.\\d\""));
        }

        fields.Add(current.ToString());
        return fields;
    }

    /// <summary>Splits a field at its first '=' (a value may contain more), both sides trimmed; the key is null when there is no '='.</summary>
    public static (string? Key, string Value) KeyValue(string field)
    {
        var equals = field.IndexOf('=', StringComparison.Ordinal);
        return equals <= 0
            ? (null, field.Trim())
            : (field[..equals].Trim().ToLowerInvariant(), field[(equals + 1)..].Trim());
    }

    /// <summary>The lines of a multi-line input: trimmed, blank lines and `#` comments skipped.</summary>
    public static IEnumerable<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));
}
