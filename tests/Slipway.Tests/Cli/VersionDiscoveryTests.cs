using System.Text.Json;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Cli;

/// <summary>`slipway version` on real histories: the highest reachable version tag, not the nearest.</summary>
public sealed class VersionDiscoveryTests
{
    [Fact]
    public void A_repository_with_no_tags_is_at_0_0_0_and_the_next_patch_is_0_0_1()
    {
        using var repo = new GitRepo();
        repo.Commit("feat: first");
        Assert.Equal("0.0.0\n", repo.Slipway("version").StandardOutput);
        Assert.Equal("0.0.1\n", repo.Slipway("version", "--next").StandardOutput);
    }

    [Fact]
    public void The_highest_reachable_tag_wins_over_the_nearest_one()
    {
        using var repo = new GitRepo();
        repo.Commit("fix: a");
        repo.Tag("v1.10.0");
        repo.Commit("fix: b");
        repo.Tag("v1.9.0");   // nearer to HEAD, but lower: git describe would pick it
        repo.Commit("fix: c");
        Assert.Equal("1.10.0\n", repo.Slipway("version").StandardOutput);
        Assert.Equal("1.10.1\n", repo.Slipway("version", "--next").StandardOutput);
    }

    [Fact]
    public void Tags_that_are_not_versions_are_ignored()
    {
        using var repo = new GitRepo();
        repo.Commit("fix: a");
        repo.Tag("v1.2.3");
        repo.Commit("fix: b");
        foreach (var name in new[] { "build-17", "v1.3", "v01.4.0", "vnext", "release-2.0.0", "v2.0.0.0", "V3.0.0" })
        {
            repo.LightweightTag(name);
        }

        var result = repo.Slipway("version");
        Expect.Success(result);
        Assert.Equal("1.2.3\n", result.StandardOutput);
    }

    [Fact]
    public void A_higher_tag_on_an_unmerged_branch_is_not_current()
    {
        using var repo = new GitRepo();
        repo.Commit("fix: a");
        repo.Tag("v1.0.0");
        repo.Branch("experiment");
        repo.Commit("feat: side");
        repo.Tag("v2.0.0");
        repo.Tag("v3.0.0-side.1");
        repo.Switch("main");
        repo.Commit("fix: main");
        Assert.Equal("1.0.0\n", repo.Slipway("version").StandardOutput);
        Assert.Equal("1.0.1\n", repo.Slipway("version", "--next").StandardOutput);
    }

    [Fact]
    public void A_tag_on_a_merged_branch_is_reachable_through_the_merge()
    {
        using var repo = new GitRepo();
        repo.Commit("fix: a");
        repo.Tag("v1.0.0");
        repo.Branch("hotfix");
        repo.Commit("fix: hot", "hot.txt");
        repo.Tag("v1.0.1");
        repo.Switch("main");
        repo.Commit("feat: main");
        repo.Git("merge", "--no-edit", "--quiet", "hotfix");
        Assert.Equal("1.0.1\n", repo.Slipway("version").StandardOutput);
    }

    [Fact]
    public void Lightweight_and_annotated_tags_both_count()
    {
        using var repo = new GitRepo();
        repo.Commit("fix: a");
        repo.Tag("v1.0.0");
        repo.Commit("fix: b");
        repo.LightweightTag("v1.1.0");
        repo.Commit("fix: c");
        Assert.Equal("1.1.0\n", repo.Slipway("version").StandardOutput);
    }

    [Fact]
    public void Two_tags_on_one_commit_give_the_higher_version()
    {
        using var repo = new GitRepo();
        repo.Commit("fix: a");
        repo.Tag("v1.0.0");
        repo.Tag("v1.0.1");
        repo.Commit("fix: b");
        Assert.Equal("1.0.1\n", repo.Slipway("version").StandardOutput);
        Assert.Equal("1.0.2\n", repo.Slipway("version", "--next").StandardOutput);
    }

    [Fact]
    public void A_prerelease_is_current_but_a_stable_bump_starts_from_the_last_release()
    {
        using var repo = new GitRepo();
        repo.Commit("fix: a");
        repo.Tag("v1.2.5");
        repo.Commit("feat: b");
        repo.Tag("v1.3.0-rc.2");
        repo.Commit("fix: c");
        Assert.Equal("1.3.0-rc.2\n", repo.Slipway("version").StandardOutput);
        // 1.3.0-rc.2 is not the base of a patch on the 1.2.x line, and 1.2.6 would be lower than it: no release goes back...
        Expect.OneLineError(repo.Slipway("version", "--next", "--bump", "patch"), 3, "1.2.6 is not higher than the current version 1.3.0-rc.2");
        // ...while minor releases the version the candidates were for, and --pre numbers the next candidate.
        Assert.Equal("1.3.0\n", repo.Slipway("version", "--next", "--bump", "minor").StandardOutput);
        Assert.Equal("1.3.0-rc.3\n", repo.Slipway("version", "--next", "--bump", "minor", "--pre", "rc").StandardOutput);
        // A beta after an rc of the same version would go back (beta < rc): refused like any lower version.
        Expect.OneLineError(repo.Slipway("version", "--next", "--bump", "minor", "--pre", "beta"), 3, "1.3.0-beta.1 is not higher than the current version 1.3.0-rc.2");
    }

