using System.Net;
using System.Text;
using System.Text.Json;
using Slipway.Adapters.Ledger;
using Slipway.Core.Deployments;
using Slipway.Core.Notifications;
using Slipway.Core.Versioning;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Notifications;

/// <summary>Core's notification decisions: each channel's content, escaping, the signature, templates, routing and what a ledger append announces.</summary>
public sealed class NotificationMessageTests
{
    private static Notification Deployed(string? changelog = null, string? detail = null) => new()
    {
        Event = NotificationEvent.Deploy,
        Project = "agent-bus",
        Version = "1.3.0",
        Tag = "v1.3.0",
        Environment = "staging",
        Outcome = "succeeded",
        Previous = "1.2.0",
        Actor = "octocat",
        Detail = detail,
        Changelog = changelog,
        Url = "https://github.com/acme/agent-bus/releases/tag/v1.3.0",
        RunUrl = "https://github.com/acme/agent-bus/actions/runs/42?a=1&b=2",
    };

    private static NotificationTemplate Template(string source) => NotificationTemplate.Parse(source, "notify.liquid");

    [Fact]
    public void The_plain_text_of_a_deployment_is_the_readmes_sample_message()
    {
        var text = NotificationText.Plain(Deployed(changelog: "### Features\n\n- **api:** batch publish (1a2b3c4)\n"));

        Assert.Equal("""
            agent-bus 1.3.0 is deployed to staging

            Version: 1.3.0
            Environment: staging
            Outcome: succeeded
            Previous: 1.2.0
            By: octocat

            ### Features

            - **api:** batch publish (1a2b3c4)

            Release: https://github.com/acme/agent-bus/releases/tag/v1.3.0
            Workflow run: https://github.com/acme/agent-bus/actions/runs/42?a=1&b=2

            """, text);
    }

    [Fact]
    public void The_signature_is_githubs_hmac_sha256_of_the_exact_body()
    {
        // GitHub's documented example for X-Hub-Signature-256.
        Assert.Equal("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
            WebhookPayload.Signature(Encoding.UTF8.GetBytes("Hello, World!"), Encoding.UTF8.GetBytes("It's a Secret to Everybody")));
    }

