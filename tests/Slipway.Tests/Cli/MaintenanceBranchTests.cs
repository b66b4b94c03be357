using System.Text.Json;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Cli;

/// <summary>
/// Release branches on a real history pushed to a bare remote: main at v4.2.0 and release-4.1 branched at v4.1.0, released
/// from each with the CLI as a process.
/// </summary>
public sealed class MaintenanceBranchTests
{
    private const string Config = """
        branch: [main, "release-*", { name: next, prerelease: rc }]
        versioning:
          bump: conventional
        changelog:
          file: CHANGELOG.md
        """;

    /// <summary>main: v4.1.0, then a feat released as v4.2.0; release-4.1 from v4.1.0 with one backported fix; all pushed.</summary>
    private static GitRepo MainAndRelease41(BareRemote remote)
    {
        var repo = new GitRepo();
        repo.Git("remote", "add", "origin", remote.Url);
        repo.WriteFile("slipway.yml", Config);
        repo.WriteFile("CHANGELOG.md", "# Changelog\n\n## [4.1.0] - 2026-01-01\n\n- by hand\n");
        repo.Git("add", ".");
        repo.Commit("fix: first");
        repo.Tag("v4.1.0");
        repo.Commit("feat: only on main");
        repo.Tag("v4.2.0");
        repo.Git("branch", "release-4.1", "v4.1.0");
        repo.Git("push", "--quiet", "origin", "main", "release-4.1", "v4.1.0", "v4.2.0");
        repo.Switch("release-4.1");
        repo.Commit("fix: backported fix");
        return repo;
    }

