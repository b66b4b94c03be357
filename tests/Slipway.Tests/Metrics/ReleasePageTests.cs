using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Slipway.Tests.Deployments;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Metrics;

/// <summary>The release page (`metrics --html`, `status --html`) as a person sees it: loaded in headless Chromium, read back from its DOM, its screenshot checked.</summary>
public sealed partial class ReleasePageTests
{
    private static readonly string[] May = ["--since", "2026-05-04", "--until", "2026-05-31"];

    [Fact]
    public async Task The_page_shows_what_runs_where_the_four_figures_and_every_outcome_in_a_browser_with_nothing_on_its_console()
    {
        using var project = new DeliveredProject();
        await project.WriteLedgerAsync();
        using var dir = new TempDirectory("slipway-page");
        var page = dir.Combine("deliveries.html");

        Expect.Success(project.Slipway(["metrics", "production", "--html", page, .. May]));
        var view = HeadlessChromium.Load(page, dir.Combine("light.png"), 1200, 1800);

        Assert.True(view.Console.Count == 0, string.Join('\n', view.Console));
        var text = Text(view.Dom);
        Assert.Contains("Promotion path: staging → production", text, StringComparison.Ordinal);
        Assert.Contains("production 1.4.0 ✓ succeeded since 2026-05-18 09:00 UTC by Ada Lovelace <ada@example.com> last good: 1.4.0", text, StringComparison.Ordinal);
        Assert.Contains("Delivery metrics: production , 2026-05-04 to 2026-05-31 (28 days)", text, StringComparison.Ordinal);
        Assert.Contains("Deployment frequency 0.75 a week 0.75 a week (3 successful deployments; 0.11 a day)", text, StringComparison.Ordinal);
        Assert.Contains("Lead time for changes 1d 2h median 1d 2h, p90 2d 1h (4 commits)", text, StringComparison.Ordinal);
        Assert.Contains("Change failure rate 50% 50% (2 of 4 deployments)", text, StringComparison.Ordinal);
        Assert.Contains("Time to restore 2h 30m median 2h 30m (2 restores)", text, StringComparison.Ordinal);
        Assert.Contains("2026-05-06 12:00 UTC 1.3.0 promote from staging ✗ failed", text, StringComparison.Ordinal);
        Assert.Contains("2026-05-11 15:00 UTC 1.3.1 rollback ↩ rolled back", text, StringComparison.Ordinal);
        Assert.Contains("api: batch publish", text, StringComparison.Ordinal);
        Assert.Equal(4, SvgCharts().Matches(view.Dom).Count(m => m.Value.Contains("class=\"chart\"", StringComparison.Ordinal)));
        Assert.Contains("<desc id=\"chart-frequency-d\">2026-05-04: 1; 2026-05-11: 1; 2026-05-18: 1; 2026-05-25: 0</desc>", view.Dom, StringComparison.Ordinal);
        var (colours, painted, luminance) = HeadlessChromium.Pixels(view.Screenshot);
        Assert.True(colours > 50 && painted > 0.05 && luminance > 180, $"screenshot {view.Screenshot}: {colours} colours, {painted:P1} painted, luminance {luminance:0}");
    }

