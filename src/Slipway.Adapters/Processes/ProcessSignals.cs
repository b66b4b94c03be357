using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Slipway.Adapters.Processes;

/// <summary>Stops a child process the way a person's Ctrl-C would: SIGTERM to it and everything below it, so each can clean up
/// (git removes its lock files); SIGKILL only for what is still running after a grace period.</summary>
internal static partial class ProcessSignals
{
    private const int SigKill = 9;
    private const int SigTerm = 15;

    /// <summary>How long a stopped process has to clean up before it is killed.</summary>
    public static TimeSpan Grace { get; } = TimeSpan.FromSeconds(10);

    public static async Task StopAsync(Process process)
    {
        if (!OperatingSystem.IsLinux())
        {
            Kill(process);
            return;
        }

        try
        {
            if (process.HasExited)
            {
                return;
            }

            // Everything below it first: a git push's receive-pack, a hook, helm's plugins. Listed before anyone gets the signal,
            // while they are still its descendants.
            var tree = ProcessTable.Descendants(process.Id);
            _ = SendSignal(process.Id, SigTerm);
            foreach (var id in tree)
            {
                _ = SendSignal(id, SigTerm);
            }

            using var grace = new CancellationTokenSource(Grace);
            try
            {
                await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Kill(process);
                foreach (var id in tree)
                {
                    _ = SendSignal(id, SigKill);
                }

                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped.
        }
    }

    public static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static bool SendSignal(int id, int signal) => NativeKill(id, signal) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int NativeKill(int pid, int signal);
}
