using System.Text.RegularExpressions;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Signals;

/// <summary>
/// A release stopped by a signal or a kill is finished by the same command: the five ways it did not (issue 22), each made
/// to happen exactly, by a fault injected with strace or a hook that holds git where the kill must land.
/// </summary>
public sealed partial class ReleaseSignalTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    [Fact]
    public void Ctrl_c_while_a_file_is_written_ends_with_130_and_one_line_naming_the_step_and_leaves_no_temporary_file()
    {
        using var repo = new ReleaseRepo();
        // The issue's reproduction: SIGINT delivered as the first file is flushed to disk.
        using var run = repo.Start(["-e", "trace=fsync,fdatasync", "-e", "inject=fsync,fdatasync:signal=INT:when=1"]);

        var cancelled = run.WaitForExit(Deadline);

        Assert.True(cancelled.ExitCode == 130, cancelled.ToString());
        Assert.Matches(CancelledLine(), cancelled.StandardError.TrimEnd('\n').Split('\n')[^1]);
        repo.AssertNothingLeftBehind("after Ctrl-C");
        Expect.Success(repo.Release());
        repo.AssertReleased("the same command after Ctrl-C");
    }

    [Fact]
    public void Ctrl_c_that_makes_the_fetch_fail_an_instant_before_it_reaches_slipway_is_a_cancellation_not_a_fetch_error()
    {
        // kill-release.sh's run 18: the group's SIGINT ended git fetch's transport, so the fetch failed (exit 128, no signal in
        // its exit code) before .NET handed slipway the same signal. Here the transport fails at once and the signal follows it.
        using var repo = new ReleaseRepo();
        using var scripts = new TempDirectory();
        var pidFile = Path.Combine(scripts.Path, "pid");
        var transport = Path.Combine(scripts.Path, "ssh");
        File.WriteAllText(transport, $"#!/bin/sh\n(sleep 0.3; kill -INT -\"$(cat '{pidFile}')\") </dev/null >/dev/null 2>&1 &\necho 'Connection closed by remote host' >&2\nexit 255\n");
        File.SetUnixFileMode(transport, (UnixFileMode)0b111_101_101);
        repo.Repo.Git("remote", "set-url", "origin", "ssh://git.invalid/app.git");

        using var run = SlipwayProcess.Start(repo.Repo.Path, new Dictionary<string, string?> { ["GIT_SSH_COMMAND"] = transport }, null, "release", "auto", "--yes");
        File.WriteAllText(pidFile, run.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var cancelled = run.WaitForExit(Deadline);

        Assert.True(cancelled.ExitCode == 130, cancelled.ToString());
        Assert.Equal("slipway: cancelled at step preflight; run the same command to finish", cancelled.StandardError.TrimEnd('\n').Split('\n')[^1]);
        repo.AssertNothingLeftBehind("after Ctrl-C during the fetch");
        Assert.Equal("", repo.Repo.Git("tag", "--list", ReleaseRepo.Tag));
    }

    [Fact]
    public void A_temporary_file_left_by_a_kill_is_slipways_own_and_the_next_release_removes_it_and_finishes()
    {
        using var repo = new ReleaseRepo();
        // Killed between writing the new CHANGELOG.md beside it and renaming it into place (as it is flushed to disk).
        using (var run = repo.Start(["-e", "trace=fsync,fdatasync", "-e", "inject=fsync,fdatasync:signal=KILL:when=1"]))
        {
            Assert.NotEqual(0, run.WaitForExit(Deadline).ExitCode);
        }

        Assert.Single(Directory.GetFiles(repo.Repo.Path, ".CHANGELOG.md.slipway-*.tmp"));

        var rerun = repo.Release();

        Expect.Success(rerun);
        Assert.Contains("removed .CHANGELOG.md.slipway-", rerun.StandardError, StringComparison.Ordinal);
        repo.AssertReleased("the same command after a kill mid-write");
    }

    [Fact]
    public void A_local_tag_without_the_releases_message_is_made_again_before_it_is_pushed()
    {
        using var repo = new ReleaseRepo();
        Expect.Success(repo.Repo.Slipway("release", "auto", "--yes", "--no-push"));
        // What a kill between starting `git tag --file=-` and writing the message used to leave: the tag, with an empty message.
        repo.Repo.Git("tag", "--force", "--annotate", "--cleanup=verbatim", "--file=/dev/null", ReleaseRepo.Tag);

        var rerun = repo.Release();

        Expect.Success(rerun);
        Assert.Contains($"> tag: make annotated tag {ReleaseRepo.Tag} again", rerun.StandardError, StringComparison.Ordinal);
        Assert.Equal(repo.ExpectedTagMessage, ReleaseRepo.TagMessage(repo.Remote.GitDir));
        repo.AssertReleased("after the tag was made again");
    }

    [Fact]
    public void A_tag_the_remote_already_has_is_never_made_again_even_with_the_wrong_message()
    {
        using var repo = new ReleaseRepo();
        Expect.Success(repo.Repo.Slipway("release", "auto", "--yes", "--no-push"));
        repo.Repo.Git("tag", "--force", "--annotate", "--cleanup=verbatim", "--file=/dev/null", ReleaseRepo.Tag);
        repo.Repo.Git("push", "--quiet", "origin", "main", ReleaseRepo.Tag);
        var pushed = repo.Remote.Git("rev-parse", $"refs/tags/{ReleaseRepo.Tag}");

        var rerun = repo.Release();

        Expect.Success(rerun);
        Assert.Equal($"{ReleaseRepo.Tag} is already released\n", rerun.StandardOutput);
        Assert.Equal(pushed, repo.Remote.Git("rev-parse", $"refs/tags/{ReleaseRepo.Tag}"));
        Assert.Equal(pushed, repo.Repo.Git("rev-parse", $"refs/tags/{ReleaseRepo.Tag}"));
    }

    [Fact]
    public void An_index_lock_left_by_a_release_killed_during_its_commit_is_removed_and_the_release_finishes()
    {
        using var repo = new ReleaseRepo();
        using var gate = new HoldPoint();
        gate.Hook(repo.GitDirectory, "pre-commit"); // runs while git commit holds .git/index.lock
        using (var run = repo.Start())
        {
            gate.WaitReached(run, Deadline);
            run.Send(Signal.SigKill, group: true);
            run.WaitForExit(Deadline);
        }

        Assert.True(File.Exists(Path.Combine(repo.GitDirectory, "index.lock")), "the kill left .git/index.lock");

        var rerun = repo.Release();

        Expect.Success(rerun);
        Assert.Contains($"removed {Path.Combine(repo.GitDirectory, "index.lock")}, a lock left by a slipway run that was killed", rerun.StandardError, StringComparison.Ordinal);
        repo.AssertReleased("the same command after a kill during git commit");
    }

    [Fact]
    public void An_index_lock_slipway_cannot_prove_its_own_fails_the_commit_with_one_line_naming_the_file_and_the_fix()
    {
        using var repo = new ReleaseRepo();
        var lockFile = Path.Combine(repo.GitDirectory, "index.lock");
        File.WriteAllText(lockFile, string.Empty); // another git process, or one that crashed: not Slipway's

        var release = repo.Release();

        Expect.OneLineError(release, 1, $"Unable to create '{lockFile}': File exists", $"if none is, remove {lockFile} and run the same command again");
        Assert.True(File.Exists(lockFile), "a lock that is not provably Slipway's is left alone");
        File.Delete(lockFile);
        Expect.Success(repo.Release());
        repo.AssertReleased("after the lock was removed by hand");
    }

    [Fact]
    public void A_ref_lock_left_in_a_file_remote_by_a_push_killed_with_its_group_is_removed_and_the_push_finishes()
    {
        using var repo = new ReleaseRepo();
        using var gate = new HoldPoint();
        // The remote's reference-transaction hook runs "prepared" with the refs locked: killed there, the locks stay.
        gate.Hook(repo.Remote.GitDir, "reference-transaction", "[ \"$1\" = prepared ] && grep -q ' refs/tags/v0.2.0$'");
        using (var run = repo.Start())
        {
            gate.WaitReached(run, Deadline);
            run.Send(Signal.SigKill, group: true);
            run.WaitForExit(Deadline);
        }

        Assert.True(File.Exists(Path.Combine(repo.Remote.GitDir, "refs", "heads", "main.lock")), "the kill left the remote's refs/heads/main.lock");

        var rerun = repo.Release();

        Expect.Success(rerun);
        Assert.Contains($"removed {Path.Combine(repo.Remote.GitDir, "refs", "heads", "main.lock")}", rerun.StandardError, StringComparison.Ordinal);
        repo.AssertReleased("the same command after a kill during the push");
    }

    [Fact]
    public void A_ref_lock_in_the_remote_that_slipway_cannot_prove_its_own_fails_the_push_with_one_line_naming_the_file_and_the_fix()
    {
        using var repo = new ReleaseRepo();
        var lockFile = Path.Combine(repo.Remote.GitDir, "refs", "heads", "main.lock");
        File.WriteAllText(lockFile, string.Empty);

        var release = repo.Release();

        Expect.OneLineError(release, 1, "the remote 'origin' refused the push", $"Unable to create '{lockFile}': File exists", $"remove {lockFile} on the remote");
        Assert.True(File.Exists(lockFile));
        File.Delete(lockFile);
        Expect.Success(repo.Release());
        repo.AssertReleased("after the remote's lock was removed by hand");
    }

    [Theory]
    [InlineData(Signal.SigInt)]
    [InlineData(Signal.SigTerm)]
    public void A_signal_during_the_push_waits_for_it_so_that_nothing_finishes_behind_slipways_back(Signal signal)
    {
        using var repo = new ReleaseRepo();
        using var gate = new HoldPoint();
        gate.Hook(repo.Remote.GitDir, "pre-receive"); // the push is in flight: the remote has the objects, not yet the refs
        using var run = repo.Start();
        gate.WaitReached(run, Deadline);

        run.Send(signal, group: false);
        run.WaitForError("stopping: waiting for git push to finish", Deadline);

        Assert.False(run.HasExited, run.StandardError);
        Assert.NotEqual(repo.Repo.Head, repo.Remote.BranchCommit());
        gate.Open();
        var result = run.WaitForExit(Deadline);
        Assert.Empty(ReleaseRepo.ProcessesIn([repo.Remote.GitDir])); // the push ended before slipway did
        Expect.Success(result); // the push was the last step to do: the release is complete
        Assert.Equal($"released {ReleaseRepo.Tag}\n", result.StandardOutput);
        repo.AssertReleased("a release that waited for its push");
    }

    [GeneratedRegex(@"^slipway: cancelled at step (preflight|changelog|bump|commit|tag|push); run the same command to finish$")]
    public static partial Regex CancelledLine();
}
