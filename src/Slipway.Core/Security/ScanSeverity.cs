namespace Slipway.Core.Security;

/// <summary>How severe a scanner finding is, lowest first (Trivy's and Grype's words; SARIF's are mapped, see <see cref="ScanReport"/>).</summary>
public enum ScanSeverity
{
    /// <summary>The scanner gave no severity (Trivy UNKNOWN, Grype Unknown): counted, never blocking.</summary>
    Unknown,

    /// <summary>Grype's Negligible: below low.</summary>
    Negligible,

    Low,

    Medium,

    High,

    Critical,
}

/// <summary>Reading a severity as the scanners and slipway.yml write it.</summary>
public static class ScanSeverities
{
    /// <summary>The words `fail_on:` accepts, lowest first.</summary>
    public static readonly IReadOnlyList<string> FailOnWords = ["low", "medium", "high", "critical"];

    /// <summary>A scanner's severity word in any case (CRITICAL, Critical, critical); anything else is Unknown.</summary>
    public static ScanSeverity FromWord(string? word) => word?.Trim().ToUpperInvariant() switch
    {
        "CRITICAL" => ScanSeverity.Critical,
        "HIGH" => ScanSeverity.High,
        "MEDIUM" or "MODERATE" => ScanSeverity.Medium,
        "LOW" => ScanSeverity.Low,
        "NEGLIGIBLE" => ScanSeverity.Negligible,
        _ => ScanSeverity.Unknown,
    };

    /// <summary>A CVSS-like score (SARIF's security-severity) as GitHub code scanning ranks it: 9.0+ critical, 7.0+ high, 4.0+ medium, above 0 low.</summary>
    public static ScanSeverity FromScore(double score) => score switch
    {
        >= 9.0 => ScanSeverity.Critical,
        >= 7.0 => ScanSeverity.High,
        >= 4.0 => ScanSeverity.Medium,
        > 0.0 => ScanSeverity.Low,
        _ => ScanSeverity.Unknown,
    };

    /// <summary>The lower-case word the summaries print.</summary>
    public static string Word(this ScanSeverity severity) => severity switch
    {
        ScanSeverity.Critical => "critical",
        ScanSeverity.High => "high",
        ScanSeverity.Medium => "medium",
        ScanSeverity.Low => "low",
        ScanSeverity.Negligible => "negligible",
        _ => "unknown",
    };
}
