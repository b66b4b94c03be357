using Slipway.Adapters.Git;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Git;

/// <summary>
/// The repository's state read from its files must be exactly what `git rev-parse` says, in every layout git has; where the
/// files hold something only git should interpret, the reader says so (null) and the CLI asks git.
/// </summary>
public sealed class RepositoryFilesTests
{
    [Fact]
    public async Task A_branch_with_a_loose_ref_reads_as_git_reads_it()
    {
        using var repo = new GitRepo();
        repo.Commit("feat: a");
        await AssertSameAsGit(repo.Path);
    }

    [Fact]
    public async Task A_packed_branch_a_detached_head_and_a_subdirectory_read_as_git_reads_them()
    {
        using var repo = new GitRepo();
        var first = repo.Commit("feat: a");
        repo.Commit("feat: b");
        repo.Git("pack-refs", "--all");
        Assert.False(File.Exists(Path.Combine(repo.Path, ".git", "refs", "heads", "main")));
        await AssertSameAsGit(repo.Path);

        repo.Git("checkout", "--quiet", "--detach", first);
        var detached = await AssertSameAsGit(repo.Path);
        Assert.Null(detached.Branch);
        Assert.Equal(first, detached.Head);

        var below = Path.Combine(repo.Path, "deep", "below");
        Directory.CreateDirectory(below);
        var fromBelow = await AssertSameAsGit(below);
        Assert.Equal(repo.Path, fromBelow.TopLevel);
    }

    [Fact]
    public async Task A_branch_with_no_commits_yet_has_no_head()
    {
        using var repo = new GitRepo();
        var state = RepositoryFiles.TryReadState(repo.Path, out var reason);
        Assert.True(state is not null, reason);
        Assert.Null(state.Head);
        Assert.Equal("main", state.Branch);
        Assert.False(state.IsShallow);
        Assert.Equal((await new GitRepository(repo.Path).GetStateAsync(default)).Branch, state.Branch);
    }

    [Fact]
    public async Task A_linked_worktree_has_its_own_head_and_the_main_common_directory()
    {
        using var repo = new GitRepo();
        repo.Commit("feat: a");
        using var worktrees = new TempDirectory("slipway-worktree");
        var linked = Path.Combine(worktrees.Path, "linked");
        repo.Git("worktree", "add", "--quiet", "-b", "other", linked);
        Run.GitOk(linked, ["commit", "--quiet", "--allow-empty", "-m", "feat: b"]);

        var state = await AssertSameAsGit(linked);
        Assert.Equal("other", state.Branch);
        Assert.Equal(Path.Combine(repo.Path, ".git"), state.CommonDirectory);
    }

    [Fact]
    public async Task A_shallow_clone_is_shallow()
    {
        using var origin = new GitRepo();
        origin.Commit("feat: a");
        origin.Commit("feat: b");
        using var shallow = GitRepo.Clone(new Uri(origin.Path).AbsoluteUri, "--depth", "1");

        var state = await AssertSameAsGit(shallow.Path);
        Assert.True(state.IsShallow);
    }

    [Fact]
    public void A_bare_repository_core_worktree_includes_and_a_symbolic_branch_are_left_to_git()
    {
        using var bare = new BareRemote();
        Assert.Null(RepositoryFiles.TryReadState(bare.GitDir, out var reason));
        Assert.Contains("bare", reason, StringComparison.Ordinal);

        using var repo = new GitRepo();
        repo.Commit("feat: a");
        repo.Git("config", "core.worktree", repo.Path);
        Assert.Null(RepositoryFiles.TryReadState(repo.Path, out reason));
        Assert.Contains("core.worktree", reason, StringComparison.Ordinal);
        repo.Git("config", "--unset", "core.worktree");

        repo.Git("config", "include.path", "/dev/null");
        Assert.Null(RepositoryFiles.TryReadState(repo.Path, out reason));
        repo.Git("config", "--unset", "include.path");

        repo.Git("symbolic-ref", "refs/heads/alias", "refs/heads/main");
        repo.Git("symbolic-ref", "HEAD", "refs/heads/alias");
        Assert.Null(RepositoryFiles.TryReadState(repo.Path, out reason));
        Assert.Contains("not a plain ref", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_outside_any_repository_is_left_to_git()
    {
        using var nowhere = new TempDirectory("slipway-nowhere");
        // Temporary directories are not inside a repository on these machines; git then gives its own error.
        Assert.Null(RepositoryFiles.TryReadState(nowhere.Path, out var reason));
        Assert.Contains("no .git", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cli_says_where_the_state_came_from_and_gives_the_same_answer_by_git()
    {
        using var repo = new GitRepo();
        repo.Commit("feat: a");
        repo.Tag("v1.0.0");
        repo.Commit("fix: b");

        var fast = repo.Slipway("version", "--verbose");
        Assert.Equal(0, fast.ExitCode);
        Assert.Contains("state read from the repository's files", fast.StandardError, StringComparison.Ordinal);

        var slow = repo.Slipway(new Dictionary<string, string?> { ["SLIPWAY_GIT_ONLY"] = "1" }, "version", "--verbose");
        Assert.Equal(0, slow.ExitCode);
        Assert.Contains("state read by git (SLIPWAY_GIT_ONLY=1)", slow.StandardError, StringComparison.Ordinal);
        Assert.Equal(fast.StandardOutput, slow.StandardOutput);

        var moved = repo.Slipway(new Dictionary<string, string?> { ["GIT_DIR"] = Path.Combine(repo.Path, ".git") }, "version", "--verbose");
        Assert.Equal(0, moved.ExitCode);
        Assert.Contains("state read by git (GIT_DIR is set)", moved.StandardError, StringComparison.Ordinal);
        Assert.Equal("1.0.0", moved.StandardOutput.Trim());
    }

    private static async Task<RepositoryState> AssertSameAsGit(string directory)
    {
        var git = await new GitRepository(directory).GetStateAsync(default);
        var files = RepositoryFiles.TryReadState(directory, out var reason);
        Assert.True(files is not null, reason);
        Assert.Equal(git, files);
        Assert.Equal(git.CommonDirectory, files.CommonDirectory);
        return files;
    }
}
