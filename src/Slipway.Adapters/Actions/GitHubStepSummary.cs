using Slipway.Adapters.Files;

namespace Slipway.Adapters.Actions;

/// <summary>$GITHUB_STEP_SUMMARY: the job summary's Markdown, appended to what earlier steps wrote.</summary>
public static class GitHubStepSummary
{
    /// <summary>Appends the Markdown, all or nothing: the old content plus ours, written atomically.</summary>
    public static async Task AppendAsync(string path, string markdown, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        var existing = File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : string.Empty;
        if (existing.Length > 0 && !existing.EndsWith('\n'))
        {
            existing += "\n";
        }

        await AtomicFile.WriteAsync(path, new TextFile(existing + markdown, Utf8Bom: false), cancellationToken).ConfigureAwait(false);
    }
}
