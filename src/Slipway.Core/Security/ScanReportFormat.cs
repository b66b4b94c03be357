namespace Slipway.Core.Security;

/// <summary>The report formats `image.scan.format` names.</summary>
public enum ScanReportFormat
{
    /// <summary>`trivy image --format json`: Results[].Vulnerabilities[].</summary>
    Trivy,

    /// <summary>`grype -o json`: matches[].vulnerability and matches[].artifact.</summary>
    Grype,

    /// <summary>SARIF 2.1.0 (trivy --format sarif, grype -o sarif, and other scanners): runs[].results[].</summary>
    Sarif,
}
