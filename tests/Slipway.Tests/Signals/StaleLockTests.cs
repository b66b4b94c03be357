using System.Diagnostics;
using System.Globalization;
using Slipway.Adapters.Git;
using Slipway.Adapters.Processes;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Signals;

/// <summary>When a git lock is provably what a killed Slipway run left, and when it is not (then it is named, never removed).</summary>
public sealed class StaleLockTests
{
    [Theory]
    [InlineData("fatal: Unable to create '/r/.git/index.lock': File exists.\n\nAnother git process seems to be running in this repository, e.g.\n...remove the file manually to continue.", "/r/.git/index.lock")]
    [InlineData("remote: error: cannot lock ref 'refs/heads/main': Unable to create '/srv/r.git/./refs/heads/main.lock': File exists.\nTo /srv/r.git\n ! [remote rejected] main -> main (failed to update ref)", "/srv/r.git/refs/heads/main.lock")]
    [InlineData("error: cannot lock ref 'refs/slipway/ledger': Unable to create '/r/.git/refs/slipway/ledger.lock': File exists.", "/r/.git/refs/slipway/ledger.lock")]
    public void The_lock_git_names_is_read_from_its_output_whatever_line_it_is_on(string output, string path)
    {
        Assert.Equal(path, StaleLock.Named(output));
        Assert.Equal($"Unable to create '{path}': File exists", StaleLock.Line(output));
    }

    [Fact]
    public void Output_without_a_lock_names_none() =>
        Assert.Null(StaleLock.Named("fatal: not a git repository (or any of the parent directories): .git"));

    [Fact]
    public void A_lock_in_a_repository_a_killed_run_was_writing_in_is_removed()
    {
        using var repo = new GitRepo();
        var gitDirectory = Path.Combine(repo.Path, ".git");
        RecordWrite(gitDirectory, Gone(), DateTimeOffset.UtcNow.AddMinutes(-1), repo.Path);
        var lockFile = Lock(gitDirectory, "index.lock");

        Assert.True(StaleLock.TryRemove(lockFile, gitDirectory));
        Assert.False(File.Exists(lockFile));
    }

    [Fact]
    public void A_lock_older_than_the_killed_runs_write_is_not_its_own()
    {
        using var repo = new GitRepo();
        var gitDirectory = Path.Combine(repo.Path, ".git");
        var lockFile = Lock(gitDirectory, "index.lock");
        File.SetLastWriteTimeUtc(lockFile, DateTime.UtcNow.AddHours(-1));
        RecordWrite(gitDirectory, Gone(), DateTimeOffset.UtcNow.AddMinutes(-1), repo.Path);

        Assert.False(StaleLock.TryRemove(lockFile, gitDirectory));
        Assert.True(File.Exists(lockFile));
    }

    [Fact]
    public void A_lock_where_a_slipway_that_still_runs_is_writing_is_not_removed()
    {
        using var repo = new GitRepo();
        var gitDirectory = Path.Combine(repo.Path, ".git");
        using var running = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        RecordWrite(gitDirectory, Gone(), DateTimeOffset.UtcNow.AddMinutes(-1), repo.Path);
        RecordWrite(gitDirectory, ProcessIdentity.Of(running.Id)!.Value, DateTimeOffset.UtcNow.AddMinutes(-1), repo.Path);
        var lockFile = Lock(gitDirectory, "index.lock");

        Assert.False(StaleLock.TryRemove(lockFile, gitDirectory));
        running.Kill();
    }

    [Fact]
    public void A_lock_in_a_repository_where_a_git_process_is_at_work_is_not_removed()
    {
        using var repo = new GitRepo();
        var gitDirectory = Path.Combine(repo.Path, ".git");
        RecordWrite(gitDirectory, Gone(), DateTimeOffset.UtcNow.AddMinutes(-1), repo.Path);
        var lockFile = Lock(gitDirectory, "index.lock");
        // Someone else's git (not a child of this process: its shell has exited), working in the repository, waiting for input
        // here: the lock may be its.
        using var shell = Process.Start(new ProcessStartInfo("sh", ["-c", "cd \"$1\" || exit; exec 3<&0; git cat-file --batch <&3 & echo $!", "_", repo.Path])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var git = int.Parse(shell.StandardOutput.ReadLine()!, CultureInfo.InvariantCulture);
        shell.WaitForExit();
        Wait.Until(() => ReleaseRepo.ProcessesIn([repo.Path]).Contains(git), TimeSpan.FromMinutes(1), "git to work in the repository");

        Assert.False(StaleLock.TryRemove(lockFile, gitDirectory));
        Assert.True(File.Exists(lockFile));
        shell.StandardInput.Close(); // git reads the end of its input and exits
        Wait.Until(() => !ReleaseRepo.ProcessesIn([repo.Path]).Contains(git), TimeSpan.FromMinutes(1), "git to end");
        Assert.True(StaleLock.TryRemove(lockFile, gitDirectory), "once it is gone, the lock is the killed run's");
    }

    [Fact]
    public void A_lock_with_no_record_of_a_killed_run_is_not_removed()
    {
        using var repo = new GitRepo();
        var gitDirectory = Path.Combine(repo.Path, ".git");
        var lockFile = Lock(gitDirectory, "index.lock");

        Assert.False(StaleLock.TryRemove(lockFile, gitDirectory));
    }

    [Fact]
    public void A_write_in_flight_is_on_record_until_it_ends()
    {
        using var repo = new GitRepo();
        var gitDirectory = Path.Combine(repo.Path, ".git");

        using (InFlightWrites.Record(gitDirectory, [repo.Path]))
        {
            var (writer, write) = Assert.Single(InFlightWrites.Read(gitDirectory));
            Assert.Equal(ProcessIdentity.Current, writer);
            Assert.Equal([repo.Path], write.Repositories);
        }

        Assert.Empty(InFlightWrites.Read(gitDirectory));
    }

    /// <summary>The identity of a process that ran and is gone.</summary>
    private static ProcessIdentity Gone()
    {
        using var process = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        var identity = ProcessIdentity.Of(process.Id)!.Value;
        process.Kill();
        process.WaitForExit();
        return identity;
    }

    private static void RecordWrite(string gitDirectory, ProcessIdentity writer, DateTimeOffset started, string repository)
    {
        var folder = Path.Combine(gitDirectory, "slipway", "in-flight");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"{writer}-1"), $"{started.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}\t{repository}\n");
    }

    private static string Lock(string gitDirectory, string name)
    {
        var path = Path.Combine(gitDirectory, name);
        File.WriteAllText(path, string.Empty);
        return path;
    }
}
