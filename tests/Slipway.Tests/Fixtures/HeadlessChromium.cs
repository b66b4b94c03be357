using StbImageSharp;

namespace Slipway.Tests.Fixtures;

/// <summary>What a browser made of a page: its DOM after the scripts ran, what it printed to its console, and its screenshot.</summary>
public sealed record PageView(string Dom, IReadOnlyList<string> Console, string Screenshot, string Log);

/// <summary>
/// Debian's chromium (scripts/install-test-deps.sh installs it), headless, on a local file, with the flags that work on a
/// closed network as root (infra.md section J): one run gives the DOM (--dump-dom), the console (--enable-logging, lines
/// "INFO:CONSOLE...") and a screenshot. Each run has its own empty profile.
/// </summary>
public static class HeadlessChromium
{
    public const string Binary = "/usr/bin/chromium";

    public static PageView Load(string htmlFile, string screenshot, int width, int height, bool dark = false)
    {
        using var profile = new TempDirectory("slipway-chromium");
        List<string> arguments =
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--hide-scrollbars", $"--user-data-dir={profile.Path}",
            "--enable-logging=stderr", "--v=0", $"--window-size={width},{height}", $"--screenshot={screenshot}", "--dump-dom",
        ];
        if (dark)
        {
            // Blink's preferred colour scheme: 0 is dark (what a phone in dark mode reports to prefers-color-scheme).
            arguments.Add("--blink-settings=preferredColorScheme=0");
        }

        arguments.Add(new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri);
        var result = Run.Process(Binary, arguments, profile.Path, new Dictionary<string, string?> { ["DBUS_SESSION_BUS_ADDRESS"] = "disabled:" }, timeout: TimeSpan.FromMinutes(5));
        if (result.ExitCode != 0 || !File.Exists(screenshot))
        {
            throw new InvalidOperationException($"chromium did not render {htmlFile}: {result}");
        }

        var console = result.StandardError.Split('\n').Where(l => l.Contains(":CONSOLE", StringComparison.Ordinal)).Distinct().ToList();
        return new PageView(result.StandardOutput, console, screenshot, result.StandardError);
    }

    /// <summary>The screenshot's pixels: how many distinct colours, the share of pixels unlike the top-left one, and the mean luminance (0..255).</summary>
    public static (int Colours, double Painted, double Luminance) Pixels(string png)
    {
        var image = ImageResult.FromMemory(File.ReadAllBytes(png), ColorComponents.RedGreenBlue);
        var data = image.Data;
        var colours = new HashSet<int>();
        var (r0, g0, b0) = (data[0], data[1], data[2]);
        long painted = 0;
        double luminance = 0;
        for (var i = 0; i < data.Length; i += 3)
        {
            colours.Add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
            if (data[i] != r0 || data[i + 1] != g0 || data[i + 2] != b0)
            {
                painted++;
            }

            luminance += (0.2126 * data[i]) + (0.7152 * data[i + 1]) + (0.0722 * data[i + 2]);
        }

        var pixels = data.Length / 3;
        return (colours.Count, (double)painted / pixels, luminance / pixels);
    }
}
