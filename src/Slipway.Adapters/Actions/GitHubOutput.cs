using System.Text;
using Slipway.Adapters.Files;

namespace Slipway.Adapters.Actions;

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

    /// <summary>Appends the outputs to the file, all or nothing: the old content plus ours, written atomically.</summary>
    public static async Task AppendAsync(string path, IEnumerable<KeyValuePair<string, string>> outputs, CancellationToken cancellationToken)
    {
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : string.Empty;
        if (existing.Length > 0 && !existing.EndsWith('\n'))
        {
            existing += "\n";
        }

        await AtomicFile.WriteAsync(path, new TextFile(existing + Format(outputs), Utf8Bom: false), cancellationToken).ConfigureAwait(false);
    }
}
