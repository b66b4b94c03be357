using System.Text.Json;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Cli;

/// <summary>`slipway release` against real bare remotes: tag, atomic push, and finishing a release that failed halfway.</summary>
public sealed class ReleaseTests
{
    private static GitRepo RepoWithRemote(BareRemote remote)
    {
        var repo = new GitRepo();
        repo.Git("remote", "add", "origin", remote.Url);
        repo.Commit("fix: first");
        repo.Tag("v1.2.0");
        repo.Git("push", "--quiet", "origin", "main", "v1.2.0");
        repo.Commit("feat: add the thing");
        repo.Commit("fix: handle the edge\n\nWith a body.");
        return repo;
    }

    [Fact]
    public void Release_minor_tags_with_the_changelog_and_pushes_branch_and_tag()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote);
        var head = repo.Head;

        var plan = repo.Slipway("plan");
        Expect.Success(plan);
        Assert.Contains("Current   1.2.0", plan.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("- feat: add the thing (", plan.StandardOutput, StringComparison.Ordinal);

        var result = repo.Slipway("release", "minor", "--yes");
        Expect.Success(result);
        Assert.Equal("released v1.3.0\n", result.StandardOutput);

        Assert.Equal(head, remote.Tags()["v1.3.0"]);
        Assert.Equal(head, remote.BranchCommit());
        Assert.Equal("tag", remote.Git("cat-file", "-t", "v1.3.0"));
        var message = remote.Git("tag", "-l", "--format=%(contents)", "v1.3.0");
        Assert.Equal($"Release v1.3.0\n\n- fix: handle the edge ({head[..7]})\n- feat: add the thing ({repo.Git("rev-parse", "--short=7", "HEAD~1")})", message);
    }

    [Fact]
    public void A_release_refused_by_the_remote_finishes_when_run_again()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote);
        remote.RefusePushes();

        var failed = repo.Slipway("release", "minor", "--yes");
        Expect.OneLineError(failed, 1, "refused", "pushes are frozen", "run the same command again");
        Assert.False(remote.Tags().ContainsKey("v1.3.0"));
        Assert.NotEqual(repo.Head, remote.BranchCommit());
        Assert.Equal(repo.Head, repo.Git("rev-parse", "v1.3.0^{commit}"));   // tagged locally

        remote.Heal();
        var again = repo.Slipway("release", "minor", "--yes");
        Expect.Success(again);
        Assert.Contains("tag: already done", again.StandardError, StringComparison.Ordinal);
        Assert.Equal(repo.Head, remote.Tags()["v1.3.0"]);
        Assert.Equal(repo.Head, remote.BranchCommit());
        Assert.Single(repo.Git("tag", "--list", "v1.3*").Split('\n'));

        var third = repo.Slipway("release", "minor", "--yes");
        Expect.Success(third);
        Assert.Equal("v1.3.0 is already released\n", third.StandardOutput);
    }

    [Fact]
    public void The_push_is_atomic_so_a_refused_tag_leaves_the_branch_unmoved()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote);
        var before = remote.BranchCommit();
        remote.RefuseTags();

        Expect.OneLineError(repo.Slipway("release", "patch", "--yes"), 1, "refused");
        Assert.Equal(before, remote.BranchCommit());
        Assert.False(remote.Tags().ContainsKey("v1.2.1"));

        remote.Heal();
        Expect.Success(repo.Slipway("release", "patch", "--yes"));
        Assert.Equal(repo.Head, remote.Tags()["v1.2.1"]);
    }

    [Fact]
    public void Release_over_git_daemon_works_like_file_remotes()
    {
        using var remote = new BareRemote();
        using var daemon = new GitDaemon(remote);
        using var repo = new GitRepo();
        repo.Git("remote", "add", "origin", daemon.Url);
        repo.Commit("feat: first");
        Expect.Success(repo.Slipway("release", "minor", "--yes"));
        Assert.Equal(repo.Head, remote.Tags()["v0.1.0"]);
        Assert.Equal(repo.Head, remote.BranchCommit());
    }

    [Fact]
    public void No_push_needs_no_remote()
    {
        using var repo = new GitRepo();
        repo.Commit("fix: first");
        repo.Tag("v1.2.0");
        repo.Commit("fix: second");

        var result = repo.Slipway("release", "--yes", "--no-push");
        Expect.Success(result);
        Assert.Equal("tagged v1.2.1 (not pushed: `slipway release --yes` pushes it)\n", result.StandardOutput);
        Assert.Equal(repo.Head, repo.Git("rev-list", "-n", "1", "v1.2.1"));
    }

    [Fact]
    public void A_prerelease_tagged_with_no_push_is_finished_by_the_command_the_hint_names()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote);

        var tagged = repo.Slipway("release", "minor", "--pre", "rc", "--yes", "--no-push");
        Expect.Success(tagged);
        Assert.Equal("tagged v1.3.0-rc.1 (not pushed: `slipway release minor --pre rc --yes` pushes it)\n", tagged.StandardOutput);
        Assert.Equal(["v1.2.0"], remote.Tags().Keys);

        // The hint's command, word for word: it pushes the candidate and cuts nothing new.
        var finished = repo.Slipway("release", "minor", "--pre", "rc", "--yes");
        Expect.Success(finished);
        Assert.Equal("released v1.3.0-rc.1\n", finished.StandardOutput);
        Assert.Equal(["v1.2.0", "v1.3.0-rc.1"], remote.Tags().Keys.Order(StringComparer.Ordinal));
        Assert.Equal(repo.Head, remote.BranchCommit());
        Assert.Equal(["v1.2.0", "v1.3.0-rc.1"], repo.Git("tag", "--list").Split('\n').Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_tag_pushed_by_hand_is_a_release_like_any_other()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote);
        repo.Git("tag", "-a", "v1.2.3", "-m", "Release v1.2.3\n\n- Feature: Add new capability\n");
        repo.Git("push", "--quiet", "origin", "main", "v1.2.3");

        Assert.Equal("1.2.3\n", repo.Slipway("version").StandardOutput);
        var plan = JsonDocument.Parse(repo.Slipway("plan", "--json").StandardOutput).RootElement;
        Assert.Equal("v1.2.3", plan.GetProperty("current").GetProperty("tag").GetString());
        Assert.Equal("1.2.3", plan.GetProperty("next").GetProperty("version").GetString());
        Assert.Equal("alreadyTagged", plan.GetProperty("next").GetProperty("status").GetString());
        var again = repo.Slipway("release", "--yes");
        Expect.Success(again);
        Assert.Equal("v1.2.3 is already released\n", again.StandardOutput);
        Expect.OneLineError(repo.Slipway("version", "--next"), 3, "HEAD is already released as v1.2.3");

        repo.Commit("fix: after the manual tag");
        Expect.Success(repo.Slipway("release", "--yes"));
        Assert.Equal(repo.Head, remote.Tags()["v1.2.4"]);
    }

    [Fact]
    public void A_tag_that_exists_on_another_commit_is_a_precondition_failure()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote);
        repo.Git("tag", "v1.3.0", "HEAD~1");   // not reachable as the highest? it is: but it is not on HEAD
        repo.Git("tag", "-d", "v1.3.0");
        repo.Branch("other");
        repo.Commit("feat: elsewhere", "other.txt");
        repo.Tag("v1.3.0");
        repo.Switch("main");

        Expect.OneLineError(repo.Slipway("release", "minor", "--yes"), 3, "v1.3.0 already exists");
    }

    [Fact]
    public void A_tag_released_by_someone_else_on_another_commit_is_a_precondition_failure()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote);
        using (var other = GitRepo.Clone(remote.Url))
        {
            other.Commit("feat: theirs", "theirs.txt");
            other.Tag("v1.3.0");
            other.Git("push", "--quiet", "origin", "HEAD:refs/heads/theirs", "v1.3.0");
        }

        // The fetch brings their tag in, so the tag check fails before anything is created.
        var result = repo.Slipway("release", "minor", "--yes");
        Expect.OneLineError(result, 3, "v1.3.0");
        Assert.NotEqual(repo.Head, remote.Tags()["v1.3.0"]);
    }

    [Fact]
    public void Without_a_terminal_release_requires_yes()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote);
        Expect.OneLineError(repo.Slipway("release", "minor"), 2, "--yes");
        Assert.False(remote.Tags().ContainsKey("v1.3.0"));
        Assert.Equal(string.Empty, repo.Git("tag", "--list", "v1.3.0"));
    }

    [Fact]
    public void Dry_run_shows_the_steps_and_changes_nothing()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote);
        var result = repo.Slipway("release", "minor", "--dry-run");
        Expect.Success(result);
        Assert.Contains("create annotated tag v1.3.0", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("push main and v1.3.0 to origin (atomic)", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(string.Empty, repo.Git("tag", "--list", "v1.3.0"));
        Assert.False(remote.Tags().ContainsKey("v1.3.0"));
    }

    [Fact]
    public void No_push_tags_locally_and_a_later_run_pushes()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote);
        var local = repo.Slipway("release", "minor", "--yes", "--no-push");
        Expect.Success(local);
        Assert.Contains("not pushed", local.StandardOutput, StringComparison.Ordinal);
        Assert.False(remote.Tags().ContainsKey("v1.3.0"));

        Expect.Success(repo.Slipway("release", "minor", "--yes"));
        Assert.Equal(repo.Head, remote.Tags()["v1.3.0"]);
    }

    [Fact]
    public void Prerelease_candidates_are_numbered_and_then_released()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote);
        Expect.Success(repo.Slipway("release", "minor", "--pre", "rc", "--yes"));
        repo.Commit("fix: found in rc.1");
        Expect.Success(repo.Slipway("release", "minor", "--pre", "rc", "--yes"));
        repo.Commit("fix: found in rc.2");
        Expect.Success(repo.Slipway("release", "minor", "--yes"));
        var tags = remote.Tags();
        Assert.True(tags.ContainsKey("v1.3.0-rc.1"));
        Assert.True(tags.ContainsKey("v1.3.0-rc.2"));
        Assert.Equal(repo.Head, tags["v1.3.0"]);
        var message = remote.Git("tag", "-l", "--format=%(contents)", "v1.3.0");
        Assert.Contains("feat: add the thing", message, StringComparison.Ordinal);   // since v1.2.0, not since rc.2
        Assert.Contains("fix: found in rc.2", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Release_of_the_same_commit_as_a_candidate_is_allowed()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote);
        Expect.Success(repo.Slipway("release", "minor", "--pre", "rc", "--yes"));
        Expect.Success(repo.Slipway("release", "minor", "--yes"));
        Assert.Equal(repo.Head, remote.Tags()["v1.3.0"]);
        Assert.Equal(repo.Head, remote.Tags()["v1.3.0-rc.1"]);
    }

    [Fact]
    public void Verbose_adds_what_git_said_behind_the_one_line_error()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote);
        remote.RefusePushes();
        var quiet = repo.Slipway("release", "minor", "--yes");
        Assert.Single(quiet.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries), l => l.StartsWith("slipway:", StringComparison.Ordinal));

        var verbose = repo.Slipway("release", "minor", "--yes", "--verbose");
        Assert.Equal(1, verbose.ExitCode);
        Assert.Contains("pre-receive hook declined", verbose.StandardError, StringComparison.Ordinal);
        Assert.True(verbose.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > quiet.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
