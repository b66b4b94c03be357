using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Cli;

/// <summary>On a terminal (a real pseudo-terminal from `script`), release shows the plan and asks before changing anything.</summary>
public sealed class ConfirmationTests
{
    private static RunResult OnTerminal(GitRepo repo, string answer, params string[] args)
    {
        var dll = SlipwayCli.Dll;
        // `script` gives the command a pseudo-terminal; the arguments are ours (paths and fixed words), not user data.
        var command = string.Join(' ', new[] { "dotnet", dll }.Concat(args).Select(a => "'" + a + "'"));
        return Run.Process("script", ["--quiet", "--return", "--command", command, "/dev/null"], repo.Path, standardInput: answer + "\n");
    }

    [Fact]
    public void Declining_the_confirmation_changes_nothing()
    {
        using var remote = new BareRemote();
        using var repo = new GitRepo();
        repo.Git("remote", "add", "origin", remote.Url);
        repo.Commit("feat: a");
        var result = OnTerminal(repo, "n", "release", "minor");
        Assert.Equal(3, result.ExitCode);
        Assert.Contains("Release v0.1.0? [y/N]", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("not released", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(string.Empty, repo.Git("tag"));
        Assert.Empty(remote.Tags());
    }

    [Fact]
    public void Confirming_releases()
    {
        using var remote = new BareRemote();
        using var repo = new GitRepo();
        repo.Git("remote", "add", "origin", remote.Url);
        repo.Commit("feat: a");
        var result = OnTerminal(repo, "y", "release", "minor");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("- feat: a (", result.StandardOutput, StringComparison.Ordinal);   // the plan is shown before the question
        Assert.Equal(repo.Head, remote.Tags()["v0.1.0"]);
    }
}
