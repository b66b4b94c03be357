using System.Runtime.InteropServices;

namespace Slipway.Adapters.Processes;

/// <summary>
/// Ctrl-C (SIGINT), SIGTERM and SIGQUIT for the whole process. The first one cancels <see cref="Requested"/>: reads stop, no new
/// write starts, a write in flight (a git commit, a push) is waited for, and the command ends at the next step with 130/143/131.
/// A second one cancels <see cref="Forced"/>: the writes in flight are stopped too (their processes get SIGTERM, so git removes
/// its locks). A third one is left to the system, which ends the process at once.
/// </summary>
public sealed class Termination : IDisposable
{
    private static Termination? current;
    private readonly CancellationTokenSource requested = new();
    private readonly CancellationTokenSource forced = new();
    private readonly List<PosixSignalRegistration> registrations = [];
    private int signals;
    private PosixSignal? first;

    private Termination()
    {
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Requested => requested.Token;

    /// <summary>Cancelled by the first signal (never cancelled when nothing was installed), for code that is not handed the token.</summary>
    public static CancellationToken Signalled => current?.requested.Token ?? CancellationToken.None;

    /// <summary>Cancelled by the second signal: what a write in flight is stopped by (never cancelled when nothing was installed).</summary>
    public static CancellationToken Forced => current?.forced.Token ?? CancellationToken.None;

    /// <summary>
    /// Whether an error is the signal's doing: a signal has come, or a program failed just now and a signal comes within a
    /// moment. A Ctrl-C to the group can end a child (git fetch, whose upload-pack died) with an ordinary failure a little before
    /// .NET hands the same signal to this process's handler; that error is then the cancellation, not a failure of its own.
    /// Waits (up to <see cref="FailureGrace"/>) only when a program failed within it: other errors are reported at once.
    /// </summary>
    public static bool CausedTheFailure()
    {
        if (current is not { } termination)
        {
            return false;
        }

        return termination.requested.IsCancellationRequested
            || (ProcessRunner.FailedWithin(FailureGrace) && termination.requested.Token.WaitHandle.WaitOne(FailureGrace));
    }

    /// <summary>How long an error that followed a program's failure waits for a signal that may have caused it.</summary>
    private static TimeSpan FailureGrace { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Told once, on the first signal, when a write is being waited for (for the person at the terminal).</summary>
    public static Action<string>? Notice { get; set; }

    /// <summary>The exit code a command cancelled by the first signal ends with: 128 + the signal's number.</summary>
    public static int ExitCode => current?.first switch
    {
        PosixSignal.SIGTERM => 143,
        PosixSignal.SIGQUIT => 131,
        _ => 130,
    };

    /// <summary>Takes over SIGINT, SIGTERM and SIGQUIT for this process (where the platform has them).</summary>
    public static Termination Install()
    {
        var termination = new Termination();
        if (!OperatingSystem.IsBrowser() && !OperatingSystem.IsIOS() && !OperatingSystem.IsTvOS() && !OperatingSystem.IsAndroid())
        {
            foreach (var signal in (PosixSignal[])[PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGQUIT])
            {
                termination.registrations.Add(PosixSignalRegistration.Create(signal, termination.OnSignal));
            }
        }

        current = termination;
        return termination;
    }

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        if (current == this)
        {
            current = null;
        }

        requested.Dispose();
        forced.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        switch (Interlocked.Increment(ref signals))
        {
            case 1:
                first = context.Signal;
                context.Cancel = true;
                requested.Cancel();
                break;
            case 2:
                context.Cancel = true;
                forced.Cancel();
                break;
            default:
                context.Cancel = false;
                break;
        }
    }
}
