using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Slipway.Cli.Publishing;

namespace Slipway.Cli.Output;

/// <summary>Renders what `publish` did as text for people and as JSON for scripts (the same outcome, two views).</summary>
public static class PublishRenderer
{
    public static string Text(PublishOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var text = new StringBuilder();
        var would = outcome.DryRun ? "would be " : string.Empty;
        var where = outcome.Url is null ? $"in {outcome.Repository}" : outcome.Url;
        text.AppendLine(outcome.Action switch
        {
            ReleaseAction.Created => $"release {outcome.Tag} {would}created{Flags(outcome)}: {where}",
            ReleaseAction.Updated => $"release {outcome.Tag} {would}updated ({string.Join(", ", outcome.Changes)}){Flags(outcome)}: {where}",
            _ => $"release {outcome.Tag} is up to date, nothing changed: {where}",
        });
        foreach (var asset in outcome.Assets)
        {
            text.AppendLine(asset.Action switch
            {
                AssetAction.Uploaded => $"  {asset.Name}: {would}uploaded ({asset.Size} bytes)",
                AssetAction.Replaced => $"  {asset.Name}: {would}replaced ({asset.Size} bytes)",
                _ => $"  {asset.Name}: already there with the same size, skipped",
            });
        }

        if (outcome.DryRun)
        {
            text.AppendLine("(dry run: nothing was changed on GitHub)");
        }

        return TextSanitizer.ForTerminal(text.ToString());
    }

    /// <summary>`publish --json`: fields are only ever added.</summary>
    public static string Json(PublishOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 1);
            json.WriteString("repository", outcome.Repository);
            json.WriteString("tag", outcome.Tag);
            json.WriteString("name", outcome.Title);
            json.WriteString("action", outcome.Action.ToString().ToLowerInvariant());
            json.WriteStartArray("changes");
            foreach (var change in outcome.Changes)
            {
                json.WriteStringValue(change);
            }

            json.WriteEndArray();
            json.WriteBoolean("draft", outcome.Draft);
            json.WriteBoolean("prerelease", outcome.Prerelease);
            json.WriteBoolean("latest", outcome.Latest);
            json.WriteString("url", outcome.Url);
            json.WriteBoolean("dryRun", outcome.DryRun);
            json.WriteString("notes", outcome.Notes);
            json.WriteStartArray("assets");
            foreach (var asset in outcome.Assets)
            {
                json.WriteStartObject();
                json.WriteString("name", asset.Name);
                json.WriteNumber("size", asset.Size);
                json.WriteString("action", asset.Action.ToString().ToLowerInvariant());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string Flags(PublishOutcome outcome)
    {
        var flags = new List<string>();
        if (outcome.Draft)
        {
            flags.Add("draft");
        }

        if (outcome.Prerelease)
        {
            flags.Add("prerelease");
        }

        if (outcome.Latest)
        {
            flags.Add("latest");
        }

        return flags.Count == 0 ? string.Empty : $" [{string.Join(", ", flags)}]";
    }
}
