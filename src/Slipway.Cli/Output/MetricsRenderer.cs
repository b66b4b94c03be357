using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Slipway.Adapters.Ledger;
using Slipway.Core.Metrics;

namespace Slipway.Cli.Output;

/// <summary>`metrics` for people (one line per figure, each with its count) and as JSON (the same report).</summary>
public static class MetricsRenderer
{
    public const string NoDeployments = "no deployments in the window";

    public static string Text(DeliveryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        var heading = $"{TextSanitizer.OneLine(report.Environment)}, {DurationText.Date(report.Window.Start)} to {DurationText.LastDay(report.Window.End)} ({DurationText.Days(report.Window.Length)} days)";
        if (report.IsEmpty)
        {
            return $"{heading}: {NoDeployments}\n";
        }

        text.AppendLine(heading);
        var rows = new List<(string Name, string Value)>
        {
            ("deployment frequency", Frequency(report.Frequency)),
            ("lead time for changes", Lead(report.LeadTime, report.Environment)),
            ("change failure rate", FailureRate(report.FailureRate)),
            ("time to restore", Restore(report.Restore)),
        };
        foreach (var (name, value) in rows)
        {
            text.Append(name.PadRight(23)).AppendLine(value);
        }

        foreach (var note in Notes(report))
        {
            text.Append("note: ").AppendLine(note);
        }

        return text.ToString();
    }

    public static string Frequency(DeploymentFrequency f) =>
        $"{DurationText.Rate(f.PerWeek)} a week ({f.Deployments} successful deployment{Plural(f.Deployments)}; {DurationText.Rate(f.PerDay)} a day)";

    public static string Lead(LeadTime lead, string environment) => lead.Median is { } median
        ? $"median {DurationText.Format(median)}, p90 {DurationText.Format(lead.P90!.Value)} ({lead.Changes} commit{Plural(lead.Changes)})"
        : $"no commit reached {TextSanitizer.OneLine(environment)} in the window";

    public static string FailureRate(ChangeFailureRate rate) => rate.Rate is { } value
        ? $"{DurationText.Percent(value)} ({rate.Failures} of {rate.Deployments} deployment{Plural(rate.Deployments)})"
        : "no deployment in the window";

    public static string Restore(TimeToRestore restore) => (restore.Median, restore.StillOpen) switch
    {
        ({ } median, 0) => $"median {DurationText.Format(median)} ({restore.Restores} restore{Plural(restore.Restores)})",
        ({ } median, var open) => $"median {DurationText.Format(median)} ({restore.Restores} restore{Plural(restore.Restores)}; {open} not restored yet)",
        (null, 0) => "no failure in the window",
        (null, var open) => $"none restored yet ({open} failure{Plural(open)} not restored)",
    };

    /// <summary>What the figures leave out, in words.</summary>
    public static IEnumerable<string> Notes(DeliveryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Unknown > 0)
        {
            yield return $"{report.Unknown} attempt{Plural(report.Unknown)} with an unknown outcome (a run stopped while helm ran): counted in no figure";
        }

        if (report.WithoutCommit > 0)
        {
            yield return $"{report.WithoutCommit} successful deployment{Plural(report.WithoutCommit)} whose version has no tag or commit in this clone: their commits are not in the lead time (git fetch --tags)";
        }
    }

    public static string Json(DeliveryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 1);
            json.WriteString("environment", report.Environment);
            WriteWindow(json, "window", report.Window);
            json.WriteBoolean("empty", report.IsEmpty);
            json.WriteStartObject("deploymentFrequency");
            WriteFrequency(json, report.Frequency);
            json.WriteEndObject();
            json.WriteStartObject("leadTimeForChanges");
            WriteLead(json, report.LeadTime);
            json.WriteEndObject();
            json.WriteStartObject("changeFailureRate");
            WriteFailureRate(json, report.FailureRate);
            json.WriteEndObject();
            json.WriteStartObject("timeToRestore");
            WriteRestore(json, report.Restore);
            json.WriteEndObject();
            json.WriteNumber("unknownOutcomes", report.Unknown);
            json.WriteNumber("deploymentsWithoutCommit", report.WithoutCommit);
            json.WriteStartArray("trend");
            foreach (var point in report.Trend)
            {
                json.WriteStartObject();
                json.WriteString("since", LedgerJson.Timestamp(point.Window.Start));
                json.WriteString("until", LedgerJson.Timestamp(point.Window.End));
                json.WriteNumber("deployments", point.Frequency.Deployments);
                WriteSeconds(json, "leadTimeMedianSeconds", point.LeadTime.Median);
                json.WriteNumber("failures", point.FailureRate.Failures);
                json.WriteNumber("deploymentsReachingHelm", point.FailureRate.Deployments);
                WriteSeconds(json, "timeToRestoreMedianSeconds", point.Restore.Median);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteWindow(Utf8JsonWriter json, string name, MetricsWindow window)
    {
        json.WriteStartObject(name);
        json.WriteString("since", LedgerJson.Timestamp(window.Start));
        json.WriteString("until", LedgerJson.Timestamp(window.End));
        json.WriteNumber("days", Math.Round(window.Length.TotalDays, 3));
        json.WriteEndObject();
    }

    private static void WriteFrequency(Utf8JsonWriter json, DeploymentFrequency f)
    {
        json.WriteNumber("deployments", f.Deployments);
        json.WriteNumber("perDay", Math.Round(f.PerDay, 4));
        json.WriteNumber("perWeek", Math.Round(f.PerWeek, 4));
    }

    private static void WriteLead(Utf8JsonWriter json, LeadTime lead)
    {
        json.WriteNumber("changes", lead.Changes);
        WriteSeconds(json, "medianSeconds", lead.Median);
        WriteSeconds(json, "p90Seconds", lead.P90);
    }

    private static void WriteFailureRate(Utf8JsonWriter json, ChangeFailureRate rate)
    {
        json.WriteNumber("failures", rate.Failures);
        json.WriteNumber("deployments", rate.Deployments);
        if (rate.Rate is { } value)
        {
            json.WriteNumber("rate", Math.Round(value, 4));
        }
        else
        {
            json.WriteNull("rate");
        }
    }

    private static void WriteRestore(Utf8JsonWriter json, TimeToRestore restore)
    {
        json.WriteNumber("restores", restore.Restores);
        WriteSeconds(json, "medianSeconds", restore.Median);
        json.WriteNumber("notRestored", restore.StillOpen);
    }

    private static void WriteSeconds(Utf8JsonWriter json, string name, TimeSpan? span)
    {
        if (span is { } value)
        {
            json.WriteNumber(name, (long)value.TotalSeconds);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Plural(int count) => count == 1 ? string.Empty : "s";
}