    [Fact]
    public async Task On_a_phone_in_dark_mode_the_page_is_dark_and_no_wider_than_the_screen()
    {
        using var project = new DeliveredProject();
        await project.WriteLedgerAsync();
        using var dir = new TempDirectory("slipway-page");
        var page = dir.Combine("deliveries.html");
        Expect.Success(project.Slipway(["metrics", "--html", page, .. May]));
        // A copy of the page with a probe that writes what the layout measured into the DOM (allowed by its hash, like the page's own script).
        const string Probe = "document.body.setAttribute('data-scroll-width',String(document.documentElement.scrollWidth));document.body.setAttribute('data-inner-width',String(window.innerWidth));document.body.setAttribute('data-background',getComputedStyle(document.body).backgroundColor);";
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(Probe)));
        var html = File.ReadAllText(page).Replace("script-src '", $"script-src 'sha256-{hash}' '", StringComparison.Ordinal)
            .Replace("</body>", $"<script>{Probe}</script></body>", StringComparison.Ordinal);
        File.WriteAllText(dir.Combine("probed.html"), html);

        var view = HeadlessChromium.Load(dir.Combine("probed.html"), dir.Combine("phone-dark.png"), 390, 844, dark: true);

        Assert.True(view.Console.Count == 0, string.Join('\n', view.Console));
        Assert.Contains("data-background=\"rgb(13, 17, 23)\"", view.Dom, StringComparison.Ordinal);
        var width = int.Parse(ScrollWidth().Match(view.Dom).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var screen = int.Parse(InnerWidth().Match(view.Dom).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        // Chromium on Linux keeps a window at least 500 px wide, so the narrowest screen it lays out is that, not 390 px.
        Assert.True(screen <= 500, $"the window is {screen}px wide");
        Assert.True(width <= screen, $"the page is {width}px wide on a {screen}px screen");
        var (colours, painted, luminance) = HeadlessChromium.Pixels(view.Screenshot);
        Assert.True(colours > 20 && painted > 0.05 && luminance < 70, $"screenshot {view.Screenshot}: {colours} colours, {painted:P1} painted, luminance {luminance:0}");
    }

    [Fact]
    public async Task Hostile_commit_messages_reasons_and_actors_stay_text_in_the_browser()
    {
        using var project = new DeliveredProject(HostileInputs.CommitMessages);
        await project.WriteLedgerAsync(reason: "<img src=x onerror=alert(1)> $(touch /tmp/slipway-pwned)");
        await project.AppendAsync(project.Record("staging", "1.4.0", Slipway.Core.Deployments.DeploymentAction.Deploy, Slipway.Core.Deployments.DeploymentOutcome.Succeeded, DeliveredProject.At(20, 9))
            with
        { Actor = "<script>alert(2)</script>\u202e\u001b[31m", Detail = "fix: ANSI \u001b[31mred\u001b[0m and bell \u0007" });
        using var dir = new TempDirectory("slipway-page");
        var page = dir.Combine("deliveries.html");

        Expect.Success(project.Slipway(["metrics", "--html", page, .. May]));
        var view = HeadlessChromium.Load(page, dir.Combine("hostile.png"), 1200, 1200);

        Assert.True(view.Console.Count == 0, string.Join('\n', view.Console));
        Assert.Single(Regex.Matches(view.Dom, "<script", RegexOptions.IgnoreCase));
        Assert.DoesNotContain("<img", view.Dom, StringComparison.OrdinalIgnoreCase);
        var text = Text(view.Dom);
        Assert.Contains("<script>alert(1)</script> & \"quotes\" 'single'", text, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=alert(1)> $(touch /tmp/slipway-pwned)", text, StringComparison.Ordinal);
        Assert.Contains("<script>alert(2)</script>\\u202e\\u001b[31m", text, StringComparison.Ordinal);
        Assert.Contains("ANSI \\u001b[31mred\\u001b[0m and bell \\u0007", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202e', view.Dom);
        Assert.False(File.Exists("/tmp/slipway-pwned"));
    }

    [Fact]
    public async Task A_version_whose_tag_was_deleted_is_shown_and_marked()
    {
        using var project = new DeliveredProject();
        await project.WriteLedgerAsync();
        project.Repo.Git("tag", "-d", "v1.3.1");
        using var dir = new TempDirectory("slipway-page");
        var page = dir.Combine("deliveries.html");

        Expect.Success(project.Slipway(["metrics", "--html", page, .. May]));

        var text = Text(File.ReadAllText(page));
        Assert.Contains("2026-05-11 11:00 UTC 1.3.1 tag not found promote from staging ✓ succeeded", text, StringComparison.Ordinal);
        Assert.Contains("1.3.1 tag not found Its tag is not in this repository", text, StringComparison.Ordinal);
        Assert.Contains("Lead time for changes 1d 2h", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_html_after_real_deployments_shows_each_environment_and_prints_the_status_as_before()
    {
        using var example = new DeployExample();
        var approved = new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = "true", ["SLIPWAY_APPROVED_ENVIRONMENT"] = "production" };
        Expect.Success(example.Slipway("deploy", "staging", "1.3.0"));
        Expect.Success(example.Slipway(approved, "promote", "staging", "production"));
        example.Helm.FailOn("v1.3.1");
        Assert.Equal(1, example.Slipway("deploy", "staging", "1.3.1").ExitCode);
        using var dir = new TempDirectory("slipway-page");
        var page = dir.Combine("status.html");

        var result = example.Slipway("status", "--html", page);

        Expect.Success(result);
        Assert.Equal(example.Slipway("status").StandardOutput, result.StandardOutput);
        var text = Text(File.ReadAllText(page));
        Assert.Contains("staging 1.3.1 ✗ failed since", text, StringComparison.Ordinal);
        Assert.Contains("production 1.3.0 ✓ succeeded since", text, StringComparison.Ordinal);
        Assert.Contains("Delivery metrics: production", text, StringComparison.Ordinal);
        Assert.Contains("Change failure rate 0% 0% (0 of 1 deployment)", text, StringComparison.Ordinal);
        Assert.Contains("helm: Error: UPGRADE FAILED", text, StringComparison.Ordinal);
    }

    [Fact]
    public void With_an_empty_ledger_the_page_says_nothing_was_deployed_and_the_metrics_say_no_deployments()
    {
        using var project = new DeliveredProject();
        using var dir = new TempDirectory("slipway-page");
        var page = dir.Combine("status.html");

        Expect.Success(project.Slipway("status", "--html", page));

        var text = Text(File.ReadAllText(page));
        Assert.Contains("Nothing has been deployed yet: the ledger holds no deployment.", text, StringComparison.Ordinal);
        Assert.Contains("staging never deployed", text, StringComparison.Ordinal);
        Assert.Contains("no deployments in the window.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_environment_writes_no_page()
    {
        using var project = new DeliveredProject();
        using var dir = new TempDirectory("slipway-page");

        Expect.OneLineError(project.Slipway("metrics", "qa", "--html", dir.Combine("p.html")), 2, "unknown environment 'qa'", "use one of: staging, production");
        Assert.False(File.Exists(dir.Combine("p.html")));
    }

    /// <summary>What a person reads: the DOM's text, entities decoded, whitespace collapsed.</summary>
    private static string Text(string html)
    {
        var withoutHead = html[(html.IndexOf("<body", StringComparison.Ordinal) is var b and >= 0 ? b : 0)..];
        var text = WebUtility.HtmlDecode(Tags().Replace(Scripts().Replace(withoutHead, " "), " "));
        return Spaces().Replace(text, " ");
    }

    [GeneratedRegex("<script[^>]*>.*?</script>", RegexOptions.Singleline)]
    private static partial Regex Scripts();

    [GeneratedRegex("<svg[^>]*>.*?</svg>", RegexOptions.Singleline)]
    private static partial Regex SvgCharts();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("data-scroll-width=\"(\\d+)\"")]
    private static partial Regex ScrollWidth();

    [GeneratedRegex("data-inner-width=\"([0-9]+)\"")]
    private static partial Regex InnerWidth();
}
