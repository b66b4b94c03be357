using System.Text.Json;
using Slipway.Core.Deployments;
using Slipway.Tests.Deployments;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Notifications;

/// <summary>deploy, promote and rollback announce each attempt after it ends; a notifier that fails is a warning and a line in the ledger, never a failed deployment.</summary>
public sealed class DeployNotificationTests
{
    private static string Config(string notify, string? staging = null) => $"""
        environments:
          staging:
            helm: {"{"} release: agent-bus, chart: ./helm/agent-bus, namespace: agent-bus-staging {"}"}
        {staging ?? string.Empty}  production:
            helm: {"{"} release: agent-bus, chart: ./helm/agent-bus, namespace: agent-bus-prod {"}"}
            requires: {"{"} promoted_from: staging {"}"}
        notify:
        {notify}
        """;

    [Fact]
    public void Deploy_promote_and_rollback_each_notify_slack_and_email_with_what_ran_before()
    {
        using var slack = new WebhookListener();
        using var smtp = new SmtpServer();
        using var example = new DeployExample(Config(Notified.Slack() + smtp.NotifyEntry()));
        var environment = Notified.Environment(slack, smtp: smtp);

        Expect.Success(example.Slipway(environment, "deploy", "staging", "1.3.0"));
        Expect.Success(example.Slipway(environment, "promote", "staging", "production"));
        Expect.Success(example.Slipway(environment, "deploy", "staging", "1.3.1"));
        var rollback = example.Slipway(environment, "rollback", "staging");

        Expect.Success(rollback);
        Assert.Empty(Notified.Warnings(rollback));
        var headlines = slack.WaitFor(4).Select(Notified.Headline).Select(h => h[(h.IndexOf(' ', StringComparison.Ordinal) + 1)..]).ToList();
        Assert.Equal(["1.3.0 is deployed to staging", "1.3.0 is promoted from staging to production", "1.3.1 is deployed to staging",
            "staging is rolled back from 1.3.1 to 1.3.0"], headlines);
        Assert.Contains("*Previous*\n1.3.0", Notified.Mrkdwn(slack.Requests[2]));
        Assert.Contains("*Environment*\nproduction", Notified.Mrkdwn(slack.Requests[1]));
        var subjects = smtp.WaitFor(4).Select(m => m.Subject![(m.Subject!.IndexOf(' ', StringComparison.Ordinal) + 1)..]).ToList();
        Assert.Equal(headlines, subjects);
        Assert.Contains("Outcome: succeeded\n", smtp.Messages[3].TextBody, StringComparison.Ordinal);
        Assert.All(example.RemoteLedger().Where(r => r.Outcome == DeploymentOutcome.Succeeded),
            r => Assert.Equal([("team-slack", true), ("team-mail", true)], r.Notifications.Select(n => (n.Notifier, n.Sent))));
    }

