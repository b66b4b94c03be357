using System.Text.Json;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Cli.ConventionalBumps;

/// <summary>`plan --bump auto`, `version --next --bump auto` and `release auto` through the real CLI on real repositories.</summary>
public sealed class AutoBumpTests
{
    private static GitRepo RepoAt(string tag, string? config = null)
    {
        var repo = new GitRepo();
        if (config is not null)
        {
            repo.WriteFile("slipway.yml", config);
        }

        repo.Commit("chore: start");
        repo.Tag(tag);
        return repo;
    }

    private static string Preset(string name) => $"versioning:\n  preset: {name}\n";

    [Theory]
    [InlineData("conventionalcommits", "2.0.0", "major: breaking change in")]
    [InlineData("angular", "1.2.4", "patch: 1 fix since v1.2.3 (preset angular)")]
    [InlineData("release-please", "2.0.0", "major: breaking change in")]
    public void Plan_auto_shows_the_version_each_preset_picks_for_a_bang(string preset, string next, string why)
    {
        using var repo = RepoAt("v1.2.3", Preset(preset));
        repo.Commit("fix: handle the edge");
        repo.Commit("feat!: drop the v1 endpoints");

        var plan = repo.Slipway("plan", "--bump", "auto");

        Expect.Success(plan);
        Assert.Contains($"Next      {next}  (tag v{next})", plan.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"Why       {why}", plan.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(next, repo.Slipway("version", "--next", "--bump", "auto").StandardOutput.Trim());
    }

    [Theory]
    [InlineData("conventionalcommits", null)]
    [InlineData("angular", null)]
    [InlineData("release-please", "1.3.0")]
    public void A_feat_in_a_merge_commit_body_counts_only_for_release_please(string preset, string? next)
    {
        using var repo = RepoAt("v1.2.3", Preset(preset));
        repo.Branch("topic");
        repo.Commit("docs: explain the flag");
        repo.Switch("main");
        repo.Git("merge", "--quiet", "--no-ff", "-m", "Merge pull request #12 from a/topic\n\nfeat: add the flag", "topic");

        var plan = repo.Slipway("plan", "--bump", "auto", "--json");

        Expect.Success(plan);
        var json = JsonDocument.Parse(plan.StandardOutput).RootElement;
        Assert.Equal(next is null ? "none" : "minor", json.GetProperty("bump").GetString());
        if (next is null)
        {
            Assert.Equal("no releasable commits since v1.2.3 (only docs, other)", json.GetProperty("nothingToRelease").GetString());
        }
        else
        {
            Assert.Equal(next, json.GetProperty("next").GetProperty("version").GetString());
        }

        // The merge commit decides the bump but stays out of the plan's commits (the changelog leaves merges out).
        var subjects = json.GetProperty("commits").EnumerateArray().Select(c => c.GetProperty("subject").GetString()).ToList();
        Assert.Equal(["docs: explain the flag"], subjects);
    }

    [Fact]
    public void A_Release_As_footer_forces_the_version_with_release_please()
    {
        using var repo = RepoAt("v1.2.3", Preset("release-please"));
        repo.Commit("chore: prepare the big one\n\nRelease-As: 3.0.0");

        var plan = repo.Slipway("plan", "--bump", "auto");

        Expect.Success(plan);
        Assert.Contains("Next      3.0.0  (tag v3.0.0)", plan.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Why       3.0.0: Release-As footer in", plan.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Conventional_bumps_in_the_configuration_make_auto_the_default()
    {
        using var repo = RepoAt("v1.2.3", "versioning:\n  bump: conventional\n");
        repo.Commit("feat(api): add the endpoint");
        repo.Commit("fix: handle the edge");
        repo.Commit("fix: and the other edge");

        var plan = repo.Slipway("plan");

        Expect.Success(plan);
        Assert.Contains("Why       minor: 1 feat, 2 fix since v1.2.3 (preset conventionalcommits)", plan.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("1.3.0", repo.Slipway("version", "--next").StandardOutput.Trim());
        // An explicit bump still wins over the configuration.
        Assert.Equal("2.0.0", repo.Slipway("version", "--next", "--bump", "major").StandardOutput.Trim());
    }

    [Fact]
    public void The_seeds_table_in_versioning_rules_makes_docs_a_patch()
    {
        using var repo = RepoAt("v1.2.3", "versioning:\n  bump: conventional\n  rules: { breaking: major, feat: minor, fix: patch, docs: patch, perf: patch }\n");
        repo.Commit("docs: explain the flag");

        Assert.Equal("1.2.4", repo.Slipway("version", "--next").StandardOutput.Trim());
        repo.WriteFile("slipway.yml", "versioning:\n  bump: conventional\n");
        Assert.Contains("no releasable commits since v1.2.3 (only docs)", repo.Slipway("plan").StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_with_a_bad_bump_is_a_one_line_error_naming_file_line_and_key()
    {
        using var repo = RepoAt("v1.2.3", "versioning:\n  bump: conventional\n  rules:\n    feat: minor\n    docs: big\n");

        Expect.OneLineError(repo.Slipway("plan"), 2, "slipway.yml:5: versioning.rules.docs: 'big' is not a bump", "major, minor, patch, none");
    }

    [Fact]
    public void Release_auto_tags_and_pushes_the_version_the_commits_call_for()
    {
        using var remote = new BareRemote();
        using var repo = RepoAt("v1.2.3");
        repo.Git("remote", "add", "origin", remote.Url);
        repo.Git("push", "--quiet", "origin", "main", "v1.2.3");
        repo.Commit("feat: add the flag");
        repo.Commit("docs: explain the flag");

        var release = repo.Slipway("release", "auto", "--yes");

        Expect.Success(release);
        Assert.Equal("released v1.3.0", release.StandardOutput.Trim());
        Assert.Equal(repo.Head, remote.Tags()["v1.3.0"]);
    }

    [Fact]
    public void Release_auto_with_no_releasable_commit_exits_3_with_the_reason_and_tags_nothing()
    {
        using var remote = new BareRemote();
        using var repo = RepoAt("v1.2.3");
        repo.Git("remote", "add", "origin", remote.Url);
        repo.Git("push", "--quiet", "origin", "main", "v1.2.3");
        repo.Commit("docs: explain the flag");
        repo.Commit("chore: tidy up");

        var plan = repo.Slipway("plan", "--bump", "auto");
        Expect.Success(plan);
        Assert.Contains("Next      none (no release)", plan.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("nothing to release: no releasable commits since v1.2.3 (only chore, docs)", plan.StandardOutput, StringComparison.Ordinal);

        Expect.OneLineError(repo.Slipway("release", "auto", "--yes"), 3, "nothing to release: no releasable commits since v1.2.3 (only chore, docs)");
        Assert.Equal(["v1.2.3"], remote.Tags().Keys);
    }

    [Fact]
    public void Prerelease_line_with_auto_goes_rc1_rc2_then_the_release_covers_everything_since_the_last_stable()
    {
        using var remote = new BareRemote();
        using var repo = RepoAt("v1.2.3", "versioning:\n  bump: conventional\n");
        repo.Git("remote", "add", "origin", remote.Url);
        repo.Git("push", "--quiet", "origin", "main", "v1.2.3");
        repo.Commit("feat: add the flag");

        Expect.Success(repo.Slipway("release", "auto", "--pre", "rc", "--yes"));
        Assert.True(remote.Tags().ContainsKey("v1.3.0-rc.1"));

        // Only a fix since rc.1, but the feat before it still makes this a 1.3.0 candidate.
        repo.Commit("fix: handle the edge");
        Assert.Contains("Next      1.3.0-rc.2", repo.Slipway("plan", "--pre", "rc").StandardOutput, StringComparison.Ordinal);
        Expect.Success(repo.Slipway("release", "--pre", "rc", "--yes"));
        Assert.True(remote.Tags().ContainsKey("v1.3.0-rc.2"));

        var release = repo.Slipway("release", "auto", "--yes");

        Expect.Success(release);
        Assert.Equal(repo.Head, remote.Tags()["v1.3.0"]);
        var notes = remote.Git("tag", "-l", "--format=%(contents)", "v1.3.0");
        Assert.Contains("feat: add the flag", notes, StringComparison.Ordinal);
        Assert.Contains("fix: handle the edge", notes, StringComparison.Ordinal);
    }
}
