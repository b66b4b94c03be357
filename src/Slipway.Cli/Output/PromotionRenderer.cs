using System.Text;
using System.Text.Json;
using Slipway.Cli.Images;

namespace Slipway.Cli.Output;

/// <summary>Prints a promotion: one line per tag with the digest (text), or the same model as JSON.</summary>
public static class PromotionRenderer
{
    public static string Text(PromotionResult result, Terminal terminal)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(terminal);
        var text = new StringBuilder();
        foreach (var tag in result.Tags)
        {
            var what = tag.Status switch
            {
                TagStatus.Added => terminal.Green("added"),
                TagStatus.Moved => terminal.Green($"moved from {Short(tag.PreviousDigest)}"),
                TagStatus.Unchanged => terminal.Dim("already there"),
                TagStatus.Planned => tag.PreviousDigest is null ? "would add" : $"would move from {Short(tag.PreviousDigest)}",
                _ => terminal.Red($"failed: {tag.Error}"),
            };
            text.Append(TextSanitizer.OneLine($"{result.Source.Name}:{tag.Tag}")).Append(' ').Append(result.Digest).Append(' ').Append(TextSanitizer.OneLine(what)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The summary line for stderr: counts, withheld tags, and the HTTP requests the promotion took.</summary>
    public static string Summary(PromotionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var counts = string.Join(", ", result.Tags.GroupBy(t => t.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Phrase(g.Key)}"));
        var kind = result.IsIndex ? "index" : "image";
        var verb = result.DryRun ? "would promote" : "promoted";
        return $"{verb} {kind} {result.Source.Name}@{result.Digest} to {result.Version}: {(counts.Length == 0 ? "no tags" : counts)}; {result.Requests} HTTP requests, no blob transferred";
    }

    public static string Json(PromotionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("source", result.Source.ToString());
            json.WriteString("repository", result.Source.Name);
            json.WriteString("version", result.Version.ToString());
            json.WriteString("digest", result.Digest);
            json.WriteString("mediaType", result.MediaType);
            json.WriteBoolean("index", result.IsIndex);
            json.WriteBoolean("dryRun", result.DryRun);
            json.WriteStartArray("tags");
            foreach (var tag in result.Tags)
            {
                json.WriteStartObject();
                json.WriteString("tag", tag.Tag);
                json.WriteString("reference", $"{result.Source.Name}:{tag.Tag}");
                json.WriteString("status", Word(tag.Status));
                Optional(json, "previousDigest", tag.PreviousDigest);
                Optional(json, "error", tag.Error);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("withheld");
            foreach (var (tag, reason) in result.Withheld)
            {
                json.WriteStartObject();
                json.WriteString("tag", tag);
                json.WriteString("reason", reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("requests", result.Requests);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void Optional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static string Word(TagStatus status) => status switch
    {
        TagStatus.Added => "added",
        TagStatus.Moved => "moved",
        TagStatus.Unchanged => "unchanged",
        TagStatus.Planned => "planned",
        _ => "failed",
    };

    private static string Phrase(TagStatus status) => status switch
    {
        TagStatus.Unchanged => "already there",
        TagStatus.Planned => "to add or move",
        _ => Word(status),
    };

    private static string Short(string? digest) => digest is null ? "?" : digest.Length > 19 ? digest[..19] : digest;
}
