using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Signals;

/// <summary>
/// The release killed at every step boundary and write, with SIGINT, SIGTERM and SIGKILL, sent to slipway alone or to its
/// whole process group (as Ctrl-C at a terminal does), and at random points; then the same command again. Every time the
/// release ends finished: one release commit, the annotated tag with its whole message, the remote the same, one changelog
/// section, the versions in the files, a clean tree. A SIGINT or SIGTERM also leaves nothing behind by itself.
/// </summary>
public sealed class ReleaseKillMatrixTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    public static TheoryData<string, Signal, bool> HookCases()
    {
        var data = new TheoryData<string, Signal, bool>();
        // The ways a release is stopped for real, as the deploy matrix has them: Ctrl-C at a terminal (the whole group), a CI
        // runner stopping the job (SIGTERM to slipway), and SIGKILL to slipway alone and to the group.
        foreach (var point in KillPoint.Hooks)
        {
            data.Add(point.Name, Signal.SigInt, true);
            data.Add(point.Name, Signal.SigTerm, false);
            data.Add(point.Name, Signal.SigKill, false);
            data.Add(point.Name, Signal.SigKill, true);
        }

        return data;
    }

    public static TheoryData<string, Signal> WriteCases()
    {
        var data = new TheoryData<string, Signal>();
        foreach (var point in KillPoint.Writes)
        {
            foreach (var signal in (Signal[])[Signal.SigInt, Signal.SigTerm, Signal.SigKill])
            {
                data.Add(point.Name, signal);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(HookCases))]
    public void Killed_while_git_writes_the_same_command_finishes_the_release(string point, Signal signal, bool group) =>
        KillAndFinish(KillPoint.Hooks.Single(p => p.Name == point), signal, group);

    [Theory]
    [MemberData(nameof(WriteCases))]
    public void Killed_while_slipway_writes_a_file_the_same_command_finishes_the_release(string point, Signal signal) =>
        KillAndFinish(KillPoint.Writes.Single(p => p.Name == point), signal, group: false);

    [Fact]
    public void Killed_once_the_commit_is_made_but_git_holds_the_index_lock_the_same_command_finishes_and_removes_the_lock() =>
        KillAndFinish(KillPoint.CommitRefWritten, Signal.SigKill, group: true);

    [Fact]
    public void Killed_at_random_points_the_same_command_finishes_the_release()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        for (var i = 0; i < 4; i++)
        {
            var point = KillPoint.Random(random);
            var signal = (Signal[])[Signal.SigInt, Signal.SigTerm, Signal.SigKill];
            KillAndFinish(point, signal[random.Next(3)], random.Next(2) == 0, $"seed {seed}, case {i}");
        }
    }

    private static void KillAndFinish(KillPoint point, Signal signal, bool group, string? seed = null)
    {
        var why = $"{point.Name}, {signal.ToString().ToUpperInvariant()} to {(group ? "the group" : "slipway")}{(seed is null ? "" : $" ({seed})")}";
        using var repo = new ReleaseRepo();
        using var gate = new HoldPoint();
        RunResult stopped;
        if (point.ByStrace(repo, gate, signal, out var strace))
        {
            using var run = repo.Start(strace);
            stopped = run.WaitForExit(Deadline);
        }
        else
        {
            using var run = repo.Start();
            Wait.Until(() => gate.Reached || run.HasExited, Deadline, $"{why}: the gate");
            if (gate.Reached)
            {
                run.Send(signal, group);
            }

            // Slipway waits for a write in flight: let it end (a kill of slipway alone leaves it to end by itself).
            gate.Open();
            stopped = run.WaitForExit(Deadline);
        }

        if (signal != Signal.SigKill)
        {
            // A signal slipway could handle: it ends at a step with one line saying so, or finished (the signal came in the last step).
            var expected = signal == Signal.SigInt ? 130 : 143;
            Assert.True(stopped.ExitCode == expected || stopped.ExitCode == 0, $"{why}: {stopped}");
            if (stopped.ExitCode == expected)
            {
                Assert.Matches(ReleaseSignalTests.CancelledLine(), stopped.StandardError.TrimEnd('\n').Split('\n')[^1]);
            }

            repo.WaitForOrphans(Deadline);
            repo.AssertNothingLeftBehind($"{why}, before the same command again");
        }

        repo.WaitForOrphans(Deadline);
        var rerun = repo.Release();
        Assert.True(rerun.ExitCode == 0, $"{why}: the same command again: {rerun}\n--- the stopped run: {stopped}");
        repo.AssertReleased(why);
    }
}
