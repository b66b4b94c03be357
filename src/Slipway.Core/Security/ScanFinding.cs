namespace Slipway.Core.Security;

/// <summary>One vulnerability a scanner reported: its id (CVE-2024-1234, GHSA-…, or a SARIF rule id), severity, and the package when the report names it.</summary>
public sealed record ScanFinding(string Id, ScanSeverity Severity, string? Package = null, string? InstalledVersion = null, string? FixedVersion = null);
