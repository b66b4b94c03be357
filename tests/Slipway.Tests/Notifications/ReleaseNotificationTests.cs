using System.Security.Cryptography;
using System.Text;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Notifications;

/// <summary>`slipway release` tells a Slack-shaped listener, a signed webhook and a real SMTP server once the tag is pushed.</summary>
public sealed class ReleaseNotificationTests
{
    private static GitRepo Project(BareRemote remote, string notify, params string[] commits)
    {
        var repo = new GitRepo();
        repo.Git("remote", "add", "origin", remote.Url);
        repo.WriteFile("slipway.yml", "notify:\n" + notify);
        repo.Git("add", "slipway.yml");
        repo.Commit("fix: first");
        repo.Tag("v1.2.0");
        repo.Git("push", "--quiet", "origin", "main", "v1.2.0");
        foreach (var message in commits.Length == 0 ? ["feat: add the thing"] : commits)
        {
            repo.Commit(message);
        }

        return repo;
    }

    [Fact]
    public void Release_notifies_slack_a_signed_webhook_and_email_after_the_tag_is_on_the_remote()
    {
        using var remote = new BareRemote();
        var tagWasPushed = new List<bool>();
        using var slack = new WebhookListener(onRequest: _ => tagWasPushed.Add(remote.Tags().ContainsKey("v1.3.0")));
        using var hook = new WebhookListener();
        using var smtp = new SmtpServer();
        using var repo = Project(remote, Notified.Slack() + Notified.Webhook() + smtp.NotifyEntry());

        var result = repo.Slipway(Notified.Environment(slack, hook.Url, smtp), "release", "minor", "--yes");

        Expect.Success(result);
        Assert.Equal("released v1.3.0\n", result.StandardOutput);
        Assert.Empty(Notified.Warnings(result));
        Assert.Equal([true], tagWasPushed);

        var message = Assert.Single(slack.WaitFor(1));
        Assert.Equal("/services/T0001/B0002/s3cretPathToken", message.Path);
        Assert.EndsWith(" v1.3.0 is released", Notified.Headline(message), StringComparison.Ordinal);
        var blocks = message.Json.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        Assert.Equal("plain_text", blocks[0].GetProperty("text").GetProperty("type").GetString());
        var mrkdwn = Notified.Mrkdwn(message);
        Assert.Contains("*Version*\n1.3.0", mrkdwn);
        Assert.Contains("*Previous*\n1.2.0", mrkdwn);
        Assert.Contains(mrkdwn, t => t.Contains("- feat: add the thing (", StringComparison.Ordinal));

        var post = Assert.Single(hook.WaitFor(1));
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Notified.SigningKey), post.Body));
        Assert.Equal(expected, post.Headers["X-Slipway-Signature"]);
        Assert.Equal("release", post.Headers["X-Slipway-Event"]);
        Assert.StartsWith("application/json", post.Headers["Content-Type"], StringComparison.Ordinal);
        var payload = post.Json;
        Assert.Equal(1, payload.GetProperty("schemaVersion").GetInt32());
        Assert.Equal(("release", "1.3.0", "v1.3.0", "1.2.0", "succeeded"), (payload.GetProperty("event").GetString(), payload.GetProperty("version").GetString(),
            payload.GetProperty("tag").GetString(), payload.GetProperty("previous").GetString(), payload.GetProperty("outcome").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, payload.GetProperty("environment").ValueKind);
        Assert.Contains("- feat: add the thing (", payload.GetProperty("changelog").GetString(), StringComparison.Ordinal);

        var mail = Assert.Single(smtp.WaitFor(1));
        Assert.EndsWith(" v1.3.0 is released", mail.Subject, StringComparison.Ordinal);
        Assert.Equal("team@example.com", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Contains("Version: 1.3.0\n", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("<th align=\"left\">Version</th><td>1.3.0</td>", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rerun_that_finds_the_tag_pushed_does_not_announce_the_release_again()
    {
        using var remote = new BareRemote();
        using var slack = new WebhookListener();
        using var repo = Project(remote, Notified.Slack());
        Expect.Success(repo.Slipway(Notified.Environment(slack), "release", "minor", "--yes"));
        slack.WaitFor(1);

        var again = repo.Slipway(Notified.Environment(slack), "release", "minor", "--yes");

        Assert.Equal(0, again.ExitCode);
        Assert.Single(slack.Requests);
    }

    [Fact]
    public void Hostile_commit_messages_in_the_changelog_stay_data_in_the_webhook_json_slack_mrkdwn_and_html_mail()
    {
        using var remote = new BareRemote();
        using var slack = new WebhookListener();
        using var hook = new WebhookListener();
        using var smtp = new SmtpServer();
        // The excerpt is the changelog's first 2000 characters (newest first): the markup and template messages are committed last.
        var messages = HostileInputs.CommitMessages.OrderBy(m => m.Contains("<script>", StringComparison.Ordinal) || m.Contains("{{", StringComparison.Ordinal)).ToList();
        using var repo = Project(remote, Notified.Slack() + Notified.Webhook() + smtp.NotifyEntry(), [.. messages]);

        var result = repo.Slipway(Notified.Environment(slack, hook.Url, smtp), "release", "minor", "--yes");

        Expect.Success(result);
        var changelog = hook.WaitFor(1)[0].Json.GetProperty("changelog").GetString()!;
        Assert.Contains("<script>alert(1)</script> & \"quotes\"", changelog, StringComparison.Ordinal);
        Assert.Contains("{{ 7*7 }}", changelog, StringComparison.Ordinal);

        // Slack: no <, > or bare & of a commit reaches mrkdwn (no mention, no link, no markup): only entities.
        foreach (var text in Notified.Mrkdwn(slack.WaitFor(1)[0]))
        {
            Assert.DoesNotContain('<', text);
            Assert.DoesNotContain('>', text);
            Assert.DoesNotMatch("&(?!amp;|lt;|gt;)", text);
        }

        Assert.Contains(Notified.Mrkdwn(slack.Requests[0]), t => t.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"quotes\"", StringComparison.Ordinal));
        var mail = Assert.Single(smtp.WaitFor(1));
        Assert.DoesNotContain("<script>", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<script>alert(1)</script>", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("{{ 7*7 }}", mail.TextBody, StringComparison.Ordinal);
    }
}
