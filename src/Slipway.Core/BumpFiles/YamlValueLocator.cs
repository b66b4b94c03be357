namespace Slipway.Core.BumpFiles;

/// <summary>Finds a scalar by dotted key in block-style YAML (Helm's Chart.yaml: `version`, `appVersion`), plain or quoted.</summary>
internal static class YamlValueLocator
{
    public static ValueSpan? Find(string text, string key)
    {
        var path = key.Split('.');
        var depth = 0;
        var parentIndent = -1;
        var childIndent = 0;
        foreach (var (start, line) in TextLines.Split(text))
        {
            var trimmed = line.TrimStart(' ');
            if (trimmed.Length == 0 || trimmed.StartsWith('#') || trimmed.StartsWith("---", StringComparison.Ordinal) || trimmed.StartsWith("...", StringComparison.Ordinal))
            {
                continue;
            }

            var indent = line.Length - trimmed.Length;
            if (depth > 0 && indent <= parentIndent)
            {
                return null; // left the parent's block without finding the key
            }

            if (childIndent < 0)
            {
                childIndent = indent;
            }

            if (indent != childIndent)
            {
                continue;
            }

            var colon = KeyEnd(trimmed, path[depth]);
            if (colon < 0)
            {
                continue;
            }

            if (depth == path.Length - 1)
            {
                return TextLines.QuotedOrPlain(line, indent + colon + 1, allowPlain: true) is { } v && !IsBlockIndicator(line, v)
                    ? new ValueSpan(start + v.Offset, v.Length)
                    : null;
            }

            depth++;
            parentIndent = indent;
            childIndent = -1;
        }

        return null;
    }

    /// <summary>The index of the ':' after `name` (plain or quoted) at the start of the line, or -1.</summary>
    private static int KeyEnd(string trimmed, string name)
    {
        foreach (var form in new[] { name, $"\"{name}\"", $"'{name}'" })
        {
            if (!trimmed.StartsWith(form, StringComparison.Ordinal))
            {
                continue;
            }

            var at = form.Length;
            while (at < trimmed.Length && trimmed[at] is ' ' or '\t')
            {
                at++;
            }

            if (at < trimmed.Length && trimmed[at] == ':' && (at + 1 == trimmed.Length || trimmed[at + 1] is ' ' or '\t'))
            {
                return at;
            }
        }

        return -1;
    }

    private static bool IsBlockIndicator(string line, (int Offset, int Length) value) =>
        value.Offset > 0 && line[value.Offset - 1] is not '"' and not '\'' && line[value.Offset] is '|' or '>' or '&' or '*' or '{' or '[';
}