    [Fact]
    public void A_webhook_that_is_down_leaves_deploy_at_exit_0_with_a_warning_and_the_failure_in_the_ledger()
    {
        var down = $"http://127.0.0.1:{FreePort.Next()}/hook/s3cretPathToken";
        using var example = new DeployExample(Config(Notified.Webhook()));

        var result = example.Slipway(Notified.Environment(hookUrl: down), "deploy", "staging", "1.3.0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("deployed 1.3.0 to staging\n", result.StandardOutput);
        var warning = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("slipway: warning: the deploy notification to ops-hook failed: ", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cretPathToken", result.StandardError, StringComparison.Ordinal);
        var record = Assert.Single(example.RemoteLedger());
        Assert.Equal(DeploymentOutcome.Succeeded, record.Outcome);
        var notification = Assert.Single(record.Notifications);
        Assert.Equal(("ops-hook", "deploy", false), (notification.Notifier, notification.Event, notification.Sent));
        Assert.Equal(warning["slipway: warning: the deploy notification to ops-hook failed: ".Length..], notification.Problem);

        var history = example.Slipway("history", "staging", "--json");
        var attempt = JsonDocument.Parse(history.StandardOutput).RootElement.GetProperty("attempts")[0];
        Assert.False(attempt.GetProperty("notifications")[0].GetProperty("sent").GetBoolean());
    }

    [Fact]
    public void A_webhook_that_answers_500_is_tried_three_times_then_warned_about_and_deploy_succeeds()
    {
        using var hook = new WebhookListener(status: 500);
        using var example = new DeployExample(Config(Notified.Webhook()));

        var result = example.Slipway(Notified.Environment(hookUrl: hook.Url), "deploy", "staging", "1.3.0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(3, hook.Requests.Count);
        Assert.Equal(["slipway: warning: the deploy notification to ops-hook failed: HTTP 500 (internal_error)"], Notified.Warnings(result));
        Assert.Equal("HTTP 500 (internal_error)", Assert.Single(Assert.Single(example.RemoteLedger()).Notifications).Problem);
    }

    [Fact]
    public void A_webhook_slower_than_its_timeout_is_a_warning_and_deploy_succeeds()
    {
        using var hook = new WebhookListener(hold: true);
        using var fast = new WebhookListener();
        using var example = new DeployExample(Config(Notified.Webhook(extra: "    timeout: 1s\n") + Notified.Slack()));

        var result = example.Slipway(Notified.Environment(fast, hook.Url), "deploy", "staging", "1.3.0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["slipway: warning: the deploy notification to ops-hook failed: no answer within 1 s"], Notified.Warnings(result));
        Assert.NotEmpty(hook.WaitFor(1));
        Assert.Single(fast.Requests);
        var results = Assert.Single(example.RemoteLedger()).Notifications;
        Assert.Equal([("ops-hook", false), ("team-slack", true)], results.Select(n => (n.Notifier, n.Sent)));
    }

    [Fact]
    public void A_blocked_and_a_failed_deployment_are_announced_to_the_notifiers_that_want_them_and_keep_their_exit_codes()
    {
        using var slack = new WebhookListener();
        using var quiet = new WebhookListener();
        var gate = "    gates:\n      - { name: image-scan, run: [sh, -c, 'echo \"CVE-2026-0001 <critical> & more\" >&2; exit 4'] }\n";
        using var example = new DeployExample(Config(
            Notified.Slack(extra: "    events: [failure, blocked]\n") + Notified.Webhook(extra: "    environments: [production]\n"), gate));

        var blocked = example.Slipway(Notified.Environment(slack, quiet.Url), "deploy", "staging", "1.3.0");

        Expect.OneLineError(blocked, 3, "gate 'image-scan' failed");
        var message = Assert.Single(slack.WaitFor(1));
        Assert.EndsWith(": 1.3.0 was blocked from staging", Notified.Headline(message), StringComparison.Ordinal);
        Assert.Contains(Notified.Mrkdwn(message), t => t.Contains("CVE-2026-0001 &lt;critical&gt; &amp; more", StringComparison.Ordinal));
        Assert.Empty(quiet.Requests);

        example.Helm.FailOn("v1.3.0");
        var failed = example.Slipway(Notified.Environment(slack, quiet.Url), "deploy", "production", "1.3.0", "--force", "--reason", "test");

        Expect.OneLineError(failed, 1, "deploying 1.3.0 to production failed");
        Assert.EndsWith(": deploying 1.3.0 to production failed", Notified.Headline(slack.WaitFor(2)[1]), StringComparison.Ordinal);
        var payload = Assert.Single(quiet.WaitFor(1)).Json;
        Assert.Equal(("failure", "production", "failed"), (payload.GetProperty("event").GetString(), payload.GetProperty("environment").GetString(), payload.GetProperty("outcome").GetString()));
        Assert.StartsWith("helm: ", payload.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_secret_variable_stops_deploy_with_exit_2_before_helm_runs()
    {
        using var example = new DeployExample(Config(Notified.Slack()));

        var result = example.Slipway("deploy", "staging", "1.3.0");

        Expect.OneLineError(result, 2, "slipway.yml:", "notify[0].url_env: environment variable SLACK_URL is not set", "set SLACK_URL to");
        Assert.Empty(example.Helm.Upgrades);
        Assert.Empty(example.RemoteLedger());
    }
}
