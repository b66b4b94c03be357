using System.Text.Json;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Cli;

/// <summary>The checks release runs first: each failure is exit 3 with one line naming the fix; plan shows them all.</summary>
public sealed class PreflightTests
{
    private static GitRepo Released(BareRemote remote)
    {
        var repo = new GitRepo();
        repo.Git("remote", "add", "origin", remote.Url);
        repo.Commit("fix: first");
        repo.Tag("v1.0.0");
        repo.Git("push", "--quiet", "origin", "main", "v1.0.0");
        repo.Commit("fix: second");
        return repo;
    }

    [Fact]
    public void A_dirty_tree_blocks_the_release()
    {
        using var remote = new BareRemote();
        using var repo = Released(remote);
        repo.WriteFile("untracked.txt", "x");
        Expect.OneLineError(repo.Slipway("release", "--yes"), 3, "clean", "git stash");
        Assert.Equal(string.Empty, repo.Git("tag", "--list", "v1.0.1"));
    }

    [Fact]
    public void The_wrong_branch_blocks_the_release()
    {
        using var remote = new BareRemote();
        using var repo = Released(remote);
        repo.Branch("feature/x");
        Expect.OneLineError(repo.Slipway("release", "--yes"), 3, "branch", "feature/x", "git switch main");
    }

    [Fact]
    public void A_detached_head_blocks_the_release()
    {
        using var remote = new BareRemote();
        using var repo = Released(remote);
        repo.Git("switch", "--quiet", "--detach", "HEAD");
        Expect.OneLineError(repo.Slipway("release", "--yes"), 3, "detached");
    }

    [Fact]
    public void Being_behind_the_remote_blocks_the_release()
    {
        using var remote = new BareRemote();
        using var repo = Released(remote);
        repo.Git("push", "--quiet", "origin", "main");
        using (var other = GitRepo.Clone(remote.Url))
        {
            other.Commit("fix: theirs", "theirs.txt");
            other.Git("push", "--quiet", "origin", "main");
        }

        Expect.OneLineError(repo.Slipway("release", "--yes"), 3, "behind origin/main", "git pull --rebase");
    }

    [Fact]
    public void A_missing_remote_blocks_the_release()
    {
        using var repo = new GitRepo();
        repo.Commit("fix: a");
        Expect.OneLineError(repo.Slipway("release", "--yes"), 3, "no remote named 'origin'", "git remote add");
    }

    [Fact]
    public void Plan_shows_every_check_with_its_fix_and_changes_nothing()
    {
        using var remote = new BareRemote();
        using var repo = Released(remote);
        repo.WriteFile("dirty.txt", "x");
        repo.Branch("topic");
        var before = repo.Git("for-each-ref");
        var result = repo.Slipway("plan", "--json");
        Expect.Success(result);
        var checks = JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
        Assert.False(checks["branch"].GetProperty("ok").GetBoolean());
        Assert.Contains("git switch main", checks["branch"].GetProperty("fix").GetString(), StringComparison.Ordinal);
        Assert.False(checks["clean"].GetProperty("ok").GetBoolean());
        Assert.True(checks["tag"].GetProperty("ok").GetBoolean());
        Assert.True(checks["remote"].GetProperty("ok").GetBoolean());
        Assert.Equal(before, repo.Git("for-each-ref"));
    }

    [Fact]
    public void Plan_json_has_the_documented_fields()
    {
        using var remote = new BareRemote();
        using var repo = Released(remote);
        var json = JsonDocument.Parse(repo.Slipway("plan", "--bump", "minor", "--json").StandardOutput).RootElement;
        Assert.Equal("1.0.0", json.GetProperty("current").GetProperty("version").GetString());
        Assert.Equal("v1.0.0", json.GetProperty("current").GetProperty("tag").GetString());
        Assert.Equal(repo.Git("rev-parse", "HEAD~1"), json.GetProperty("current").GetProperty("commit").GetString());
        Assert.Equal("1.1.0", json.GetProperty("next").GetProperty("version").GetString());
        Assert.Equal("v1.1.0", json.GetProperty("next").GetProperty("tag").GetString());
        Assert.Equal("ready", json.GetProperty("next").GetProperty("status").GetString());
        Assert.Equal("minor", json.GetProperty("bump").GetString());
        Assert.Equal(repo.Head, json.GetProperty("head").GetString());
        Assert.Equal("main", json.GetProperty("branch").GetString());
        var commit = Assert.Single(json.GetProperty("commits").EnumerateArray());
        Assert.Equal(repo.Head, commit.GetProperty("sha").GetString());
        Assert.Equal("fix: second", commit.GetProperty("subject").GetString());
        Assert.Equal(string.Empty, commit.GetProperty("body").GetString());
        Assert.Equal($"- fix: second ({repo.Head[..7]})\n", json.GetProperty("changelog").GetString());
        Assert.Equal(["branch", "prefix", "clean", "remote", "tag", "version", "changes"], json.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()));
    }

    [Fact]
    public void Merge_commits_are_left_out_of_the_changelog_as_the_seed_does()
    {
        using var repo = new GitRepo();
        repo.Commit("fix: a");
        repo.Tag("v1.0.0");
        repo.Branch("topic");
        repo.Commit("feat: on topic", "topic.txt");
        repo.Switch("main");
        repo.Commit("fix: on main");
        repo.Git("merge", "--no-ff", "--no-edit", "--quiet", "topic");
        var json = JsonDocument.Parse(repo.Slipway("plan", "--json").StandardOutput).RootElement;
        var subjects = json.GetProperty("commits").EnumerateArray().Select(c => c.GetProperty("subject").GetString()).ToList();
        Assert.Equal(2, subjects.Count);
        Assert.DoesNotContain(subjects, s => s!.StartsWith("Merge", StringComparison.Ordinal));
    }
}
