using System.Globalization;

namespace Slipway.Core.Images;

/// <summary>The OCI labels of a build (org.opencontainers.image.*) plus the configured ones, sorted by key; a later key=value wins.</summary>
internal static class ImageLabels
{
    private const string Oci = "org.opencontainers.image.";

    public static IReadOnlyList<KeyValuePair<string, string>> For(ImageBuildContext context, string? version, IReadOnlyList<string> extra, Func<string, string> expand)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (context.Title is { Length: > 0 } title)
        {
            labels[Oci + "title"] = title;
        }

        if (context.SourceUrl is { Length: > 0 } source)
        {
            labels[Oci + "url"] = source;
            labels[Oci + "source"] = source;
        }

        labels[Oci + "version"] = version ?? string.Empty;
        // JavaScript's toISOString: UTC with milliseconds, as metadata-action writes it.
        labels[Oci + "created"] = context.Now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        labels[Oci + "revision"] = context.Sha;
        foreach (var line in extra)
        {
            var expanded = expand(line);
            var equals = expanded.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                labels[expanded[..equals]] = expanded[(equals + 1)..];
            }
        }

        return [.. labels.OrderBy(l => l.Key, StringComparer.Ordinal)];
    }
}
