using Slipway.Adapters.Processes;
using Slipway.Core.Configuration;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;
using Slipway.Core.Security;

namespace Slipway.Adapters.Checks;

/// <summary>
/// Runs the user's image scanner (image.scan.run) as an argument array in the repository's root, with {report} a file in a
/// temporary folder of its own, and returns the report's text: the file when the command names {report}, else stdout.
/// A report present wins over the exit code (trivy --exit-code 1 exits 1 when it finds something); no report, or a scanner
/// still running after image.scan.timeout (stopped with everything it started), is a precondition failure naming the scanner.
/// </summary>
/// <remarks>Returns the text as found: whether it is the format's report is Core's to say (<see cref="ScanReport.Parse"/>).</remarks>
public sealed class ImageScanner(string workingDirectory)
{
    /// <param name="image">repository@digest.</param>
    /// <param name="output">The scanner's stdout and stderr, for --verbose.</param>
    public async Task<ScannerOutput> RunAsync(ImageScanConfig scan, string image, string version, string tag, Action<string> output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scan);
        ArgumentNullException.ThrowIfNull(output);
        var folder = Directory.CreateTempSubdirectory("slipway-scan-");
        try
        {
            var report = Path.Combine(folder.FullName, scan.Format == ScanReportFormat.Sarif ? "report.sarif" : "report.json");
            var values = new ScanValues(image, report, version, tag);
            var run = ScanCommand.Expand(scan.Run, values);
            var toFile = ScanCommand.WritesReportFile(scan.Run);
            var scanner = Path.GetFileName(run[0]);
            ProcessResult result;
            using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                deadline.CancelAfter(scan.Timeout);
                try
                {
                    result = await ProcessRunner.RunAsync(ProcessRunner.StartInfo(run[0], run.Skip(1), workingDirectory, values.Variables), null, deadline.Token)
                        .ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    // The runner stopped it and everything below it (SIGTERM, then SIGKILL after a grace) before giving way.
                    var limit = Duration.Format(scan.Timeout);
                    throw new SlipwayException(SlipwayError.Precondition($"the image scanner {scanner} timed out after {limit}",
                        $"raise image.scan.timeout (now {limit}) in slipway.yml, or make the scanner faster (a cached vulnerability DB)"));
                }
            }

            output(toFile ? result.StandardOutput + result.StandardError : result.StandardError);
            var text = toFile ? (File.Exists(report) ? await File.ReadAllTextAsync(report, cancellationToken).ConfigureAwait(false) : string.Empty) : result.StandardOutput;
            if (text.Trim().Length > 0)
            {
                return new ScannerOutput(scanner, text, result.ExitCode, result.LastErrorLine);
            }

            if (!result.Succeeded)
            {
                var said = result.LastErrorLine;
                throw new SlipwayException(SlipwayError.Precondition(
                    $"the image scanner {scanner} exited {result.ExitCode} without a report" + (said.Length > 0 ? $": {said}" : string.Empty),
                    "run image.scan.run by hand to see why (is the scanner installed, can it reach the registry?), then fix it in slipway.yml"));
            }

            throw new SlipwayException(SlipwayError.Precondition(
                $"the image scanner {scanner} exited 0 but wrote no report {(toFile ? "to {report}" : "on stdout")}",
                toFile ? "make image.scan.run write its report to \"{report}\" (trivy: --output \"{report}\"; grype: --file \"{report}\")"
                    : "make image.scan.run print its report, or write it to \"{report}\" (trivy: --output \"{report}\")"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
