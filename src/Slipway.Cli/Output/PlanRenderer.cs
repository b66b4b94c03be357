using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Slipway.Core.Doctor;
using Slipway.Core.Releases;
using Slipway.Core.Versioning;

namespace Slipway.Cli.Output;

/// <summary>Renders a release plan as text for people and as JSON for scripts (the same model, two views).</summary>
public static class PlanRenderer
{
    /// <summary>The JSON shape of `plan --json`, documented in docs/plan-json.md. Fields are only ever added.</summary>
    public static string Json(ReleasePlan plan, string? head, string? branch)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", 1);
            json.WriteString("head", head);
            json.WriteString("branch", branch);
            json.WritePropertyName("current");
            WriteTag(json, plan.Current);
            json.WritePropertyName("base");
            WriteTag(json, plan.Base);
            json.WriteStartObject("next");
            json.WriteString("version", plan.Next.ToString());
            json.WriteString("tag", plan.NextTag);
            json.WriteBoolean("prerelease", plan.Next.IsPrerelease);
            json.WriteBoolean("tagExistsAtHead", plan.TagExistsAtHead);
            json.WriteString("status", StatusName(plan.Status));
            json.WriteEndObject();
            if (plan.Line is { Line: { } range } line)
            {
                json.WriteStartObject("line");
                json.WriteString("branch", line.Name);
                json.WriteString("range", range.ToString());
                json.WriteString("bounds", plan.Bounds?.ToString());
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("line");
            }

            json.WriteString("bump", BumpDecision.Name(plan.Bump.Kind));
            json.WriteString("reason", plan.Bump.Reason);
            json.WriteString("hint", plan.Bump.Hint);
            json.WriteString("nothingToRelease", plan.NothingToRelease);
            json.WriteStartArray("commits");
            foreach (var commit in plan.Commits)
            {
                json.WriteStartObject();
                json.WriteString("sha", commit.Sha);
                json.WriteString("shortSha", commit.ShortSha);
                json.WriteString("subject", commit.Subject);
                json.WriteString("body", commit.Body);
                json.WriteString("author", commit.AuthorName);
                json.WriteString("date", commit.AuthorDate.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteString("changelog", plan.Changelog);
            json.WriteStartArray("checks");
            foreach (var check in plan.Checks)
            {
                json.WriteStartObject();
                json.WriteString("name", check.Name);
                json.WriteBoolean("ok", check.Ok);
                json.WriteString("message", check.Message);
                json.WriteString("fix", check.Fix);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("gates");
            foreach (var gate in plan.Gates)
            {
                json.WriteStartObject();
                json.WriteString("name", gate.Gate);
                json.WriteString("status", gate.Status.ToString().ToLowerInvariant());
                json.WriteString("message", gate.Message);
                json.WriteString("fix", gate.Fix);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <param name="ciSteps">On a tagged HEAD, the steps `ci release` would check and run (from slipway.yml only: nothing is asked of a registry or GitHub).</param>
    public static string Text(ReleasePlan plan, Terminal t, IReadOnlyList<string>? ciSteps = null)
    {
        var text = new StringBuilder();
        text.AppendLine(plan.Current is { } current
            ? $"Current   {t.Bold(current.Version.ToString())}  (tag {Safe(current.Name)} on {current.ShortCommit})"
            : "Current   none (no version tag reachable from HEAD)");
        text.AppendLine(plan.Status == ReleaseStatus.NothingToRelease
            ? "Next      none (no release)"
            : $"Next      {t.Bold(plan.Next.ToString())}  (tag {Safe(plan.NextTag)})");
        if (plan.Line is { } line)
        {
            text.AppendLine($"Line      {Safe(line.ToString())}{(plan.Bounds is { } bounds && bounds != line.Line ? $", {bounds} left (higher versions are other branches')" : string.Empty)}");
        }

        text.AppendLine($"Why       {Safe(plan.Bump.Reason)}");
        if (plan.Bump.Hint is { } hint)
        {
            text.AppendLine($"          {t.Dim(Safe(hint))}");
        }

        if (plan.Status == ReleaseStatus.AlreadyTagged)
        {
            text.AppendLine($"          {t.Yellow($"{Safe(plan.NextTag)} is already on HEAD: release will finish it (push) or report it released")}");
        }
        else if (plan.Refusal is var (message, _))
        {
            text.AppendLine($"          {t.Yellow(Safe(message))}");
        }

        text.AppendLine();
        text.AppendLine(t.Bold($"Commits since {(plan.Base is null ? "the beginning" : Safe(plan.Base.Name))} ({plan.Commits.Count})"));
        text.AppendLine();
        text.AppendLine(t.Bold("Changelog"));
        text.Append(plan.Changelog.Length == 0 ? "  (empty)\n" : TextSanitizer.ForTerminal(plan.Changelog));
        if (plan.Checks.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(t.Bold("Checks"));
            foreach (var check in plan.Checks)
            {
                var mark = check.Ok ? t.Green("ok  ") : t.Red("FAIL");
                text.AppendLine($"  {mark} {check.Name,-8} {Safe(check.Message)}" + (check.Ok || check.Fix is null ? string.Empty : $" — {Safe(check.Fix)}"));
            }
        }

        if (plan.Gates.Count > 0)
        {
            text.AppendLine();
            text.AppendLine(t.Bold("Gates (release.gates)"));
            foreach (var gate in plan.Gates)
            {
                var mark = gate.Status switch { CheckStatus.Passed => t.Green("ok  "), CheckStatus.Failed => t.Red("FAIL"), _ => t.Dim("skip") };
                text.AppendLine($"  {mark} {Safe(gate.Gate),-8} {Safe(gate.Message)}" + (gate.Fix is null ? string.Empty : $" — {Safe(gate.Fix)}"));
            }
        }

        if (plan.Status == ReleaseStatus.AlreadyTagged && ciSteps is { Count: > 0 })
        {
            text.AppendLine();
            text.AppendLine(t.Bold("After the tag push (slipway ci release; each step is checked when it runs, and skipped when done)"));
            text.AppendLine($"  {string.Join(", ", ciSteps.Select(Safe))}");
        }

        return text.ToString();
    }

    /// <summary>The documented names of <see cref="ReleaseStatus"/> in `plan --json` (next.status).</summary>
    public static string StatusName(ReleaseStatus status) => status switch
    {
        ReleaseStatus.Ready => "ready",
        ReleaseStatus.AlreadyTagged => "alreadyTagged",
        ReleaseStatus.NothingToRelease => "nothingToRelease",
        ReleaseStatus.VersionExists => "versionExists",
        ReleaseStatus.NotHigher => "notHigher",
        ReleaseStatus.OutOfRange => "outOfRange",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static void WriteTag(Utf8JsonWriter json, VersionTag? tag)
    {
        if (tag is null)
        {
            json.WriteStartObject();
            json.WriteNull("version");
            json.WriteNull("tag");
            json.WriteNull("commit");
            json.WriteEndObject();
            return;
        }

        json.WriteStartObject();
        json.WriteString("version", tag.Version.ToString());
        json.WriteString("tag", tag.Name);
        json.WriteString("commit", tag.Commit);
        json.WriteEndObject();
    }

    private static string Safe(string text) => TextSanitizer.OneLine(text);
}
