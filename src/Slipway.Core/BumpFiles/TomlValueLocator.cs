namespace Slipway.Core.BumpFiles;

/// <summary>Finds a string value by dotted key in TOML (`project.version` is `version` under `[project]`), inside its quotes.</summary>
internal static class TomlValueLocator
{
    public static ValueSpan? Find(string text, string key)
    {
        var table = string.Empty;
        var inMultiline = false;
        foreach (var (start, line) in TextLines.Split(text))
        {
            // Lines inside a multi-line string are data, not keys or tables.
            var triple = Count(line, "\"\"\"") + Count(line, "'''");
            if (inMultiline)
            {
                inMultiline = triple % 2 == 0;
                continue;
            }

            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("[[", StringComparison.Ordinal))
            {
                table = "\0"; // an array of tables: its keys are not addressable by a dotted key
                continue;
            }

            if (trimmed.StartsWith('['))
            {
                var close = trimmed.IndexOf(']', StringComparison.Ordinal);
                table = close < 0 ? "\0" : NormaliseKey(trimmed[1..close]);
                continue;
            }

            var equals = trimmed.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            var lineKey = NormaliseKey(trimmed[..equals]);
            var fullKey = table.Length == 0 ? lineKey : table + "." + lineKey;
            if (fullKey == key)
            {
                var valueAt = line.Length - trimmed.Length + equals + 1;
                if (line.AsSpan(valueAt).TrimStart().StartsWith("\"\"\"") || line.AsSpan(valueAt).TrimStart().StartsWith("'''"))
                {
                    return null;
                }

                return TextLines.QuotedOrPlain(line, valueAt, allowPlain: false) is { } v ? new ValueSpan(start + v.Offset, v.Length) : null;
            }

            inMultiline = triple % 2 == 1;
        }

        return null;
    }

    // `"project" . version` and `project.version` are the same key.
    private static string NormaliseKey(string key) =>
        string.Join('.', key.Split('.').Select(part => part.Trim().Trim('"', '\'')));

    private static int Count(string line, string what)
    {
        var count = 0;
        for (var at = line.IndexOf(what, StringComparison.Ordinal); at >= 0; at = line.IndexOf(what, at + what.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
