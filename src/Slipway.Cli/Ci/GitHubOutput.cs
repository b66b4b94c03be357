using System.Text;

namespace Slipway.Cli.Ci;

/// <summary>Step outputs in $GITHUB_OUTPUT's multi-line form, `name&lt;&lt;DELIMITER`, with a random delimiter that the value does not contain, so no value can close it early and add keys.</summary>
public static class GitHubOutput
{
    /// <summary>The text for the outputs, in order.</summary>
    public static string Format(IEnumerable<KeyValuePair<string, string>> outputs, Func<string>? newDelimiter = null)
    {
        newDelimiter ??= () => $"ghadelimiter_{Guid.NewGuid()}";
        var text = new StringBuilder();
        foreach (var (name, value) in outputs)
        {
            var delimiter = newDelimiter();
            while (value.Contains(delimiter, StringComparison.Ordinal) || name.Contains(delimiter, StringComparison.Ordinal))
            {
                delimiter = newDelimiter();
            }

            text.Append(name).Append("<<").Append(delimiter).Append('\n')
                .Append(value).Append('\n')
                .Append(delimiter).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Appends the outputs to the file, all or nothing: the old content plus ours goes to a temporary file beside it, renamed over it.</summary>
    public static async Task AppendAsync(string path, IEnumerable<KeyValuePair<string, string>> outputs, CancellationToken cancellationToken)
    {
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : string.Empty;
        if (existing.Length > 0 && !existing.EndsWith('\n'))
        {
            existing += "\n";
        }

        var temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, existing + Format(outputs), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
