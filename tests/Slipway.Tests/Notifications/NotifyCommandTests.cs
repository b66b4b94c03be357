using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Notifications;

/// <summary>`slipway notify test [NAME]` and the notify: section's bad input (exit 2, one line naming the key, no secret printed).</summary>
public sealed class NotifyCommandTests
{
    private static GitRepo Repo(string notify)
    {
        var repo = new GitRepo();
        repo.WriteFile("slipway.yml", "notify:\n" + notify);
        repo.Commit("feat: first");
        return repo;
    }

    [Fact]
    public void Notify_test_sends_through_every_notifier_and_exits_1_naming_the_one_that_failed()
    {
        using var slack = new WebhookListener();
        using var hook = new WebhookListener(status: 500);
        using var smtp = new SmtpServer();
        using var repo = Repo(Notified.Slack(extra: "    events: [release]\n") + Notified.Webhook() + smtp.NotifyEntry());

        var result = repo.Slipway(Notified.Environment(slack, hook.Url, smtp), "notify", "test");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("team-slack: sent\nops-hook: failed: HTTP 500 (internal_error)\nteam-mail: sent\n", result.StandardOutput);
        Expect.OneLineError(result, 1, "1 of 3 notifiers failed: ops-hook");
        Assert.EndsWith(": a test message from slipway", Notified.Headline(Assert.Single(slack.Requests)), StringComparison.Ordinal);
        Assert.Equal("test", hook.Requests[0].Json.GetProperty("event").GetString());
        Assert.EndsWith(": a test message from slipway", Assert.Single(smtp.WaitFor(1)).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Notify_test_with_a_name_sends_through_that_notifier_only_and_exits_0()
    {
        using var slack = new WebhookListener();
        using var hook = new WebhookListener(status: 500);
        using var repo = Repo(Notified.Slack() + Notified.Webhook());

        var result = repo.Slipway(Notified.Environment(slack, hook.Url), "notify", "test", "team-slack");

        Expect.Success(result);
        Assert.Equal("team-slack: sent\n", result.StandardOutput);
        Assert.Empty(hook.Requests);
        Expect.OneLineError(repo.Slipway(Notified.Environment(slack, hook.Url), "notify", "test", "nobody"), 2, "unknown notifier 'nobody'", "team-slack, ops-hook");
    }

    [Fact]
    public void Email_over_implicit_tls_reaches_a_real_smtp_server_that_only_its_own_certificate_vouches_for()
    {
        using var smtp = new SmtpServer(implicitTls: true);
        using var repo = Repo(smtp.NotifyEntry());

        var result = repo.Slipway(Notified.Environment(smtp: smtp), "notify", "test");

        Expect.Success(result);
        var mail = Assert.Single(smtp.WaitFor(1));
        Assert.Equal("slipway@example.com", Assert.Single(mail.From.Mailboxes).Address);
        Assert.Contains("a test message from slipway", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void An_smtp_server_whose_certificate_is_not_the_configured_one_is_not_trusted()
    {
        using var smtp = new SmtpServer();
        using var other = new SmtpServer();
        using var repo = Repo(smtp.NotifyEntry().Replace(smtp.CertificatePath, other.CertificatePath, StringComparison.Ordinal));

        var result = repo.Slipway(Notified.Environment(smtp: smtp), "notify", "test");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("team-mail: failed: SMTP 127.0.0.1:", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("certificate", result.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(smtp.Messages);
        Assert.DoesNotContain(SmtpServer.Password, result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  - kind: teams\n    url_env: X\n", "slipway.yml:2: notify[0].kind: 'teams' is not a kind of notifier", "use slack, webhook or email")]
    [InlineData("  - kind: slack\n", "slipway.yml:2: notify[0].url_env: is required", "environment variable")]
    [InlineData("  - kind: slack\n    url_env: SLACK_URL\n    events: [deploy, shipped]\n", "slipway.yml:4: notify[0].events: 'shipped' is not an event", "release, publish, deploy")]
    [InlineData("  - kind: email\n    smtp: { host: smtp.example.com }\n    from: slipway@example.com\n    to: [team@example, ops@example.com]\n",
        "slipway.yml:5: notify[0].to: 'team@example' is not an email address", "name@example.com")]
    [InlineData("  - kind: email\n    smtp: { host: smtp.example.com, port: 70000 }\n    from: a@example.com\n    to: b@example.com\n",
        "notify[0].smtp.port: '70000' is not a whole number", null)]
    [InlineData("  - kind: slack\n    url_env: SLACK_URL\n  - kind: slack\n    url_env: OTHER\n", "notify[1].name: two notifiers are named 'slack'", null)]
    public void A_bad_notify_entry_is_exit_2_with_one_line_naming_file_line_and_key(string notify, string message, string? fix)
    {
        using var repo = Repo(notify);

        var result = repo.Slipway("notify", "test");

        var line = Expect.OneLineError(result, 2, message);
        Assert.Contains(fix ?? string.Empty, line, StringComparison.Ordinal);
        Expect.OneLineError(repo.Slipway("version"), 2, message);
    }

    [Fact]
    public void A_webhook_url_written_in_the_file_instead_of_its_variable_is_refused_without_echoing_it()
    {
        using var repo = Repo("  - kind: slack\n    url_env: https://hooks.slack.com/services/T0/B0/tokenTOKEN\n");

        var result = repo.Slipway("notify", "test");

        Expect.OneLineError(result, 2, "notify[0].url_env: is not an environment variable's name", "never the secret itself");
        Assert.DoesNotContain("tokenTOKEN", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_or_malformed_secret_is_exit_2_naming_the_key_and_variable_but_never_the_value()
    {
        using var repo = Repo(Notified.Webhook());

        Expect.OneLineError(repo.Slipway(new Dictionary<string, string?> { ["HOOK_KEY"] = "k" }, "notify", "test"), 2,
            "slipway.yml:4: notify[0].url_env: environment variable HOOK_URL is not set");
        Expect.OneLineError(repo.Slipway(new Dictionary<string, string?> { ["HOOK_URL"] = "http://127.0.0.1:9/x" }, "notify", "test"), 2,
            "slipway.yml:5: notify[0].secret_env: environment variable HOOK_KEY is not set");
        var malformed = repo.Slipway(new Dictionary<string, string?> { ["HOOK_URL"] = "not a url SECRETVALUE", ["HOOK_KEY"] = "k" }, "notify", "test");
        Expect.OneLineError(malformed, 2, "environment variable HOOK_URL does not hold an http(s) URL");
        Assert.DoesNotContain("SECRETVALUE", malformed.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Notify_test_without_notifiers_says_how_to_add_them()
    {
        using var repo = new GitRepo();
        repo.Commit("feat: first");

        Expect.OneLineError(repo.Slipway("notify", "test"), 2, "no notifiers are configured", "add notify: to slipway.yml");
    }
}
