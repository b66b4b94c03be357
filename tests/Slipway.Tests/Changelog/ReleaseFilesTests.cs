using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Changelog;

/// <summary>`slipway release` with changelog.file and bump_files: files written, release commit, tag on it, atomic push, resumable.</summary>
public sealed class ReleaseFilesTests
{
    private const string Config = """
        changelog:
          file: CHANGELOG.md
        bump_files:
          - { path: pyproject.toml, key: project.version }
        """;

    private const string Pyproject = "# the package\n[project]\nname = \"agent-bus\"\nversion = \"1.2.0\"   # bumped by slipway\n";

    private static GitRepo RepoWithRemote(BareRemote remote)
    {
        var repo = new GitRepo();
        repo.Git("remote", "add", "origin", remote.Url);
        repo.WriteFile("slipway.yml", Config);
        repo.WriteFile("pyproject.toml", Pyproject);
        repo.WriteFile("CHANGELOG.md", "# Changelog\n\nHand-written intro.\n\n## [Unreleased]\n\n## [1.2.0] - 2026-01-01\n\n- by hand\n");
        repo.Git("add", ".");
        repo.Commit("fix: first");
        repo.Tag("v1.2.0");
        repo.Git("push", "--quiet", "origin", "main", "v1.2.0");
        repo.Commit("feat(api): add the thing");
        repo.Commit("fix: handle the edge\n\nFixes #12");
        return repo;
    }

    private static int CommitCount(GitRepo repo) => int.Parse(repo.Git("rev-list", "--count", "HEAD"), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void With_SOURCE_DATE_EPOCH_the_release_s_changelog_section_carries_that_date_as_image_tags_do()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote);

        // 1767225600 is 2026-01-01T00:00:00Z: a rebuild of the release gives the same bytes.
        var result = repo.Slipway(new Dictionary<string, string?> { ["SOURCE_DATE_EPOCH"] = "1767225600" }, "release", "minor", "--yes");

        Expect.Success(result);
        Assert.Contains("## [1.3.0] - 2026-01-01\n", repo.ReadFile("CHANGELOG.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void Release_writes_the_changelog_and_pyproject_commits_them_tags_that_commit_and_pushes()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote);
        var before = repo.Head;
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var result = repo.Slipway("release", "minor", "--yes");

        Expect.Success(result);
        Assert.Equal("released v1.3.0\n", result.StandardOutput);
        Assert.Equal("chore(release): v1.3.0", repo.Git("log", "-1", "--format=%s"));
        Assert.Equal(before, repo.Git("rev-parse", "HEAD~1"));
        Assert.Equal("CHANGELOG.md\npyproject.toml", repo.Git("show", "--name-only", "--format=", "HEAD"));
        Assert.Equal(Pyproject.Replace("\"1.2.0\"", "\"1.3.0\"", StringComparison.Ordinal), repo.ReadFile("pyproject.toml"));
        Assert.Equal(
            "# Changelog\n\nHand-written intro.\n\n## [Unreleased]\n\n" +
            $"## [1.3.0] - {today}\n\n### Added\n\n- **api:** add the thing ({repo.Git("rev-parse", "--short=7", "HEAD~2")})\n\n" +
            $"### Fixed\n\n- handle the edge ({before[..7]}), fixes #12\n\n" +
            "## [1.2.0] - 2026-01-01\n\n- by hand\n",
            repo.ReadFile("CHANGELOG.md"));
        Assert.Equal("", repo.Git("status", "--porcelain"));
        Assert.Equal(repo.Head, remote.Tags()["v1.3.0"]);
        Assert.Equal(repo.Head, remote.BranchCommit());

        // The tag message is the seed's list of the commits before the release commit.
        var message = remote.Git("tag", "-l", "--format=%(contents)", "v1.3.0");
        Assert.Equal($"Release v1.3.0\n\n- fix: handle the edge ({before[..7]})\n- feat(api): add the thing ({repo.Git("rev-parse", "--short=7", "HEAD~2")})", message);
    }

    [Fact]
    public void A_refused_push_finishes_on_the_next_run_without_a_second_release_commit()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote);
        remote.RefusePushes();

        Expect.OneLineError(repo.Slipway("release", "minor", "--yes"), 1, "refused");
        var head = repo.Head;
        var count = CommitCount(repo);
        Assert.Equal(head, repo.Git("rev-parse", "v1.3.0^{commit}"));

        remote.Heal();
        var again = repo.Slipway("release", "minor", "--yes");

