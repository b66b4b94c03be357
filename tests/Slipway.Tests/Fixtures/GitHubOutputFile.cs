namespace Slipway.Tests.Fixtures;

/// <summary>Reads a $GITHUB_OUTPUT file the way the GitHub Actions runner does: `name=value` lines and `name&lt;&lt;DELIMITER` blocks closed by a line equal to the delimiter.</summary>
public static class GitHubOutputFile
{
    /// <summary>Every output in file order (a key may repeat; the runner keeps the last); throws where the runner would fail the step.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string text)
    {
        var outputs = new List<KeyValuePair<string, string>>();
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var heredoc = line.IndexOf("<<", StringComparison.Ordinal);
            if (equals >= 0 && (heredoc < 0 || equals < heredoc))
            {
                outputs.Add(new(line[..equals], line[(equals + 1)..]));
                continue;
            }

            if (heredoc <= 0)
            {
                throw new FormatException($"line {i + 1} is neither name=value nor name<<DELIMITER: '{line}'");
            }

            var name = line[..heredoc];
            var delimiter = line[(heredoc + 2)..];
            var value = new List<string>();
            for (i++; ; i++)
            {
                if (i >= lines.Length)
                {
                    throw new FormatException($"output '{name}': delimiter '{delimiter}' never closes");
                }

                if (lines[i] == delimiter)
                {
                    break;
                }

                value.Add(lines[i]);
            }

            outputs.Add(new(name, string.Join('\n', value)));
        }

        return outputs;
    }
}
