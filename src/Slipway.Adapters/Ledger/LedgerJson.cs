using System.Globalization;
using System.Text;
using System.Text.Json;
using Slipway.Core.Deployments;
using Slipway.Core.Notifications;
using Slipway.Core.Rollouts;
using Slipway.Core.Versioning;

namespace Slipway.Adapters.Ledger;

/// <summary>The ledger's line format: one JSON object per deployment attempt (written with Utf8JsonWriter, read with JsonDocument).</summary>
public static class LedgerJson
{
    public const int SchemaVersion = 1;

    /// <summary>One line, no newline inside (strings are escaped), ASCII only.</summary>
    public static string Line(DeploymentRecord record)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            Write(json, record, includeNulls: false);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Utf8JsonWriter json, DeploymentRecord record, bool includeNulls)
    {
        json.WriteStartObject();
        json.WriteNumber("schema", SchemaVersion);
        json.WriteString("id", record.Id);
        json.WriteString("environment", record.Environment);
        json.WriteString("version", record.Version.ToString());
        json.WriteString("action", DeploymentNames.Of(record.Action));
        json.WriteString("outcome", DeploymentNames.Of(record.Outcome));
        json.WriteString("at", Timestamp(record.At));
        json.WriteString("actor", record.Actor);
        Optional(json, "commit", record.Commit, includeNulls);
        Optional(json, "digest", record.Digest, includeNulls);
        Optional(json, "reason", record.Reason, includeNulls);
        Optional(json, "detail", record.Detail, includeNulls);
        Optional(json, "from", record.From, includeNulls);
        json.WriteBoolean("forced", record.Forced);
        if (record.Rollout is { } rollout)
        {
            json.WriteStartObject("rollout");
            json.WriteNumber("step", rollout.Step);
            json.WriteNumber("steps", rollout.Steps);
            json.WriteNumber("weight", rollout.Weight);
            json.WriteEndObject();
        }
        if (record.GitHubDeployment is { } github)
        {
            json.WriteNumber("githubDeployment", github);
        }
        else if (includeNulls)
        {
            json.WriteNull("githubDeployment");
        }

        if (record.Notifications.Count > 0 || includeNulls)
        {
            json.WriteStartArray("notifications");
            foreach (var result in record.Notifications)
            {
                json.WriteStartObject();
                json.WriteString("notifier", result.Notifier);
                json.WriteString("event", result.Event);
                json.WriteBoolean("sent", result.Sent);
                Optional(json, "problem", result.Problem, includeNulls);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>What makes a line the same line: the attempt and the outcome it records (an attempt has one line when it starts,
    /// unknown, and one when it ends). A canary rollout writes a line per step, all unknown: the step makes each its own.</summary>
    public static string Key(DeploymentRecord record) =>
        record.Id + " " + DeploymentNames.Of(record.Outcome) + (record.Rollout is { } rollout ? " step " + rollout.Step.ToString(CultureInfo.InvariantCulture) : string.Empty);

    /// <summary>UTC, to the second, with a Z: the same text everywhere.</summary>
    public static string Timestamp(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The record on one line, or null when the line is not a record this version understands (kept in the ledger, skipped here).</summary>
    /// <remarks>A version that is not a semantic version makes the line one of those: Slipway writes only parsed versions, so such a
    /// line was written by hand or by another tool, and no version a command is given can ever match it. Refusing the whole ledger
    /// for it would stop every deployment until someone rewrites a shared ref; skipping it is the rule lines from newer writers
    /// already follow.</remarks>
    public static DeploymentRecord? Parse(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var outcome = DeploymentNames.Outcome(Text(root, "outcome"));
            var action = DeploymentNames.Action(Text(root, "action"));
            if (Text(root, "id") is not { } id || Text(root, "environment") is not { } environment || !SemanticVersion.TryParse(Text(root, "version"), out var version)
                || outcome is null || action is null
                || !DateTimeOffset.TryParse(Text(root, "at"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                return null;
            }

            return new DeploymentRecord
            {
                Id = id,
                Environment = environment,
                Version = version,
                Action = action.Value,
                Outcome = outcome.Value,
                At = at,
                Actor = Text(root, "actor") ?? "unknown",
                Commit = Text(root, "commit"),
                Digest = Text(root, "digest"),
                Reason = Text(root, "reason"),
                Detail = Text(root, "detail"),
                From = Text(root, "from"),
                Forced = root.TryGetProperty("forced", out var forced) && forced.ValueKind == JsonValueKind.True,
                GitHubDeployment = root.TryGetProperty("githubDeployment", out var github) && github.TryGetInt64(out var githubId) ? githubId : null,
                Notifications = Notifications(root),
                Rollout = Rollout(root),
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Every record of a ledger file, in order; lines that are not records are skipped.</summary>
    public static List<DeploymentRecord> ParseAll(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => Parse(l.TrimEnd('\r'))).OfType<DeploymentRecord>()];

    /// <summary>The notifications of a line (none in lines written before they existed); entries that are not objects with a notifier are skipped.</summary>
    private static RolloutProgress? Rollout(JsonElement root) =>
        root.TryGetProperty("rollout", out var rollout) && rollout.ValueKind == JsonValueKind.Object
            && rollout.TryGetProperty("step", out var step) && step.TryGetInt32(out var s)
            && rollout.TryGetProperty("steps", out var steps) && steps.TryGetInt32(out var n)
            && rollout.TryGetProperty("weight", out var weight) && weight.TryGetInt32(out var w)
            ? new RolloutProgress(s, n, w)
            : null;

    private static IReadOnlyList<NotificationResult> Notifications(JsonElement root) =>
        root.TryGetProperty("notifications", out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray()
                .Where(n => n.ValueKind == JsonValueKind.Object && Text(n, "notifier") is not null)
                .Select(n => new NotificationResult(Text(n, "notifier")!, Text(n, "event") ?? string.Empty,
                    n.TryGetProperty("sent", out var sent) && sent.ValueKind == JsonValueKind.True, Text(n, "problem")))]
            : [];

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void Optional(Utf8JsonWriter json, string name, string? value, bool includeNulls)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
        else if (includeNulls)
        {
            json.WriteNull(name);
        }
    }
}
