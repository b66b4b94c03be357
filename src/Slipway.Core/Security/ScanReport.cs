using System.Globalization;
using System.Text.Json;
using Slipway.Core.Errors;

namespace Slipway.Core.Security;

/// <summary>
/// Reads a scanner's report into findings. Trivy JSON: Results[].Vulnerabilities[] (VulnerabilityID, Severity, PkgName,
/// InstalledVersion, FixedVersion). Grype JSON: matches[].vulnerability.{id, severity, fix.versions} and matches[].artifact.{name, version}.
/// SARIF 2.1.0: runs[].results[], the id being the ruleId, the severity the first of: the result's or its rule's
/// properties.security-severity (a score, ranked as GitHub does: 9.0+ critical, 7.0+ high, 4.0+ medium, above 0 low), a severity word
/// among the rule's properties.tags (trivy's SARIF tags each rule CRITICAL, HIGH…), the level (the result's, else the rule's
/// defaultConfiguration.level, else warning: error → high, warning → medium, note → low, none → unknown).
/// </summary>
public static class ScanReport
{
    /// <summary>The findings in <paramref name="json"/>; a report that is not the format's JSON is a precondition failure naming the format.</summary>
    public static IReadOnlyList<ScanFinding> Parse(string json, ScanReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            return format switch
            {
                ScanReportFormat.Trivy => Trivy(root),
                ScanReportFormat.Grype => Grype(root),
                _ => Sarif(root),
            };
        }
        catch (JsonException e)
        {
            throw NotTheFormat(format, $"it is not JSON ({e.Message.Split('.')[0]})");
        }
        catch (InvalidOperationException)
        {
            // A value of another kind than the format has there (a string where an object belongs).
            throw NotTheFormat(format, "its shape is not the format's");
        }
    }

    private static SlipwayException NotTheFormat(ScanReportFormat format, string why) => new(SlipwayError.Precondition(
        $"the scanner's report is not a {Name(format)} report: {why}",
        "set image.scan.format to what image.scan.run writes (trivy: --format json; grype: -o json; sarif)"));

    /// <summary>trivy, grype or sarif.</summary>
    public static string Name(ScanReportFormat format) => format.ToString().ToLowerInvariant();

    private static List<ScanFinding> Trivy(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !(root.TryGetProperty("SchemaVersion", out _) || root.TryGetProperty("Results", out _)))
        {
            throw NotTheFormat(ScanReportFormat.Trivy, "it has no SchemaVersion or Results");
        }

        var findings = new List<ScanFinding>();
        foreach (var result in Array(root, "Results"))
        {
            foreach (var v in Array(result, "Vulnerabilities"))
            {
                if (Text(v, "VulnerabilityID") is { } id)
                {
                    findings.Add(new ScanFinding(id, ScanSeverities.FromWord(Text(v, "Severity")), Text(v, "PkgName"), Text(v, "InstalledVersion"), Text(v, "FixedVersion")));
                }
            }
        }

        return findings;
    }

    private static List<ScanFinding> Grype(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("matches", out _))
        {
            throw NotTheFormat(ScanReportFormat.Grype, "it has no matches");
        }

        var findings = new List<ScanFinding>();
        foreach (var match in Array(root, "matches"))
        {
            var vulnerability = Object(match, "vulnerability");
            if (vulnerability is { } v && Text(v, "id") is { } id)
            {
                var artifact = Object(match, "artifact");
                var fixedIn = Object(v, "fix") is { } fix ? string.Join(", ", Array(fix, "versions").Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString())) : null;
                findings.Add(new ScanFinding(id, ScanSeverities.FromWord(Text(v, "severity")), artifact is { } a ? Text(a, "name") : null,
                    artifact is { } b ? Text(b, "version") : null, string.IsNullOrEmpty(fixedIn) ? null : fixedIn));
            }
        }

        return findings;
    }

    private static List<ScanFinding> Sarif(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
        {
            throw NotTheFormat(ScanReportFormat.Sarif, "it has no runs");
        }

        var findings = new List<ScanFinding>();
        foreach (var run in runs.EnumerateArray())
        {
            List<JsonElement> rules = Object(run, "tool") is { } tool && Object(tool, "driver") is { } driver ? [.. Array(driver, "rules")] : [];
            foreach (var result in Array(run, "results"))
            {
                var rule = RuleOf(result, rules);
                var id = Text(result, "ruleId") ?? (Object(result, "rule") is { } r ? Text(r, "id") : null) ?? (rule is { } known ? Text(known, "id") : null);
                if (id is not null)
                {
                    findings.Add(new ScanFinding(id, SarifSeverity(result, rule)));
                }
            }
        }

        return findings;
    }

    /// <summary>The result's rule in the driver's rules: by ruleIndex (or rule.index), else by id.</summary>
    private static JsonElement? RuleOf(JsonElement result, List<JsonElement> rules)
    {
        var index = Number(result, "ruleIndex") ?? (Object(result, "rule") is { } r ? Number(r, "index") : null);
        if (index is { } i && i >= 0 && i < rules.Count)
        {
            return rules[(int)i];
        }

        var id = Text(result, "ruleId");
        return id is null ? null : rules.Cast<JsonElement?>().FirstOrDefault(rule => Text(rule!.Value, "id") == id);
    }

    private static ScanSeverity SarifSeverity(JsonElement result, JsonElement? rule)
    {
        var ruleProperties = rule is { } r ? Object(r, "properties") : null;
        foreach (var properties in new[] { Object(result, "properties"), ruleProperties })
        {
            if (properties is { } p && Score(p) is { } score)
            {
                return ScanSeverities.FromScore(score);
            }
        }

        if (ruleProperties is { } tagged)
        {
            var fromTags = Array(tagged, "tags").Where(t => t.ValueKind == JsonValueKind.String).Select(t => ScanSeverities.FromWord(t.GetString()))
                .Where(s => s != ScanSeverity.Unknown).ToList();
            if (fromTags.Count > 0)
            {
                return fromTags.Max();
            }
        }

        var level = Text(result, "level") ?? (rule is { } withDefault && Object(withDefault, "defaultConfiguration") is { } d ? Text(d, "level") : null) ?? "warning";
        return level switch
        {
            "error" => ScanSeverity.High,
            "warning" => ScanSeverity.Medium,
            "note" => ScanSeverity.Low,
            _ => ScanSeverity.Unknown,
        };
    }

    /// <summary>properties.security-severity: a number written as a string ("7.5"), or a number.</summary>
    private static double? Score(JsonElement properties)
    {
        if (!properties.TryGetProperty("security-severity", out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.Number => value.GetDouble(),
            JsonValueKind.String when double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => null,
        };
    }

    private static JsonElement[] Array(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray()] : [];

    private static JsonElement? Object(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static long? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) ? n : null;
}
