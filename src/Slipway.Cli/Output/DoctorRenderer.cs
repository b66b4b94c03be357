using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Slipway.Core.Doctor;

namespace Slipway.Cli.Output;

/// <summary>Renders doctor's checks as text (like plan's Checks) and as JSON: {"checks": [{name, status, detail, fix}]}.</summary>
public static class DoctorRenderer
{
    public static string Text(IReadOnlyList<DoctorCheck> checks, Terminal t)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(t);
        var width = checks.Max(c => c.Name.Length);
        var text = new StringBuilder();
        text.AppendLine(t.Bold("Checks"));
        foreach (var check in checks)
        {
            var mark = check.Status switch
            {
                CheckStatus.Passed => t.Green("ok  "),
                CheckStatus.Failed => t.Red("FAIL"),
                _ => t.Yellow("skip"),
            };
            var fix = check.Status == CheckStatus.Failed && check.Fix is { } f ? $" — {TextSanitizer.OneLine(f)}" : string.Empty;
            text.AppendLine($"  {mark} {check.Name.PadRight(width)}  {TextSanitizer.OneLine(check.Detail)}{fix}");
        }

        text.AppendLine().AppendLine(
            $"{checks.Count(c => c.Status == CheckStatus.Passed)} passed, {checks.Count(c => c.Status == CheckStatus.Failed)} failed, {checks.Count(c => c.Status == CheckStatus.Skipped)} skipped");
        return text.ToString();
    }

    public static string Json(IReadOnlyList<DoctorCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(checks);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("checks");
            foreach (var check in checks)
            {
                json.WriteStartObject();
                json.WriteString("name", check.Name);
                json.WriteString("status", StatusName(check.Status));
                json.WriteString("detail", check.Detail);
                json.WriteString("fix", check.Fix);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static string StatusName(CheckStatus status) => status switch
    {
        CheckStatus.Passed => "passed",
        CheckStatus.Failed => "failed",
        CheckStatus.Skipped => "skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
