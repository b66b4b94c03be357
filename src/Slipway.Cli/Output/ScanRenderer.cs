using System.Globalization;
using System.Text;
using System.Text.Json;
using Slipway.Core.Security;

namespace Slipway.Cli.Output;

/// <summary>`image scan --json`: the verdict as one JSON object (the same model the summary line prints).</summary>
public static class ScanRenderer
{
    public static string Json(ScanVerdict verdict, string version, string tag)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("version", version);
            json.WriteString("tag", tag);
            json.WriteString("image", verdict.Image);
            json.WriteString("fail_on", verdict.FailOn.Word());
            json.WriteString("verdict", verdict.Blocked ? "blocked" : "passed");
            json.WriteStartObject("counts");
            foreach (var severity in verdict.Shown)
            {
                json.WriteNumber(severity.Word(), verdict.Count(severity));
            }

            json.WriteEndObject();
            json.WriteStartArray("blocking");
            foreach (var id in verdict.BlockingIds)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
            json.WriteStartArray("findings");
            foreach (var finding in verdict.Findings.OrderByDescending(f => f.Severity).ThenBy(f => f.Id, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("id", finding.Id);
                json.WriteString("severity", finding.Severity.Word());
                json.WriteString("package", finding.Package);
                json.WriteString("installed_version", finding.InstalledVersion);
                json.WriteString("fixed_version", finding.FixedVersion);
                json.WriteBoolean("blocking", verdict.Blocking.Contains(finding));
                json.WriteBoolean("ignored", verdict.Ignored.Contains(finding));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            WriteEntries(json, "ignored", verdict.Accepted);
            WriteEntries(json, "expired", verdict.Expired);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Ignore entries of image.scan.ignore: those in force that covered a finding, or those past their date that no longer do.</summary>
    private static void WriteEntries(Utf8JsonWriter json, string name, IReadOnlyList<ScanIgnore> entries)
    {
        json.WriteStartArray(name);
        foreach (var entry in entries)
        {
            json.WriteStartObject();
            json.WriteString("id", entry.Id);
            json.WriteString("until", entry.Until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("reason", entry.Reason);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }
}
