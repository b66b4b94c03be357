using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Scanning;

/// <summary>
/// The user's image scanner as Slipway's contract sees it: a program run with image.scan.run's arguments that writes a report to
/// {report} (here, a copy of a fixture in Trivy's format) and exits; it records the image it was given. A script, as a user's wrapper would be.
/// </summary>
public sealed class ScannerStandIn : IDisposable
{
    private readonly TempDirectory _directory = new("slipway-scanner");

    public ScannerStandIn()
    {
        File.WriteAllText(Program, """
            #!/bin/sh
            dir=$(dirname "$0")
            printf '%s\n' "$1" >> "$dir/scanned"
            [ -f "$dir/hang" ] && sleep 300
            [ -f "$dir/report.json" ] && cp "$dir/report.json" "$2"
            code=$(cat "$dir/exit-code" 2>/dev/null || echo 0)
            [ "$code" = 0 ] || echo "FATAL: init error: DB error: failed to download vulnerability DB" >&2
            exit "$code"

            """);
        File.SetUnixFileMode(Program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string Program => _directory.Combine("scan.sh");

    /// <summary>image.scan: for slipway.yml, under image: (two-space indent), with this fail_on and these ignore lines.</summary>
    public string Config(string extra = "") => $"  scan:\n    run: [{Program}, \"{{image}}\", \"{{report}}\"]\n{extra}";

    /// <summary>The report the next scans write: a fixture of tests/Slipway.Tests/Core/Security/Fixtures.</summary>
    public void Reports(string fixture) =>
        File.Copy(SourceTree.Path("tests", "Slipway.Tests", "Core", "Security", "Fixtures", fixture), _directory.Combine("report.json"), overwrite: true);

    /// <summary>The next scans write no report (a scanner that could not run).</summary>
    public void ReportsNothing() => File.Delete(_directory.Combine("report.json"));

    /// <summary>The next scans hang (a scanner stuck downloading its vulnerability DB): the script sleeps 300s.</summary>
    public void Hangs() => File.WriteAllText(_directory.Combine("hang"), string.Empty);

    public void ExitsWith(int code) => File.WriteAllText(_directory.Combine("exit-code"), $"{code}\n");

    /// <summary>The {image} of each scan, in order.</summary>
    public IReadOnlyList<string> Scanned => File.Exists(_directory.Combine("scanned")) ? File.ReadAllLines(_directory.Combine("scanned")) : [];

    public void Dispose() => _directory.Dispose();
}
