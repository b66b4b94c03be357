using Slipway.Core.Security;

namespace Slipway.Core.Configuration;

/// <summary>slipway.yml's `image.scan:`: the user's scanner as an argument array, the report's format, the severity that blocks, and the accepted findings.</summary>
public sealed record ImageScanConfig
{
    /// <summary>The scanner command with its placeholders ({image}, {report}, {version}, {tag}); see <see cref="ScanCommand"/>.</summary>
    public required IReadOnlyList<string> Run { get; init; }

    public ScanReportFormat Format { get; init; } = ScanReportFormat.Trivy;

    /// <summary>Findings at or above this severity block (default high).</summary>
    public ScanSeverity FailOn { get; init; } = ScanSeverity.High;

    /// <summary>How long the scanner may run: after it, it (and everything it started) is stopped and the scan is refused.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Accepted findings, each until a date.</summary>
    public IReadOnlyList<ScanIgnore> Ignore { get; init; } = [];
}
