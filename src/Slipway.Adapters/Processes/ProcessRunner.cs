using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using Slipway.Core.Errors;

namespace Slipway.Adapters.Processes;

/// <summary>Runs a program with an argument array (never a shell string) and collects or streams its output.</summary>
public static class ProcessRunner
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static ProcessStartInfo StartInfo(string fileName, IEnumerable<string> arguments, string? workingDirectory,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
            StandardInputEncoding = Utf8,
        };
        if (workingDirectory is not null)
        {
            info.WorkingDirectory = workingDirectory;
        }

        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                if (value is null)
                {
                    info.Environment.Remove(key);
                }
                else
                {
                    info.Environment[key] = value;
                }
            }
        }

        return info;
    }

    /// <summary>Runs to completion and returns exit code, stdout and stderr. Cancelled, the process is stopped (SIGTERM to it and
    /// its children, so they can clean up) and waited for before this throws: nothing is left running behind the caller's back.</summary>
    public static async Task<ProcessResult> RunAsync(ProcessStartInfo info, string? standardInput = null,
        CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var process = Start(info);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await WriteInputAsync(process, standardInput, cancellationToken).ConfigureAwait(false);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await ProcessSignals.StopAsync(process).ConfigureAwait(false);
            throw;
        }

        return await ResultAsync(process, stdout, stderr, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a write (a commit, a tag, a push) to its end: once cancelled it does not start, but once started it is waited for,
    /// even when <paramref name="cancellationToken"/> is cancelled meanwhile, so that no half-done write and no orphan finishing
    /// behind our back is left. Only a second signal (<see cref="Termination.Forced"/>) stops it.
    /// </summary>
    public static async Task<ProcessResult> RunToEndAsync(ProcessStartInfo info, string? standardInput, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var forced = Termination.Forced;
        using var process = Start(info);
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var notice = cancellationToken == forced ? default : cancellationToken.Register(() => Termination.Notice?.Invoke(
            $"stopping: waiting for {Describe(info)} to finish (press Ctrl-C again to stop it now)"));
        try
        {
            await WriteInputAsync(process, standardInput, forced).ConfigureAwait(false);
            await process.WaitForExitAsync(forced).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await ProcessSignals.StopAsync(process).ConfigureAwait(false);
            throw;
        }

        return await ResultAsync(process, stdout, stderr, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The result; a failure while cancelled is the cancellation (a child stopped by the same Ctrl-C is not an error of its own).</summary>
    private static async Task<ProcessResult> ResultAsync(Process process, Task<string> stdout, Task<string> stderr, CancellationToken cancellationToken)
    {
        var result = new ProcessResult(process.ExitCode, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
        if (result.DiedOfSignal && !cancellationToken.IsCancellationRequested && !Termination.Signalled.IsCancellationRequested)
        {
            // Most likely Ctrl-C (or a kill) sent to the whole process group, which reaches this process too, a moment later than
            // the child (signals are handled on a thread of their own): wait for it a little, then decide.
            using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Termination.Signalled);
            try
            {
                await Task.Delay(SignalGrace, either.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // It came.
            }
        }

        if (!result.Succeeded && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }

        if (!result.Succeeded)
        {
            Interlocked.Exchange(ref lastFailure, Environment.TickCount64);
        }

        return result;
    }

    private static long lastFailure = long.MinValue / 2;

    /// <summary>Whether a program this process ran failed within <paramref name="within"/>: a failure that a signal to the whole
    /// group may have caused, a moment before that signal reaches this process's handler.</summary>
    public static bool FailedWithin(TimeSpan within) =>
        Environment.TickCount64 - Interlocked.Read(ref lastFailure) <= (long)within.TotalMilliseconds;

    /// <summary>How long a child's death by a signal waits for that signal to reach this process too. The kernel delivers a group's
    /// signal to every member at once, but .NET hands it to the handler on a thread of its own: on a loaded machine (2 cores, a
    /// test suite beside it) that took more than 2 s once in 200 random kills (scripts/kill-release.sh), and the release then said
    /// "git add failed (exit 143)" instead of "cancelled at step commit". Only a child killed alone (rare) waits this long.</summary>
    private static TimeSpan SignalGrace { get; } = TimeSpan.FromSeconds(10);

    private static string Describe(ProcessStartInfo info) =>
        info.ArgumentList.Count > 0 && !info.ArgumentList[0].StartsWith('-') ? $"{Path.GetFileName(info.FileName)} {info.ArgumentList[0]}" : Path.GetFileName(info.FileName);

    /// <summary>Starts the process; a missing program becomes a one-line error naming it.</summary>
    public static Process Start(ProcessStartInfo info)
    {
        try
        {
            return Process.Start(info) ?? throw new InvalidOperationException($"could not start {info.FileName}");
        }
        catch (Win32Exception)
        {
            throw new SlipwayException(SlipwayError.Precondition(
                $"'{info.FileName}' could not be started", $"install {info.FileName} and make sure it is on PATH"));
        }
    }

    public static async Task WriteInputAsync(Process process, string? standardInput, CancellationToken cancellationToken)
    {
        try
        {
            if (standardInput is not null)
            {
                await process.StandardInput.WriteAsync(standardInput.AsMemory(), cancellationToken).ConfigureAwait(false);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The program exited without reading its input; its exit code tells the story.
        }
    }

    /// <summary>Kills the process and its children at once (for a read whose output is no longer wanted).</summary>
    public static void Kill(Process process) => ProcessSignals.Kill(process);
}