    [Fact]
    public void The_webhook_payload_has_every_documented_key_always_present()
    {
        var payload = JsonDocument.Parse(WebhookPayload.Json(Deployed())).RootElement;

        Assert.Equal(["schemaVersion", "event", "project", "version", "tag", "environment", "outcome", "previous", "from", "actor", "detail", "url", "runUrl", "changelog", "text"],
            payload.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, payload.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("changelog").ValueKind);
        Assert.StartsWith("agent-bus 1.3.0 is deployed to staging\n\nVersion: 1.3.0\n", payload.GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Slack_escapes_ampersand_and_angle_brackets_and_keeps_links_as_links()
    {
        var json = JsonDocument.Parse(SlackMessage.Json(Deployed(detail: "<!channel> a & b <https://evil|click>"))).RootElement;
        var blocks = json.GetProperty("blocks").EnumerateArray().ToList();

        Assert.Equal("agent-bus 1.3.0 is deployed to staging", blocks[0].GetProperty("text").GetProperty("text").GetString());
        Assert.Equal("&lt;!channel&gt; a &amp; b &lt;https://evil|click&gt;", blocks[2].GetProperty("text").GetProperty("text").GetString());
        Assert.Equal("<https://github.com/acme/agent-bus/releases/tag/v1.3.0|Release> · <https://github.com/acme/agent-bus/actions/runs/42?a=1&amp;b=2|Workflow run>",
            blocks[^1].GetProperty("elements")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void A_long_changelog_is_cut_at_a_line_end_within_slacks_section_limit()
    {
        var changelog = string.Join('\n', Enumerable.Range(1, 400).Select(i => $"- fix: change number {i} & more"));
        var json = JsonDocument.Parse(SlackMessage.Json(Deployed(changelog))).RootElement;
        var section = json.GetProperty("blocks").EnumerateArray().Select(b => b.TryGetProperty("text", out var t) ? t.GetProperty("text").GetString()! : string.Empty)
            .Single(t => t.StartsWith("- fix: change number 1 ", StringComparison.Ordinal));

        Assert.True(section.Length <= 3000, $"{section.Length} characters");
        Assert.EndsWith("&amp; more\n…", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Email_has_a_text_part_and_an_html_part_whose_values_are_encoded()
    {
        var email = EmailMessage.For(Deployed("- fix: <b>bold</b> & \"x\"", "it's <fine>"));

        Assert.Equal("agent-bus 1.3.0 is deployed to staging", email.Subject);
        Assert.Contains("- fix: <b>bold</b> & \"x\"\n", email.Text, StringComparison.Ordinal);
        Assert.Contains("<pre>- fix: &lt;b&gt;bold&lt;/b&gt; &amp; &quot;x&quot;</pre>", email.Html, StringComparison.Ordinal);
        Assert.Contains("<p>it&#39;s &lt;fine&gt;</p>", email.Html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://github.com/acme/agent-bus/actions/runs/42?a=1&amp;b=2\">Workflow run</a>", email.Html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(HostileInputs.CommitMessageCases), MemberType = typeof(HostileInputs))]
    public void A_hostile_commit_message_stays_data_in_json_slack_mrkdwn_and_html(int index)
    {
        var message = HostileInputs.CommitMessages[index];
        var notification = Deployed(changelog: message, detail: message);
        var excerpt = NotificationText.Excerpt(message);

        var payload = JsonDocument.Parse(WebhookPayload.Json(notification)).RootElement;
        Assert.Equal(excerpt, payload.GetProperty("changelog").GetString());
        Assert.Equal(message, payload.GetProperty("detail").GetString());

        var texts = JsonDocument.Parse(SlackMessage.Json(notification)).RootElement.GetProperty("blocks").EnumerateArray()
            .Where(b => b.GetProperty("type").GetString() == "section" && b.TryGetProperty("text", out _))
            .Select(b => b.GetProperty("text").GetProperty("text").GetString()!).ToList();
        Assert.All(texts, t => Assert.DoesNotMatch("[<>]|&(?!amp;|lt;|gt;)", t));
        // A section holds at most 3000 characters (Slack's limit): a longer message is its start and "…".
        Assert.Contains(texts, t => Unescape(t) == message.Trim() || (t.Length == 3000 && t.EndsWith('…') && message.Trim().StartsWith(Unescape(t[..^1]), StringComparison.Ordinal)));

        var html = EmailMessage.For(notification).Html;
        var pre = html[(html.IndexOf("<pre>", StringComparison.Ordinal) + 5)..html.IndexOf("</pre>", StringComparison.Ordinal)];
        Assert.DoesNotMatch("[<>]", pre);
        Assert.Equal(excerpt, WebUtility.HtmlDecode(pre));
    }

    [Fact]
    public void A_template_sees_values_escaped_for_slack_and_never_runs_liquid_in_them()
    {
        var template = Template("*{{ project }}* {{ version }} → {{ environment }}\n{{ changelog }}\n<{{ url }}|the release>");

        var text = template.Render(Deployed("- fix: {{ 7*7 }} & <b>"), SlackMessage.Escape);

        Assert.Equal("*agent-bus* 1.3.0 → staging\n- fix: {{ 7*7 }} &amp; &lt;b&gt;\n<https://github.com/acme/agent-bus/releases/tag/v1.3.0|the release>", text);
    }

    [Fact]
    public void A_template_with_an_unknown_variable_is_an_error_when_it_is_loaded()
    {
        var error = Assert.Throws<Slipway.Core.Errors.SlipwayException>(() => Template("{{ versoin }}")).Error;

        Assert.Equal(Slipway.Core.Errors.ExitCode.Usage, error.Code);
        Assert.Contains("notify.liquid:1: template error: undefined variable 'versoin'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_notifier_wants_its_events_and_for_deployments_its_environments()
    {
        var settings = new NotifierSettings { Name = "ops", Kind = NotifierKind.Webhook, Events = [NotificationEvent.Deploy, NotificationEvent.Release], Environments = ["production"] };

        Assert.False(settings.Wants(Deployed()));
        Assert.True(settings.Wants(Deployed() with { Environment = "production" }));
        Assert.True(settings.Wants(Deployed() with { Event = NotificationEvent.Release, Environment = null }));
        Assert.False(settings.Wants(Deployed() with { Event = NotificationEvent.Failure, Environment = "production" }));
        Assert.True(settings.Wants(Deployed() with { Event = NotificationEvent.Test }));
    }

    [Fact]
    public void An_automatic_rollback_announces_the_failure_then_the_rollback_from_the_version_that_failed()
    {
        var before = new DeploymentHistory([Record("a", "1.3.0", DeploymentAction.Deploy, DeploymentOutcome.Succeeded)]);
        List<DeploymentRecord> appended = [
            Record("b", "1.3.1", DeploymentAction.Deploy, DeploymentOutcome.RolledBack) with { Detail = "health check failed: HTTP 503" },
            Record("c", "1.3.0", DeploymentAction.Rollback, DeploymentOutcome.Succeeded)];

        var announced = DeploymentAnnouncements.For(appended, before, "agent-bus", v => "v" + v, null).Select(a => a.Notification).ToList();

        Assert.Equal([(NotificationEvent.Failure, "1.3.1", "1.3.0", "rolled_back"), (NotificationEvent.Rollback, "1.3.0", "1.3.1", "succeeded")],
            announced.Select(n => (n.Event, n.Version!, n.Previous!, n.Outcome)));
        Assert.Equal("agent-bus: deploying 1.3.1 to staging failed and was rolled back", NotificationText.Headline(announced[0]));
        Assert.Equal("agent-bus: staging is rolled back from 1.3.1 to 1.3.0", NotificationText.Headline(announced[1]));
    }

    [Fact]
    public void A_manual_rollback_announces_one_rollback_not_the_version_it_marks_bad()
    {
        var before = new DeploymentHistory([Record("a", "1.3.0", DeploymentAction.Deploy, DeploymentOutcome.Succeeded), Record("b", "1.3.1", DeploymentAction.Deploy, DeploymentOutcome.Succeeded)]);
        List<DeploymentRecord> appended = [Record("c", "1.3.1", DeploymentAction.Rollback, DeploymentOutcome.RolledBack), Record("d", "1.3.0", DeploymentAction.Rollback, DeploymentOutcome.Succeeded)];

        var announced = Assert.Single(DeploymentAnnouncements.For(appended, before, "agent-bus", v => "v" + v, null));

        Assert.Equal(("d", NotificationEvent.Rollback, "1.3.1"), (announced.Record.Id, announced.Notification.Event, announced.Notification.Previous));
    }

    [Fact]
    public void Ledger_lines_written_before_notifications_existed_still_read_and_new_ones_keep_them()
    {
        var old = LedgerJson.Parse("""{"schema":1,"id":"a1","environment":"staging","version":"1.3.0","action":"deploy","outcome":"succeeded","at":"2026-12-01T10:00:00Z","actor":"ada","forced":false}""");
        Assert.NotNull(old);
        Assert.Empty(old.Notifications);

        var line = LedgerJson.Line(old with { Notifications = [new NotificationResult("ops-hook", "deploy", false, "HTTP 500"), new NotificationResult("team-slack", "deploy", true)] });

        Assert.EndsWith("""
            "notifications":[{"notifier":"ops-hook","event":"deploy","sent":false,"problem":"HTTP 500"},{"notifier":"team-slack","event":"deploy","sent":true}]}
            """, line, StringComparison.Ordinal);
        Assert.Equal([("ops-hook", false, "HTTP 500"), ("team-slack", true, null)], LedgerJson.Parse(line)!.Notifications.Select(n => (n.Notifier, n.Sent, n.Problem)));
    }

    private static DeploymentRecord Record(string id, string version, DeploymentAction action, DeploymentOutcome outcome) => new()
    {
        Id = id,
        Environment = "staging",
        Version = SemanticVersion.Parse(version),
        Action = action,
        Outcome = outcome,
        At = DateTimeOffset.UnixEpoch,
        Actor = "ada",
    };

    private static string Unescape(string text) => text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);
}
