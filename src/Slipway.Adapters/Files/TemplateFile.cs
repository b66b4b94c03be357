namespace Slipway.Adapters.Files;

/// <summary>A user's template file (a Liquid changelog or release notes template): its text, or null when there is no such file.</summary>
public static class TemplateFile
{
    public static string? Read(string path) => File.Exists(path) ? File.ReadAllText(path) : null;

    public static async Task<string?> ReadAsync(string path, CancellationToken cancellationToken) =>
        File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false) : null;
}
