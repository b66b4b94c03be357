using System.Text.Json;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Cli;

/// <summary>Tags under another prefix than tag.prefix are named, never silently ignored; tag.prefix takes a list.</summary>
public sealed class TagPrefixTests
{
    private static GitRepo Unprefixed()
    {
        var repo = new GitRepo();
        repo.Commit("fix: a");
        repo.Tag("1.0.0");
        repo.Commit("feat: b");
        repo.Tag("1.1.0");
        repo.Commit("feat: c");
        repo.Tag("2.0.0-rc.1");
        repo.Commit("fix: d");
        return repo;
    }

    [Fact]
    public void With_the_default_prefix_unprefixed_version_tags_are_named_by_plan_verbose_and_release()
    {
        using var remote = new BareRemote();
        using var repo = Unprefixed();
        repo.Git("remote", "add", "origin", remote.Url);

        var plan = repo.Slipway("plan", "--json");
        Expect.Success(plan);
        var check = JsonDocument.Parse(plan.StandardOutput).RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "prefix");
        Assert.False(check.GetProperty("ok").GetBoolean());
        Assert.Contains("3 tags without a prefix (highest 2.0.0-rc.1)", check.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Contains("prefix: ''", check.GetProperty("fix").GetString(), StringComparison.Ordinal);

        var verbose = repo.Slipway("version", "--verbose");
        Assert.Equal("0.0.0\n", verbose.StandardOutput);
        Assert.Contains("3 tags without a prefix", verbose.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("without a prefix", repo.Slipway("version").StandardError, StringComparison.Ordinal);

        Expect.OneLineError(repo.Slipway("release", "--yes"), 3, "prefix: no tag has the prefix 'v'", "3 tags without a prefix", "tag: { prefix: '' }");
        Assert.Empty(remote.Tags());
    }

    [Fact]
    public void An_empty_prefix_reads_unprefixed_tags_and_new_tags_get_none()
    {
        using var remote = new BareRemote();
        using var repo = Unprefixed();
        repo.Git("remote", "add", "origin", remote.Url);
        repo.WriteFile("slipway.yml", "tag:\n  prefix: ''\n");
        repo.Commit("chore: config");

        Assert.Equal("2.0.0-rc.1\n", repo.Slipway("version").StandardOutput);
        Expect.Success(repo.Slipway("release", "major", "--yes"));
        Assert.Equal(repo.Head, remote.Tags()["2.0.0"]);
    }

    [Fact]
    public void A_prefix_list_reads_a_history_whose_tag_style_changed_and_new_tags_get_the_first()
    {
        using var remote = new BareRemote();
        using var repo = new GitRepo();
        repo.Git("remote", "add", "origin", remote.Url);
        repo.Commit("fix: a");
        repo.Tag("v3.0.0");
        repo.Commit("fix: b");
        repo.Tag("v4.0.0");
        repo.Commit("feat: c");
        repo.Tag("5.0.0");
        repo.Commit("feat: d");
        repo.Tag("6.1.0");
        repo.Commit("fix: e");

        var before = repo.Slipway("plan", "--json");
        var prefix = JsonDocument.Parse(before.StandardOutput).RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "prefix");
        Assert.True(prefix.GetProperty("ok").GetBoolean());
        Assert.Contains("2 tags without a prefix (highest 6.1.0) not read, higher than the current version", prefix.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("4.0.0\n", repo.Slipway("version").StandardOutput);

        repo.WriteFile("slipway.yml", "tag:\n  prefix: [v, '']\n");
        repo.Commit("chore: read both tag styles");
        Assert.Equal("6.1.0\n", repo.Slipway("version").StandardOutput);
        Expect.Success(repo.Slipway("release", "--yes"));
        Assert.Equal(repo.Head, remote.Tags()["v6.1.1"]);
        Assert.Equal("6.1.1\n", repo.Slipway("version").StandardOutput);
    }

    [Fact]
    public void The_same_version_under_another_listed_prefix_exists_already()
    {
        using var repo = new GitRepo();
        repo.WriteFile("slipway.yml", "tag:\n  prefix: [v, '']\n");
        repo.Commit("fix: a");
        repo.Tag("1.0.0");
        repo.Branch("side");
        repo.Commit("fix: side");
        repo.Tag("1.0.1");
        repo.Switch("main");
        repo.Commit("fix: b");

        Expect.OneLineError(repo.Slipway("version", "--next"), 3, "1.0.1 already exists: tag 1.0.1");
    }

    [Theory]
    [InlineData("tag:\n  prefix: []\n", "tag.prefix", "empty")]
    [InlineData("tag:\n  prefix: [v, 'a b']\n", "tag.prefix", "'a b' cannot start a git tag name")]
    public void A_bad_prefix_list_is_a_configuration_error(string yaml, string key, string problem)
    {
        using var repo = new GitRepo();
        repo.WriteFile("slipway.yml", yaml);
        repo.Commit("fix: a");
        Expect.OneLineError(repo.Slipway("version"), 2, key, problem);
    }
}
