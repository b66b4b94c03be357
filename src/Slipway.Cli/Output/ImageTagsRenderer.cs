using System.Text;
using System.Text.Json;
using Slipway.Cli.Images;
using Slipway.Core.Images;

namespace Slipway.Cli.Output;

/// <summary>Prints an image tag set as lines, CSV, docker build arguments or JSON; the same model in every form.</summary>
public static class ImageTagsRenderer
{
    public static readonly string[] Formats = ["lines", "csv", "docker-args"];

    /// <summary>One image reference per line (what `docker push` takes), for scripts.</summary>
    public static string Lines(ImageTagSet set) => string.Concat(set.References.Select(r => r + "\n"));

    public static string Csv(ImageTagSet set) => set.References.Count == 0 ? string.Empty : string.Join(',', set.References) + "\n";

    /// <summary>`--tag=…` and `--label=…`, one argument per line, so `mapfile -t args` keeps each whole: no word splitting, no globbing.</summary>
    public static string DockerArgs(ImageTagSet set)
    {
        var text = new StringBuilder();
        foreach (var reference in set.References)
        {
            text.Append("--tag=").Append(reference).Append('\n');
        }

        foreach (var (key, value) in set.Labels)
        {
            text.Append("--label=").Append(OneLine(key)).Append('=').Append(OneLine(value)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A label as key=value on one line: control characters (a newline in a branch name) become spaces, so a value cannot add lines.</summary>
    public static string Label(KeyValuePair<string, string> label) => $"{OneLine(label.Key)}={OneLine(label.Value)}";

    public static string Json(ImageTagSet set, ImageBuild build)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("version", set.Version);
            json.WriteString("release", build.Version?.ToString());
            json.WriteBoolean("latest", set.Latest);
            WriteStrings(json, "images", set.Images);
            WriteStrings(json, "tags", set.References);
            WriteStrings(json, "tag_names", set.TagNames);
            json.WriteStartObject("labels");
            foreach (var (key, value) in set.Labels)
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
            json.WriteStartArray("withheld");
            foreach (var withheld in set.Withheld)
            {
                json.WriteStartObject();
                json.WriteString("tag", withheld.Tag);
                json.WriteString("reason", withheld.Reason);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartObject("build");
            json.WriteString("event", build.Context.EventName);
            json.WriteString("ref", build.Context.Ref);
            json.WriteString("sha", build.Context.Sha);
            json.WriteString("release_branch", build.Context.TagBranch);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static string OneLine(string text) => new([.. text.Select(c => char.IsControl(c) ? ' ' : c)]);
}
