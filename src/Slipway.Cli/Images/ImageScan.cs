using Slipway.Adapters.Checks;
using Slipway.Core.Configuration;
using Slipway.Core.Errors;
using Slipway.Core.Security;

namespace Slipway.Cli.Images;

/// <summary>The image scan as `ci release`, `deploy` and `image scan` run it: the user's scanner on repository@digest, its report read, the verdict decided for today.</summary>
public static class ImageScan
{
    /// <param name="image">The image's name (registry/owner/app), without tag or digest.</param>
    /// <param name="now">The clock's now: an ignore entry holds through its until day (UTC).</param>
    /// <param name="output">The scanner's own output, for --verbose.</param>
    public static async Task<ScanVerdict> RunAsync(ImageScanConfig scan, string root, string image, string digest, string version, string tag, DateTimeOffset now,
        Action<string> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var reference = $"{image}@{digest}";
        var found = await new ImageScanner(root).RunAsync(scan, reference, version, tag, output, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<ScanFinding> findings;
        try
        {
            findings = ScanReport.Parse(found.Report, scan.Format);
        }
        catch (SlipwayException) when (found.ExitCode != 0)
        {
            // A scanner that failed and printed something else than its report: its failure is the story, not the format.
            throw new SlipwayException(SlipwayError.Precondition(
                $"the image scanner {found.Scanner} exited {found.ExitCode} without a {ScanReport.Name(scan.Format)} report" +
                (found.LastErrorLine.Length > 0 ? $": {found.LastErrorLine}" : string.Empty),
                "run image.scan.run by hand to see why (is the scanner installed, can it reach the registry?), then fix it in slipway.yml"));
        }

        return ScanVerdict.Decide(reference, findings, scan.FailOn, scan.Ignore, DateOnly.FromDateTime(now.UtcDateTime));
    }
}
