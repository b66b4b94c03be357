using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Slipway.Adapters.Ledger;
using Slipway.Core.Deployments;

namespace Slipway.Cli.Output;

/// <summary>`status` and `history` as a table for people and as JSON for scripts (the same records, two views).</summary>
public static class DeploymentRenderer
{
    private static readonly string[] StatusHeader = ["ENVIRONMENT", "VERSION", "OUTCOME", "SINCE", "BY", "LAST GOOD"];
    private static readonly string[] HistoryHeader = ["WHEN", "VERSION", "ACTION", "OUTCOME", "BY", "REASON / DETAIL"];
    private static readonly string[] ReleaseHeader = ["WHEN", "VERSION", "BY", "GATES SKIPPED"];
    private static readonly string[] OptionalFields = ["commit", "digest", "reason", "detail", "from", "githubDeployment"];

    /// <param name="live">`--live`: each environment's drift verdict, shown as a last column; null without --live.</param>
    public static string StatusText(IReadOnlyList<string> environments, DeploymentHistory history, IReadOnlySet<string> pending,
        IReadOnlyDictionary<string, LiveVerdict>? live = null)
    {
        var rows = new List<string[]> { live is null ? StatusHeader : [.. StatusHeader, "LIVE"] };
        foreach (var name in environments)
        {
            var current = history.Current(name);
            var good = history.LastGood(name);
            string[] row = current is null
                ? [name, "-", "never deployed", "-", "-", "-"]
                : [name, current.Version.ToString(), Outcome(current, pending), LedgerJson.Timestamp(current.At), current.Actor, good?.Version.ToString() ?? "-"];
            rows.Add(live is null ? row : [.. row, live[name].Text]);
        }

        return Table(rows) + ReleasesText(history.Releases);
    }

    /// <summary>The releases the ledger records (made with gates skipped), after the environments; nothing when there are none.</summary>
    private static string ReleasesText(IReadOnlyList<DeploymentRecord> releases)
    {
        if (releases.Count == 0)
        {
            return string.Empty;
        }

        var rows = new List<string[]> { ReleaseHeader };
        rows.AddRange(releases.Select(r => new[] { LedgerJson.Timestamp(r.At), r.Version.ToString(), r.Actor, r.Detail ?? "-" }));
        return "\nReleases with skipped gates\n" + Table(rows);
    }

    public static string StatusJson(IReadOnlyList<string> environments, DeploymentHistory history, IReadOnlySet<string> pending,
        IReadOnlyDictionary<string, LiveVerdict>? live = null) => Json(json =>
    {
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", 1);
        json.WriteStartArray("environments");
        foreach (var name in environments)
        {
            var current = history.Current(name);
            json.WriteStartObject();
            json.WriteString("name", name);
            json.WritePropertyName("current");
            if (current is null)
            {
                json.WriteNullValue();
            }
            else
            {
                WriteRecord(json, current, pending);
            }

            json.WriteString("lastGood", history.LastGood(name)?.Version.ToString());
            if (live is not null)
            {
                WriteLive(json, live[name]);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
        // Releases made with gates skipped (--skip-gate): who skipped which gate and why, as the ledger records them.
        json.WriteStartArray("releases");
        foreach (var release in history.Releases)
        {
            WriteRecord(json, release, pending);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    public static string HistoryText(IReadOnlyList<DeploymentRecord> attempts, IReadOnlySet<string> pending)
    {
        var rows = new List<string[]> { HistoryHeader };
        foreach (var r in attempts)
        {
            var action = DeploymentNames.Of(r.Action) + (r.From is null ? string.Empty : $" from {r.From}") + (r.Forced ? " (forced)" : string.Empty);
            var why = string.Join(" — ", new[] { r.Reason, r.Detail }.Where(s => !string.IsNullOrEmpty(s)));
            rows.Add([LedgerJson.Timestamp(r.At), r.Version.ToString(), action, Outcome(r, pending), r.Actor, why.Length == 0 ? "-" : why]);
        }

        return Table(rows);
    }

    public static string HistoryJson(string environment, IReadOnlyList<DeploymentRecord> attempts, IReadOnlySet<string> pending) => Json(json =>
    {
        json.WriteStartObject();
        json.WriteNumber("schemaVersion", 1);
        json.WriteString("environment", environment);
        json.WriteStartArray("attempts");
        foreach (var r in attempts)
        {
            WriteRecord(json, r, pending);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static void WriteRecord(Utf8JsonWriter json, DeploymentRecord record, IReadOnlySet<string> pending)
    {
        // The ledger's own fields, plus whether it has reached the remote yet.
        using var line = JsonDocument.Parse(LedgerJson.Line(record));
        json.WriteStartObject();
        foreach (var property in line.RootElement.EnumerateObject())
        {
            property.WriteTo(json);
        }

        foreach (var absent in OptionalFields)
        {
            if (!line.RootElement.TryGetProperty(absent, out _))
            {
                json.WriteNull(absent);
            }
        }

        json.WriteBoolean("pushed", !pending.Contains(record.Id));
        json.WriteEndObject();
    }

    /// <summary>`live`: the verdict (in_sync, drift, not_checked, unknown), its line, and helm's latest revision when it answered.</summary>
    private static void WriteLive(Utf8JsonWriter json, LiveVerdict verdict)
    {
        json.WriteStartObject("live");
        json.WriteString("state", verdict.State switch
        {
            LiveState.InSync => "in_sync",
            LiveState.Drift => "drift",
            LiveState.NotChecked => "not_checked",
            _ => "unknown",
        });
        json.WriteString("text", verdict.Text);
        json.WritePropertyName("helm");
        if (verdict.Helm is { } helm)
        {
            json.WriteStartObject();
            json.WriteNumber("revision", helm.Revision);
            json.WriteString("status", helm.Status);
            json.WriteString("imageTag", helm.ImageTag);
            json.WriteString("chart", helm.Chart);
            json.WriteString("appVersion", helm.AppVersion);
            json.WriteString("deployedAt", helm.Deployed is { } at ? LedgerJson.Timestamp(at) : null);
            json.WriteString("description", helm.Description);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNullValue();
        }

        json.WriteEndObject();
    }

    // A canary rollout still running is shown with its step (its attempt is unknown until it ends).
    private static string Outcome(DeploymentRecord record, IReadOnlySet<string> pending) =>
        (record is { Outcome: DeploymentOutcome.Unknown, Rollout: { } rollout } ? $"rolling out ({rollout.Text()})" : DeploymentNames.Of(record.Outcome))
        + (pending.Contains(record.Id) ? " (not pushed)" : string.Empty);

    private static string Table(List<string[]> rows)
    {
        var cells = rows.Select(r => r.Select(TextSanitizer.OneLine).ToArray()).ToList();
        var widths = Enumerable.Range(0, cells[0].Length).Select(i => cells.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in cells)
        {
            text.AppendLine(string.Join("  ", row.Select((c, i) => i == row.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd());
        }

        return text.ToString();
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(json);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
