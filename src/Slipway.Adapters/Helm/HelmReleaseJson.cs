using System.Globalization;
using System.Text.Json;
using Slipway.Core.Deployments;

namespace Slipway.Adapters.Helm;

/// <summary>
/// Reads `helm status -o json` and `helm history -o json`. The shapes are Helm's own: status prints the release
/// (helm pkg/release/v1/release.go: name, info {first_deployed, last_deployed, description, status}, chart {metadata
/// {name, version, appVersion}}, config (the user-supplied values), version (the revision), namespace); history prints
/// pkg/cmd/history.go's releaseInfo list: revision, updated, status, chart (NAME-VERSION), app_version, description.
/// Times are Go's RFC 3339 with up to nine fractional digits.
/// </summary>
public static class HelmReleaseJson
{
    /// <summary>The release `helm status` printed, with the value at <paramref name="imageKey"/> (image.tag) read from its values.</summary>
    public static HelmRevision ParseStatus(string json, string imageKey)
    {
        ArgumentNullException.ThrowIfNull(imageKey);
        using var document = Parse(json, "helm status");
        var root = document.RootElement;
        var info = Child(root, "info");
        var metadata = Child(Child(root, "chart"), "metadata");
        var name = Text(metadata, "name");
        var version = Text(metadata, "version");
        var value = Child(root, "config");
        foreach (var key in imageKey.Split('.'))
        {
            value = Child(value, key);
        }

        return new HelmRevision
        {
            Revision = Number(root, "version"),
            Status = Text(info, "status") ?? "unknown",
            Chart = name is null ? null : $"{name}-{version}",
            AppVersion = Text(metadata, "appVersion"),
            ImageTag = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            },
            Deployed = Time(Text(info, "last_deployed")),
            Description = Text(info, "description") ?? string.Empty,
        };
    }

    /// <summary>The revisions `helm history` printed, oldest first.</summary>
    public static IReadOnlyList<HelmRevision> ParseHistory(string json)
    {
        using var document = Parse(json, "helm history");
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException("helm history -o json did not print a list");
        }

        return [.. document.RootElement.EnumerateArray().Select(r => new HelmRevision
        {
            Revision = Number(r, "revision"),
            Status = Text(r, "status") ?? "unknown",
            Chart = Text(r, "chart"),
            AppVersion = Text(r, "app_version"),
            Deployed = Time(Text(r, "updated")),
            Description = Text(r, "description") ?? string.Empty,
        }).OrderBy(r => r.Revision)];
    }

    private static JsonDocument Parse(string json, string command)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"{command} -o json printed something that is not JSON ({e.Message})", e);
        }
    }

    private static JsonElement Child(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) ? child : default;

    private static string? Text(JsonElement element, string name) =>
        Child(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static int Number(JsonElement element, string name) =>
        Child(element, name) is { ValueKind: JsonValueKind.Number } value && value.TryGetInt32(out var number) ? number : 0;

    /// <summary>Go prints up to nine fractional digits; .NET reads seven.</summary>
    private static DateTimeOffset? Time(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            text = string.Concat(text.AsSpan(0, Math.Min(end, dot + 8)), text.AsSpan(end));
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;
    }
}
