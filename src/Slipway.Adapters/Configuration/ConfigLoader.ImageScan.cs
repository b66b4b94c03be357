using System.Globalization;
using Slipway.Core.Configuration;
using Slipway.Core.Security;

namespace Slipway.Adapters.Configuration;

public static partial class ConfigLoader
{
    /// <summary>image.scan: run (an argument array with known placeholders), format, fail_on, and ignore entries that must each expire.</summary>
    private static ImageScanConfig ReadImageScan(YamlNodeReader scan)
    {
        var run = Command(scan, "run") ?? throw Missing(scan, "run", "the scanner as a list, e.g. run: [trivy, image, --format, json, --output, \"{report}\", \"{image}\"]");
        if (run.Select(ScanCommand.UnknownPlaceholder).OfType<string>().FirstOrDefault() is { } unknown)
        {
            throw YamlNodeReader.Error(scan.File, scan.Node("run")!, scan.KeyPath("run"), $"{unknown} is not a placeholder",
                $"use {string.Join(", ", ScanCommand.Placeholders.Select(p => "{" + p + "}"))}");
        }

        var format = scan.Choice("format", "trivy", "grype", "sarif") switch
        {
            "grype" => ScanReportFormat.Grype,
            "sarif" => ScanReportFormat.Sarif,
            _ => ScanReportFormat.Trivy,
        };
        var failOn = scan.Choice("fail_on", [.. ScanSeverities.FailOnWords]) is { } word ? ScanSeverities.FromWord(word) : ScanSeverity.High;
        var ignore = (scan.MappingList("ignore") ?? []).Select(ReadScanIgnore).ToList();
        var timeout = DurationValue(scan, "timeout");
        scan.RejectUnknownKeys();
        var result = new ImageScanConfig { Run = run, Format = format, FailOn = failOn, Ignore = ignore };
        return timeout is { } limit ? result with { Timeout = limit } : result;
    }

    private static ScanIgnore ReadScanIgnore(YamlNodeReader entry)
    {
        var id = entry.Text("id") is { Length: > 0 } text ? text : throw Missing(entry, "id", "the finding's id, e.g. id: CVE-2024-1234");
        var until = entry.Text("until") ?? throw Missing(entry, "until", "the last day it is ignored, e.g. until: 2027-01-31; an ignore entry must expire");
        if (!DateOnly.TryParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw YamlNodeReader.Error(entry.File, entry.Node("until")!, entry.KeyPath("until"), $"'{until}' is not a date", "write it as YYYY-MM-DD, e.g. until: 2027-01-31");
        }

        var reason = entry.Text("reason");
        entry.RejectUnknownKeys();
        return new ScanIgnore(id, date, reason);
    }
}
