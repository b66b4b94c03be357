using System.Net;
using Slipway.Adapters.GitHub;
using Slipway.Core.Publishing;
using Slipway.Core.Versioning;

namespace Slipway.Tests.Publishing;

/// <summary>The pure rules behind publish: which repository a remote names, which version is Latest, what changed, when to retry.</summary>
public sealed class GitHubRulesTests
{
    [Theory]
    [InlineData("https://github.com/acme/app.git", "acme/app")]
    [InlineData("https://github.com/acme/app", "acme/app")]
    [InlineData("https://x-access-token:secret@github.com/acme/app.git", "acme/app")]
    [InlineData("git@github.com:acme/app.git", "acme/app")]
    [InlineData("ssh://git@github.com/acme/app.git", "acme/app")]
    [InlineData("ssh://git@ghe.example.com:2222/acme/app.git", "acme/app")]
    [InlineData("https://ghe.example.com/scm/acme/my.app", "acme/my.app")]
    public void A_remote_url_names_its_repository(string url, string expected)
    {
        Assert.True(GitHubRepositoryName.TryFromRemoteUrl(url, out var name));
        Assert.Equal(expected, name.ToString());
    }

    [Theory]
    [InlineData("file:///tmp/repo.git")]
    [InlineData("/srv/git/app.git")]
    [InlineData("https://github.com/acme")]
    [InlineData("https://github.com/acme/..")]
    [InlineData("")]
    public void A_remote_url_that_names_no_GitHub_repository_is_refused(string url) =>
        Assert.False(GitHubRepositoryName.TryFromRemoteUrl(url, out _));

    [Theory]
    [InlineData("acme/app", true)]
    [InlineData("acme/app/extra", false)]
    [InlineData("acme", false)]
    [InlineData("-acme/app", false)]
    [InlineData("acme/a b", false)]
    public void Owner_slash_name_is_checked(string text, bool valid) =>
        Assert.Equal(valid, GitHubRepositoryName.TryParse(text, out _));

    [Theory]
    [InlineData("1.2.1", false, new[] { "1.2.0", "1.1.0" }, true)]
    [InlineData("1.1.5", false, new[] { "1.2.0", "1.1.4" }, false)]
    [InlineData("2.0.0-rc.1", false, new[] { "1.2.0" }, false)]
    [InlineData("2.0.0", true, new[] { "1.2.0" }, false)]
    [InlineData("2.0.0", false, new[] { "2.1.0-rc.1", "1.2.0" }, true)]
    [InlineData("1.0.0", false, new string[0], true)]
    public void Only_the_highest_stable_published_version_is_latest(string version, bool draft, string[] known, bool latest) =>
        Assert.Equal(latest, LatestReleaseRule.IsLatest(SemanticVersion.Parse(version), draft, known.Select(SemanticVersion.Parse)));

    [Fact]
    public void Only_fields_that_differ_are_changes_and_line_endings_do_not_count()
    {
        var wanted = new ReleasePublication("v1.0.0", SemanticVersion.Parse("1.0.0"), "v1.0.0", "## What's Changed\n- x\n", Draft: false, Latest: true);

        Assert.Empty(PublicationChanges.Between("v1.0.0", "## What's Changed\r\n- x\r\n", false, false, wanted));
        Assert.Equal(["notes", "published"], PublicationChanges.Between("v1.0.0", "other", true, false, wanted));
        Assert.Equal(["title", "prerelease"], PublicationChanges.Between(null, wanted.Notes, false, true, wanted));
    }

    [Fact]
    public void Retries_are_bounded_and_a_long_rate_limit_is_not_waited_for()
    {
        var policy = new GitHubRetryPolicy();
        using var serverError = new HttpResponseMessage(HttpStatusCode.BadGateway);
        using var notFound = new HttpResponseMessage(HttpStatusCode.NotFound);
        using var limited = new HttpResponseMessage(HttpStatusCode.Forbidden);
        limited.Headers.Add("x-ratelimit-remaining", "0");
        limited.Headers.Add("x-ratelimit-reset", DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var forbidden = new HttpResponseMessage(HttpStatusCode.Forbidden);

        Assert.Equal([0.5, 1, 2], Enumerable.Range(1, 3).Select(a => policy.Decide(serverError, a).Delay.TotalSeconds));
        Assert.False(policy.Decide(serverError, 4).Retry);
        Assert.False(policy.Decide(notFound, 1).Retry);
        Assert.False(policy.Decide(forbidden, 1).Retry);
        var decision = policy.Decide(limited, 1);
        Assert.False(decision.Retry);
        Assert.NotNull(decision.Until);
    }

    [Fact]
    public void The_upload_url_template_is_expanded_with_the_escaped_name() =>
        Assert.Equal("http://127.0.0.1:1/repos/o/r/releases/7/assets?name=app%2B1.zip",
            GitHubReleases.UploadUrl("http://127.0.0.1:1/repos/o/r/releases/7/assets{?name,label}", "app+1.zip").AbsoluteUri);
}