    [Fact]
    public void Release_patch_on_release_4_1_cuts_4_1_1_with_its_own_notes_while_main_releases_4_3_0()
    {
        using var remote = new BareRemote();
        using var repo = MainAndRelease41(remote);
        var backport = repo.Head;

        var plan = repo.Slipway("plan", "--json");
        Expect.Success(plan);
        using (var json = JsonDocument.Parse(plan.StandardOutput))
        {
            var root = json.RootElement;
            Assert.Equal("4.1.0", root.GetProperty("current").GetProperty("version").GetString());
            Assert.Equal("v4.1.0", root.GetProperty("base").GetProperty("tag").GetString());
            Assert.Equal("4.1.1", root.GetProperty("next").GetProperty("version").GetString());
            Assert.Equal("ready", root.GetProperty("next").GetProperty("status").GetString());
            Assert.Equal(">=4.1.0 <4.2.0", root.GetProperty("line").GetProperty("range").GetString());
            Assert.All(root.GetProperty("checks").EnumerateArray(), c => Assert.True(c.GetProperty("ok").GetBoolean(), c.ToString()));
        }

        var release = repo.Slipway("release", "patch", "--yes");
        Expect.Success(release);
        Assert.Equal("released v4.1.1\n", release.StandardOutput);
        Assert.Equal(repo.Head, remote.Tags()["v4.1.1"]);
        Assert.Equal(repo.Head, remote.BranchCommit("release-4.1"));
        Assert.Equal(repo.Git("rev-parse", "v4.2.0^{commit}"), remote.BranchCommit("main"));
        // Its notes start after v4.1.0 (the line's previous version), not after v4.2.0: the backport only.
        Assert.Equal($"Release v4.1.1\n\n- fix: backported fix ({backport[..7]})", remote.Git("tag", "-l", "--format=%(contents)", "v4.1.1"));
        var changelog = repo.ReadFile("CHANGELOG.md");
        Assert.Contains("## [4.1.1]", changelog, StringComparison.Ordinal);
        Assert.Contains("backported fix", changelog, StringComparison.Ordinal);
        Assert.DoesNotContain("only on main", changelog, StringComparison.Ordinal);

        repo.Switch("main");
        repo.Commit("feat: next feature");
        Assert.Equal("4.3.0\n", repo.Slipway("version", "--next").StandardOutput);
        Expect.Success(repo.Slipway("release", "--yes"));
        Assert.Equal(repo.Head, remote.Tags()["v4.3.0"]);
        Assert.DoesNotContain("backported", remote.Git("tag", "-l", "--format=%(contents)", "v4.3.0"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_feat_on_release_4_1_is_refused_with_exit_3_naming_the_line_and_its_range()
    {
        using var remote = new BareRemote();
        using var repo = MainAndRelease41(remote);
        repo.Commit("feat: a feature on the patch line");

        Expect.OneLineError(repo.Slipway("release", "--yes"), 3, "4.2.0 is outside the maintenance line release-4.1 (>=4.1.0 <4.2.0)", "--bump patch");
        Expect.OneLineError(repo.Slipway("version", "--next"), 3, "release-4.1 (>=4.1.0 <4.2.0)");
        Assert.Equal(["v4.1.0", "v4.2.0"], remote.Tags().Keys.Order(StringComparer.Ordinal));
        Assert.Equal("4.1.1\n", repo.Slipway("version", "--next", "--bump", "patch").StandardOutput);
    }

    [Fact]
    public void A_branch_not_in_the_list_is_refused_naming_the_configured_patterns()
    {
        using var remote = new BareRemote();
        using var repo = MainAndRelease41(remote);
        repo.Branch("feature");
        repo.Commit("fix: on a feature branch");

        Expect.OneLineError(repo.Slipway("release", "patch", "--yes"), 3, "on branch feature, not a release branch (branch: main, release-*, next)", "git switch main");
        Assert.Equal(2, remote.Tags().Count);
    }

    [Fact]
    public void A_prerelease_branch_numbers_its_versions_with_its_identifier()
    {
        using var remote = new BareRemote();
        using var repo = MainAndRelease41(remote);
        repo.Switch("main");
        repo.Branch("next");
        repo.Commit("feat: the big one");

        var release = repo.Slipway("release", "--yes");
        Expect.Success(release);
        Assert.Equal("released v4.3.0-rc.1\n", release.StandardOutput);
        Assert.Equal(repo.Head, remote.Tags()["v4.3.0-rc.1"]);
        Assert.Equal(repo.Head, remote.BranchCommit("next"));
    }

    [Fact]
    public void Main_reaching_only_4_1_0_while_release_4_2_tagged_4_2_x_releases_4_3_0()
    {
        // helm's layout: release-4.2 branched from main after v4.1.0, and 4.2.0 and 4.2.1 were tagged on release-4.2 only,
        // so main's history reaches v4.1.0. A feat on main is 4.3.0 (4.2.0 exists; 4.2.x is release-4.2's).
        using var remote = new BareRemote();
        var repo = new GitRepo();
        using var _ = repo;
        repo.Git("remote", "add", "origin", remote.Url);
        repo.WriteFile("slipway.yml", Config);
        repo.Git("add", ".");
        repo.Commit("fix: first");
        repo.Tag("v4.1.0");
        repo.Commit("feat: for 4.2");
        repo.Branch("release-4.2");
        repo.Commit("chore: bump the chart for 4.2.0");
        repo.Tag("v4.2.0");
        repo.Commit("fix: a backport");
        repo.Tag("v4.2.1");
        repo.Switch("main");
        repo.Commit("feat: for 4.3");
        repo.Git("push", "--quiet", "origin", "main", "release-4.2", "--tags");

        var plan = repo.Slipway("plan", "--json");
        Expect.Success(plan);
        using (var json = JsonDocument.Parse(plan.StandardOutput))
        {
            var root = json.RootElement;
            Assert.Equal("4.1.0", root.GetProperty("current").GetProperty("version").GetString());
            Assert.Equal("4.3.0", root.GetProperty("next").GetProperty("version").GetString());
            Assert.Equal("ready", root.GetProperty("next").GetProperty("status").GetString());
            Assert.Contains("4.2.1 was released on another branch", root.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }

        Expect.Success(repo.Slipway("release", "--yes"));
        Assert.Equal(repo.Head, remote.Tags()["v4.3.0"]);
        // Its notes are main's commits since v4.1.0, none of release-4.2's own.
        var notes = remote.Git("tag", "-l", "--format=%(contents)", "v4.3.0");
        Assert.Contains("for 4.3", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("backport", notes, StringComparison.Ordinal);

        // release-4.2 goes on with its own patches.
        repo.Switch("release-4.2");
        repo.Commit("fix: another backport");
        Assert.Equal("4.2.2\n", repo.Slipway("version", "--next").StandardOutput);
    }
}