        Expect.Success(again);
        Assert.Contains("commit: already done", again.StandardError, StringComparison.Ordinal);
        Assert.Equal(head, repo.Head);
        Assert.Equal(count, CommitCount(repo));
        Assert.Equal(head, remote.Tags()["v1.3.0"]);
        Assert.Equal(head, remote.BranchCommit());
        Assert.Single(repo.Git("log", "--format=%s", "--grep=chore(release)", "--fixed-strings").Split('\n'));
    }

    [Fact]
    public void A_release_that_stopped_before_its_commit_finishes_on_the_next_run()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote);
        var before = repo.Head;
        var hook = Path.Combine(repo.Path, ".git", "hooks", "pre-commit");
        File.WriteAllText(hook, "#!/bin/sh\necho 'commit blocked (test fault)' >&2\nexit 1\n");
        File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var failed = repo.Slipway("release", "minor", "--yes");
        Assert.Equal(1, failed.ExitCode);
        Assert.Equal(before, repo.Head);
        Assert.Contains("pyproject.toml", repo.Git("status", "--porcelain"), StringComparison.Ordinal);

        File.Delete(hook);
        var again = repo.Slipway("release", "minor", "--yes");

        Expect.Success(again);
        Assert.Equal(before, repo.Git("rev-parse", "HEAD~1"));
        Assert.Equal("chore(release): v1.3.0", repo.Git("log", "-1", "--format=%s"));
        Assert.Equal(1, CountOf(repo.ReadFile("CHANGELOG.md"), "## [1.3.0]"));
        Assert.Equal(repo.Head, remote.Tags()["v1.3.0"]);
        Assert.Equal("", repo.Git("status", "--porcelain"));
    }

    [Fact]
    public void Release_auto_picks_the_version_from_the_commits_and_resumes_after_a_refused_push()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote);
        remote.RefusePushes();
        Expect.OneLineError(repo.Slipway("release", "auto", "--yes"), 1, "refused");
        var head = repo.Head;
        Assert.Equal("chore(release): v1.3.0", repo.Git("log", "-1", "--format=%s"));

        remote.Heal();
        var again = repo.Slipway("release", "auto", "--yes");

        Expect.Success(again);
        Assert.Equal("released v1.3.0\n", again.StandardOutput);
        Assert.Equal(head, repo.Head);
        Assert.Equal(head, remote.Tags()["v1.3.0"]);
        Assert.Contains("version = \"1.3.0\"", repo.ReadFile("pyproject.toml"), StringComparison.Ordinal);
        Assert.Contains("## [1.3.0] - ", repo.ReadFile("CHANGELOG.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_configured_template_shapes_the_plan_and_the_tag_message()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote);
        repo.WriteFile("slipway.yml", Config.Replace("  file: CHANGELOG.md", "  file: CHANGELOG.md\n  template: github", StringComparison.Ordinal));
        repo.Git("commit", "--quiet", "-am", "chore: github notes in tags");

        Expect.Success(repo.Slipway("release", "minor", "--yes"));

        var message = remote.Git("tag", "-l", "--format=%(contents)", "v1.3.0");
        Assert.StartsWith("Release v1.3.0\n\n## What's Changed\n\n### Added\n\n- **api:** add the thing (", message, StringComparison.Ordinal);
        Assert.Contains("### Fixed", repo.ReadFile("CHANGELOG.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void Other_edits_to_a_bump_file_still_fail_the_clean_check()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote);
        repo.WriteFile("pyproject.toml", Pyproject + "# my own edit\n");

        Expect.OneLineError(repo.Slipway("release", "minor", "--yes"), 3, "clean", "pyproject.toml");
        Assert.False(remote.Tags().ContainsKey("v1.3.0"));
    }

    [Fact]
    public void A_bump_key_missing_from_its_file_fails_before_anything_is_written()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote);
        repo.WriteFile("slipway.yml", Config.Replace("project.version", "tool.poetry.version", StringComparison.Ordinal));
        repo.Git("commit", "--quiet", "-am", "chore: poetry");
        var head = repo.Head;

        Expect.OneLineError(repo.Slipway("release", "minor", "--yes"), 2, "pyproject.toml", "tool.poetry.version");
        Assert.Equal(head, repo.Head);
        Assert.Equal("", repo.Git("status", "--porcelain"));
        Assert.Equal("", repo.Git("tag", "--list", "v1.3.0"));
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