    [Fact]
    public void A_stable_release_after_candidates_covers_every_commit_since_the_last_release()
    {
        using var repo = new GitRepo();
        repo.Commit("fix: before");
        repo.Tag("v1.2.5");
        repo.Commit("feat: one");
        repo.Tag("v1.3.0-rc.1");
        repo.Commit("fix: two");
        var json = JsonDocument.Parse(repo.Slipway("plan", "--bump", "minor", "--json").StandardOutput).RootElement;
        Assert.Equal("1.3.0", json.GetProperty("next").GetProperty("version").GetString());
        Assert.Equal("v1.2.5", json.GetProperty("base").GetProperty("tag").GetString());
        Assert.Equal(["fix: two", "feat: one"], json.GetProperty("commits").EnumerateArray().Select(c => c.GetProperty("subject").GetString()));

        var pre = JsonDocument.Parse(repo.Slipway("plan", "--bump", "minor", "--pre", "rc", "--json").StandardOutput).RootElement;
        Assert.Equal("1.3.0-rc.2", pre.GetProperty("next").GetProperty("version").GetString());
        Assert.Equal(["fix: two"], pre.GetProperty("commits").EnumerateArray().Select(c => c.GetProperty("subject").GetString()));
    }

    [Fact]
    public void Versioning_initial_is_where_the_first_bump_starts()
    {
        using var repo = new GitRepo();
        repo.WriteFile("slipway.yml", "versioning:\n  initial: 1.0.0\n");
        repo.Commit("feat: first");
        Assert.Equal("1.0.1\n", repo.Slipway("version", "--next").StandardOutput);
        Assert.Equal("1.1.0\n", repo.Slipway("version", "--next", "--bump", "minor").StandardOutput);
    }

    [Fact]
    public void A_custom_tag_prefix_is_honoured_and_other_prefixes_ignored()
    {
        using var repo = new GitRepo();
        repo.WriteFile("slipway.yml", "tag:\n  prefix: release/\n");
        repo.Commit("fix: a");
        repo.Tag("release/2.1.0");
        repo.Tag("v9.0.0");
        repo.Commit("fix: b");
        Assert.Equal("2.1.0\n", repo.Slipway("version").StandardOutput);
        var json = JsonDocument.Parse(repo.Slipway("plan", "--json").StandardOutput).RootElement;
        Assert.Equal("release/2.1.1", json.GetProperty("next").GetProperty("tag").GetString());
    }

    [Fact]
    public void A_detached_head_still_has_a_version()
    {
        using var repo = new GitRepo();
        repo.Commit("fix: a");
        repo.Tag("v1.0.0");
        repo.Commit("fix: b");
        repo.Git("switch", "--quiet", "--detach", "HEAD");
        Assert.Equal("1.0.0\n", repo.Slipway("version").StandardOutput);
    }

    [Fact]
    public void A_shallow_clone_is_refused_with_the_fix_before_anything_is_computed()
    {
        using var remote = new BareRemote();
        using (var origin = new GitRepo())
        {
            origin.Commit("fix: a");
            origin.Tag("v1.0.0");
            origin.Commit("fix: b");
            origin.Git("push", "--quiet", remote.Url, "main", "v1.0.0");
        }

        using var shallow = GitRepo.Clone(remote.Url, "--depth", "1");
        Assert.Equal("true", shallow.Git("rev-parse", "--is-shallow-repository"));
        foreach (var args in new[] { new[] { "version" }, ["plan"], ["release", "--yes"] })
        {
            Expect.OneLineError(shallow.Slipway(args), 3, "shallow", "git fetch --unshallow --tags", "fetch-depth: 0");
        }
    }

    [Fact]
    public void Outside_a_git_repository_the_error_says_so()
    {
        using var dir = new TempDirectory();
        Expect.OneLineError(SlipwayCli.Run(dir.Path, "version"), 3, "not in a git repository");
    }

    [Fact]
    public void A_tag_behind_commits_dated_before_it_is_still_reachable()
    {
        // Clock skew: twenty commits whose dates are older than the tagged commit they descend from.
        // git rev-list's date heuristics give up on such a walk; the answer must not change.
        using var repo = new GitRepo();
        repo.CommitAt("fix: root", new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero));
        repo.CommitAt("fix: tagged", new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero));
        repo.Tag("v1.4.0");
        for (var i = 0; i < 20; i++)
        {
            repo.CommitAt($"fix: skewed {i}", new DateTimeOffset(2010, 1, 1, 0, 0, i, TimeSpan.Zero));
        }

        Assert.Equal("1.4.0\n", repo.Slipway("version").StandardOutput);
        Assert.Equal("1.4.1\n", repo.Slipway("version", "--next").StandardOutput);
    }

    [Fact]
    public void A_higher_tag_in_an_unrelated_history_is_not_current()
    {
        using var repo = new GitRepo();
        repo.Commit("fix: a");
        repo.Tag("v1.0.0");
        repo.Git("switch", "--quiet", "--orphan", "imported");
        repo.Commit("feat: another project", "other.txt");
        repo.Tag("v5.0.0");
        repo.Switch("main");
        repo.Commit("fix: b");
        Assert.Equal("1.0.0\n", repo.Slipway("version").StandardOutput);
    }
}
