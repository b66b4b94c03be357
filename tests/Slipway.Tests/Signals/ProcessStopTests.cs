using Slipway.Adapters.Processes;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Signals;

/// <summary>How a cancelled command treats its child processes: a read is stopped with SIGTERM (it can clean up) and waited
/// for; a write that started is waited for, so it never finishes behind the command's back.</summary>
public sealed class ProcessStopTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_cancelled_read_is_stopped_with_sigterm_and_waited_for()
    {
        using var directory = new TempDirectory();
        var script = "trap 'touch stopped; exit 143' TERM; touch started; while :; do sleep 0.02; done";
        using var cancel = new CancellationTokenSource();
        var run = ProcessRunner.RunAsync(ProcessRunner.StartInfo("sh", ["-c", script], directory.Path), null, cancel.Token);
        Wait.Until(() => File.Exists(directory.Combine("started")), Deadline, "the child to start");

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(File.Exists(directory.Combine("stopped")), "the child got SIGTERM and could clean up before the call returned");
    }

    [Fact]
    public async Task A_write_that_started_is_waited_for_when_cancelled()
    {
        using var directory = new TempDirectory();
        var script = "touch started; while [ ! -e go ]; do sleep 0.02; done; echo written";
        using var cancel = new CancellationTokenSource();
        var run = ProcessRunner.RunToEndAsync(ProcessRunner.StartInfo("sh", ["-c", script], directory.Path), null, cancel.Token);
        Wait.Until(() => File.Exists(directory.Combine("started")), Deadline, "the child to start");

        await cancel.CancelAsync();
        File.WriteAllText(directory.Combine("go"), string.Empty);

        var result = await run;
        Assert.Equal("written\n", result.StandardOutput);
    }

    [Fact]
    public async Task A_write_is_not_started_once_cancelled()
    {
        using var directory = new TempDirectory();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ProcessRunner.RunToEndAsync(ProcessRunner.StartInfo("touch", ["written"], directory.Path), null, cancel.Token));

        Assert.False(File.Exists(directory.Combine("written")));
    }
}
