using System.Diagnostics;
using Slipway.Adapters.Files;
using Slipway.Adapters.Processes;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Signals;

/// <summary>AtomicFile's temporary files: named after the process that writes them, removed on Ctrl-C, and known for
/// leftovers once that process is gone.</summary>
public sealed class AtomicFileLeftoverTests
{
    [Fact]
    public void A_temporary_file_of_a_process_that_is_gone_is_a_leftover_and_one_of_a_running_process_is_not()
    {
        using var directory = new TempDirectory();
        using var sleeper = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        var running = ProcessIdentity.Of(sleeper.Id)!.Value;
        var alive = directory.Combine($".CHANGELOG.md.slipway-{running}-0123456789abcdef.tmp");
        var mine = directory.Combine($".CHANGELOG.md.slipway-{ProcessIdentity.Current}-0123456789abcdef.tmp");
        var recycled = directory.Combine($".CHANGELOG.md.slipway-{running with { StartTicks = running.StartTicks + 1 }}-0123456789abcdef.tmp");

        Assert.False(AtomicFile.IsLeftover(alive));
        Assert.False(AtomicFile.IsLeftover(mine));
        Assert.True(AtomicFile.IsLeftover(recycled), "the same id, started at another time: another process, the writer is gone");

        sleeper.Kill();
        sleeper.WaitForExit();
        Assert.True(AtomicFile.IsLeftover(alive));
    }

    [Theory]
    [InlineData(".CHANGELOG.md.slipway-0123456789abcdef0123456789abcdef.tmp", true)] // named with a GUID by earlier versions
    [InlineData(".Chart.yaml.slipway-999999999.1-0123456789abcdef.tmp", true)]
    [InlineData("CHANGELOG.md.slipway-0123456789abcdef0123456789abcdef.tmp", false)]
    [InlineData(".CHANGELOG.md.slipway-0123456789abcdef0123456789abcdeg.tmp", false)]
    [InlineData(".CHANGELOG.md.slipway-notes.tmp", false)]
    [InlineData(".CHANGELOG.md.tmp", false)]
    [InlineData("notes.tmp", false)]
    public void Only_slipways_own_temporary_files_are_leftovers(string name, bool leftover) =>
        Assert.Equal(leftover, AtomicFile.IsLeftover(Path.Combine(Path.GetTempPath(), name)));

    [Fact]
    public void Removing_the_leftovers_of_a_file_takes_only_its_own()
    {
        using var directory = new TempDirectory();
        var target = directory.Combine("CHANGELOG.md");
        File.WriteAllText(target, "# Changelog\n");
        File.WriteAllText(directory.Combine(".CHANGELOG.md.slipway-0123456789abcdef0123456789abcdef.tmp"), "half");
        File.WriteAllText(directory.Combine(".package.json.slipway-0123456789abcdef0123456789abcdef.tmp"), "half");

        var removed = AtomicFile.RemoveLeftovers(target);

        Assert.Equal([directory.Combine(".CHANGELOG.md.slipway-0123456789abcdef0123456789abcdef.tmp")], removed);
        Assert.True(File.Exists(directory.Combine(".package.json.slipway-0123456789abcdef0123456789abcdef.tmp")));
        Assert.Equal("# Changelog\n", File.ReadAllText(target));
    }

    [Fact]
    public async Task A_write_cancelled_before_it_ends_leaves_the_old_file_and_no_temporary_one()
    {
        using var directory = new TempDirectory();
        var target = directory.Combine("CHANGELOG.md");
        File.WriteAllText(target, "old\n");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AtomicFile.WriteAsync(target, new TextFile("new\n", false), cancelled.Token));

        Assert.Equal("old\n", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(directory.Path));
    }
}
