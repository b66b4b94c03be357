using System.Globalization;
using System.Text;
using Slipway.Cli.Dashboard;
using Slipway.Core.Changelog;
using Slipway.Core.Deployments;
using Slipway.Core.Metrics;

namespace Slipway.Cli.Output.Html;

/// <summary>
/// The release page: one self-contained HTML file (model in, text out) that shows what runs where since when, the promotion
/// path, the four delivery metrics with a trend each, every environment's attempts, and the changelog of each version named.
/// Every piece of data goes through <see cref="HtmlText"/>.
/// </summary>
public static class DashboardPage
{
    /// <summary>The outcomes in the order the page stacks and lists them, with the sign each badge carries beside its colour.</summary>
    private static readonly (string Name, string Sign, string Words)[] Outcomes =
    [
        ("succeeded", "✓", "succeeded"), ("failed", "✗", "failed"), ("rolled_back", "↩", "rolled back"), ("blocked", "■", "blocked"), ("unknown", "?", "unknown"),
    ];

    private const int MaxEntries = 100;

    public static string Render(DashboardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var html = new StringBuilder(64 * 1024);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(DashboardStyle.ContentSecurityPolicy).Append("\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"color-scheme\" content=\"light dark\">\n")
            .Append("<title>").Append(HtmlText.Encode(model.Repository)).Append(": releases and deployments</title>\n")
            .Append("<style>").Append(DashboardStyle.Css).Append("</style>\n</head>\n<body>\n<main>\n");
        html.Append("<header><h1><span class=\"data\">").Append(HtmlText.Encode(model.Repository)).Append("</span>: releases and deployments</h1>")
            .Append("<p class=\"muted\">Made by <code>slipway</code> on ").Append(DurationText.Time(model.GeneratedAt))
            .Append(" from the deployment ledger and the repository.</p></header>\n");
        if (model.NothingDeployed)
        {
            html.Append("<p class=\"notice\" id=\"nothing-deployed\">Nothing has been deployed yet: the ledger holds no deployment. ")
                .Append("<code>slipway deploy ENV VERSION</code> records the first one.</p>\n");
        }

        Environments(html, model);
        Metrics(html, model);
        Timeline(html, model);
        Versions(html, model);
        html.Append("</main>\n<script>").Append(DashboardStyle.Script).Append("</script>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void Environments(StringBuilder html, DashboardModel model)
    {
        html.Append("<section aria-labelledby=\"where\">\n<h2 id=\"where\">What runs where</h2>\n");
        var chains = model.Path.Chains.Where(c => c.Count > 1).ToList();
        if (chains.Count > 0)
        {
            html.Append("<p class=\"path\">Promotion path: ");
            html.AppendJoin("; ", chains.Select(c => string.Join(" → ", c.Select(n => $"<a href=\"#{HtmlText.Id("env-", n)}\" class=\"data\">{HtmlText.Encode(n)}</a>"))));
            html.Append("</p>\n");
        }

        html.Append("<div class=\"grid\">\n");
        foreach (var panel in model.Environments)
        {
            var status = panel.Status;
            html.Append("<div class=\"card env\"><h3 class=\"data\">").Append(HtmlText.Encode(status.Name)).Append("</h3>");
            if (status.Current is not { } current)
            {
                html.Append("<p class=\"figure muted\">never deployed</p>");
            }
            else
            {
                html.Append("<p class=\"figure\">").Append(VersionLink(model, current.Version.ToString())).Append("</p>")
                    .Append("<p>").Append(Badge(current.Outcome, model.Pending.Contains(current.Id))).Append(" since ")
                    .Append(DurationText.Time(status.Since ?? current.At)).Append("</p>")
                    .Append("<p class=\"muted\">by <span class=\"data\">").Append(HtmlText.Encode(current.Actor)).Append("</span></p>")
                    .Append("<p class=\"muted\">last good: ").Append(status.LastGood is { } good ? VersionLink(model, good.Version.ToString()) : "none").Append("</p>");
            }

            html.Append("</div>\n");
        }

        html.Append("</div>\n</section>\n");
    }

    private static void Metrics(StringBuilder html, DashboardModel model)
    {
        var report = model.Metrics;
        html.Append("<section aria-labelledby=\"metrics\">\n<h2 id=\"metrics\">Delivery metrics: <span class=\"data\">").Append(HtmlText.Encode(report.Environment))
            .Append("</span>, ").Append(DurationText.Date(report.Window.Start)).Append(" to ").Append(DurationText.LastDay(report.Window.End))
            .Append(" (").Append(DurationText.Days(report.Window.Length)).Append(" days)</h2>\n");
        if (report.IsEmpty)
        {
            html.Append("<p class=\"notice\" id=\"no-deployments\">").Append(MetricsRenderer.NoDeployments).Append(".</p>\n</section>\n");
            return;
        }

        var trend = report.Trend;
        string Label(TrendPoint p) => DurationText.Date(p.Window.Start);
        html.Append("<div class=\"grid\">\n");
        Card(html, "frequency", "Deployment frequency", $"{DurationText.Rate(report.Frequency.PerWeek)} a week", MetricsRenderer.Frequency(report.Frequency),
            TrendChart.Bars("chart-frequency", "Successful deployments in each part of the window",
                [.. trend.Select(p => (Label(p), (double?)p.Frequency.Deployments))], v => v.ToString("0", CultureInfo.InvariantCulture)));
        Card(html, "lead-time", "Lead time for changes", report.LeadTime.Median is { } median ? DurationText.Format(median) : "none",
            MetricsRenderer.Lead(report.LeadTime, report.Environment),
            TrendChart.Bars("chart-lead-time", "Median lead time of the commits deployed in each part of the window",
                [.. trend.Select(p => (Label(p), p.LeadTime.Median?.TotalSeconds))], v => DurationText.Format(TimeSpan.FromSeconds(v))));
        Card(html, "failure-rate", "Change failure rate", report.FailureRate.Rate is { } rate ? DurationText.Percent(rate) : "none",
            MetricsRenderer.FailureRate(report.FailureRate),
            TrendChart.Bars("chart-failure-rate", "Change failure rate in each part of the window",
                [.. trend.Select(p => (Label(p), p.FailureRate.Rate))], DurationText.Percent));
        Card(html, "restore", "Time to restore", report.Restore.Median is { } restore ? DurationText.Format(restore) : "none",
            MetricsRenderer.Restore(report.Restore),
            TrendChart.Bars("chart-restore", "Median time to restore of the failures that began in each part of the window",
                [.. trend.Select(p => (Label(p), p.Restore.Median?.TotalSeconds))], v => DurationText.Format(TimeSpan.FromSeconds(v))));
        html.Append("</div>\n");
        foreach (var note in MetricsRenderer.Notes(report))
        {
            html.Append("<p class=\"muted\">Note: ").Append(HtmlText.Encode(note)).Append(".</p>\n");
        }

        html.Append("<p class=\"muted\">Deployments are deploy and promote attempts that reached Helm; the trend shows each part of the window, oldest first.</p>\n</section>\n");
    }

    private static void Card(StringBuilder html, string id, string title, string figure, string detail, string chart) =>
        html.Append("<div class=\"card metric\" id=\"metric-").Append(id).Append("\"><h3>").Append(title).Append("</h3>")
            .Append("<p class=\"figure\">").Append(HtmlText.Encode(figure)).Append("</p>")
            .Append("<p class=\"muted detail\">").Append(HtmlText.Encode(detail)).Append("</p>")
            .Append(chart).Append("</div>\n");

    private static void Timeline(StringBuilder html, DashboardModel model)
    {
        html.Append("<section aria-labelledby=\"deployments\">\n<h2 id=\"deployments\">Deployments</h2>\n<p class=\"legend\">");
        html.AppendJoin(" ", Outcomes.Select(o => $"<span class=\"badge o-{o.Name}\">{o.Sign} {o.Words}</span>"));
        html.Append("</p>\n");
        var names = Outcomes.Select(o => o.Name).ToList();
        foreach (var panel in model.Environments)
        {
            var name = panel.Status.Name;
            var id = HtmlText.Id("env-", name);
            html.Append("<h3 id=\"").Append(id).Append("\" class=\"data\">").Append(HtmlText.Encode(name)).Append("</h3>\n");
            html.Append(TrendChart.Strip(id + "-strip", $"Attempts in {name} each day from {DurationText.Date(model.Metrics.Window.Start)} to {DurationText.LastDay(model.Metrics.Window.End)}", panel.Days, names));
            if (panel.Recent.Count == 0)
            {
                html.Append("<p class=\"muted\">No attempt yet.</p>\n");
                continue;
            }

            html.Append("<div class=\"scroll\"><table><caption class=\"visually-hidden\">Attempts in ").Append(HtmlText.Encode(name)).Append(", newest first</caption>")
                .Append("<thead><tr><th scope=\"col\">When</th><th scope=\"col\">Version</th><th scope=\"col\">Action</th><th scope=\"col\">Outcome</th><th scope=\"col\">By</th><th scope=\"col\">Reason / detail</th></tr></thead><tbody>\n");
            foreach (var r in panel.Recent)
            {
                var action = DeploymentNames.Of(r.Action) + (r.From is null ? string.Empty : $" from {r.From}") + (r.Forced ? " (forced)" : string.Empty);
                var why = string.Join(" — ", new[] { r.Reason, r.Detail }.Where(s => !string.IsNullOrEmpty(s)));
                html.Append("<tr class=\"attempt\"><td>").Append(DurationText.Time(r.At)).Append("</td><td>").Append(VersionLink(model, r.Version.ToString()))
                    .Append("</td><td class=\"data\">").Append(HtmlText.Encode(action)).Append("</td><td>").Append(Badge(r.Outcome, model.Pending.Contains(r.Id)))
                    .Append("</td><td class=\"data\">").Append(HtmlText.Encode(r.Actor)).Append("</td><td class=\"why\">").Append(why.Length == 0 ? "–" : HtmlText.Encode(why))
                    .Append("</td></tr>\n");
            }

            html.Append("</tbody></table></div>\n");
            if (panel.TotalAttempts > panel.Recent.Count)
            {
                html.Append("<p class=\"muted\">").Append(panel.TotalAttempts - panel.Recent.Count).Append(" earlier attempts: <code>slipway history ")
                    .Append(HtmlText.Encode(name)).Append("</code></p>\n");
            }
        }

        html.Append("</section>\n");
    }

    private static void Versions(StringBuilder html, DashboardModel model)
    {
        var versions = model.Changelogs.Keys.Concat(model.MissingTags).Distinct(StringComparer.Ordinal).ToList();
        if (versions.Count == 0)
        {
            return;
        }

        html.Append("<section aria-labelledby=\"versions\">\n<h2 id=\"versions\">Versions</h2>\n<p class=\"muted\">Each version's changes since the version before it.</p>\n");
        foreach (var version in versions.OrderByDescending(v => Core.Versioning.SemanticVersion.TryParse(v, out var s, out _) ? s : null))
        {
            html.Append("<details id=\"").Append(HtmlText.Id("version-", version)).Append("\"><summary><span class=\"data\">").Append(HtmlText.Encode(version)).Append("</span>");
            if (!model.Changelogs.TryGetValue(version, out var release))
            {
                html.Append(" <span class=\"mark\">tag not found</span></summary><p class=\"muted\">Its tag is not in this repository (deleted, or not fetched: <code>git fetch --tags</code>), so its changes are not known here.</p></details>\n");
                continue;
            }

            html.Append(" <span class=\"muted\">").Append(HtmlText.Encode(release.Tag)).Append(release.Date is { } date ? ", " + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty)
                .Append(", ").Append(release.Entries.Count).Append(release.Entries.Count == 1 ? " change" : " changes").Append("</span></summary>\n");
            Changelog(html, release);
            html.Append("</details>\n");
        }

        html.Append("</section>\n");
    }

    private static void Changelog(StringBuilder html, ChangelogRelease release)
    {
        if (release.Entries.Count == 0)
        {
            html.Append("<p class=\"muted\">No change since ").Append(release.PreviousTag is null ? "the start" : HtmlText.Encode(release.PreviousTag)).Append(".</p>\n");
            return;
        }

        var shown = 0;
        var sections = new List<(string Title, IReadOnlyList<ChangelogEntry> Entries)>();
        if (release.Breaking.Count > 0)
        {
            sections.Add(("Breaking changes", release.Breaking));
        }

        sections.AddRange(release.Groups.Select(g => (g.Title, g.Entries)));
        foreach (var (title, entries) in sections)
        {
            html.Append("<h4 class=\"data\">").Append(HtmlText.Encode(title)).Append("</h4>\n<ul class=\"changes\">\n");
            foreach (var entry in entries.Take(Math.Max(0, MaxEntries - shown)))
            {
                var text = entry.Scope is { Length: > 0 } scope ? $"{scope}: {entry.Description}" : entry.Description;
                html.Append("<li><span class=\"data\">").Append(HtmlText.Encode(text)).Append("</span> <code>").Append(HtmlText.Encode(entry.Commit.ShortSha)).Append("</code></li>\n");
                shown++;
            }

            html.Append("</ul>\n");
        }

        if (release.Entries.Count > shown)
        {
            html.Append("<p class=\"muted\">and ").Append(release.Entries.Count - shown).Append(" more: <code>slipway notes ").Append(HtmlText.Encode(release.Version)).Append("</code></p>\n");
        }
    }

    private static string VersionLink(DashboardModel model, string version)
    {
        var link = $"<a href=\"#{HtmlText.Id("version-", version)}\" class=\"data\">{HtmlText.Encode(version)}</a>";
        return model.MissingTags.Contains(version) ? link + " <span class=\"mark\" title=\"its tag is not in this repository\">tag not found</span>" : link;
    }

    private static string Badge(DeploymentOutcome outcome, bool pending)
    {
        var name = DashboardReader.OutcomeName(outcome);
        var (_, sign, words) = Array.Find(Outcomes, o => o.Name == name) is { Name: not null } known ? known : Outcomes[^1];
        return $"<span class=\"badge o-{name}\">{sign} {words}{(pending ? " (not pushed)" : string.Empty)}</span>";
    }
}
