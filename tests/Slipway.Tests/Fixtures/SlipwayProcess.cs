using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Slipway.Tests.Fixtures;

/// <summary>The signals the kill tests send.</summary>
public enum Signal
{
    SigInt = 2,
    SigKill = 9,
    SigTerm = 15,
}

/// <summary>
/// The real slipway CLI started in a session and process group of its own (setsid), the way a terminal or a CI runner starts a
/// job, so that a test can signal the process alone or its whole group (its git children, their hooks, a file remote's
/// receive-pack) without touching the test host. Optionally under strace, which injects a signal at a chosen system call.
/// </summary>
public sealed class SlipwayProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _reading;

    private SlipwayProcess(Process process)
    {
        _process = process;
        _reading = Task.WhenAll(Pump(process.StandardOutput, _stdout), Pump(process.StandardError, _stderr));
    }

    /// <summary>The process id, which is also its process group's (strace's when under strace).</summary>
    public int Id => _process.Id;

    public string StandardError
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <param name="strace">strace's options (e.g. -e inject=…), or null to run slipway directly.</param>
    public static SlipwayProcess Start(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, IReadOnlyList<string>? strace,
        params string[] arguments)
    {
        var dll = SlipwayCli.Dll;
        var info = new ProcessStartInfo(Tool.Require("setsid"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            WorkingDirectory = workingDirectory,
        };
        if (strace is not null)
        {
            info.ArgumentList.Add(Tool.Require("strace"));
            foreach (var option in (string[])["-f", "-qq", "-o", "/dev/null", "--seccomp-bpf", .. strace])
            {
                info.ArgumentList.Add(option);
            }
        }

        foreach (var argument in (string[])["dotnet", dll, .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in Run.IsolatedGit)
        {
            info.Environment[key] = value;
        }

        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("GITHUB_", StringComparison.Ordinal) || k is "CI" or "GH_TOKEN").ToList())
        {
            info.Environment.Remove(key);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
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

        var process = Process.Start(info)!;
        process.StandardInput.Close();
        return new SlipwayProcess(process);
    }

    /// <summary>Sends the signal to the process alone, or to its whole process group.</summary>
    public void Send(Signal signal, bool group)
    {
        var target = (group ? -_process.Id : _process.Id).ToString(CultureInfo.InvariantCulture);
        var result = Run.Process("kill", ["-s", ((int)signal).ToString(CultureInfo.InvariantCulture), "--", target]);
        Assert.True(result.ExitCode == 0 || _process.HasExited, $"kill failed: {result}");
    }

    /// <summary>Waits until stderr holds <paramref name="text"/> (or the process ended without it: then the test fails saying so).</summary>
    public void WaitForError(string text, TimeSpan deadline) =>
        Wait.Until(() => StandardError.Contains(text, StringComparison.Ordinal) || _process.HasExited, deadline, $"'{text}' on stderr");

    public bool HasExited => _process.HasExited;

    public RunResult WaitForExit(TimeSpan deadline)
    {
        if (!_process.WaitForExit(deadline))
        {
            Send(Signal.SigKill, group: true);
            throw new TimeoutException($"slipway did not exit within {deadline}; stderr so far:\n{StandardError}");
        }

        _process.WaitForExit();
        _reading.Wait(deadline);
        lock (_stdout)
        {
            return new RunResult(_process.ExitCode, _stdout.ToString(), StandardError);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            Send(Signal.SigKill, group: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static async Task Pump(StreamReader reader, StringBuilder into)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (into)
            {
                into.Append(buffer, 0, read);
            }
        }
    }
}

/// <summary>Programs the kill tests need from the system (installed by scripts/install-test-deps.sh).</summary>
public static class Tool
{
    public static string Require(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':').Select(d => System.IO.Path.Combine(d, name)).FirstOrDefault(File.Exists)
        ?? throw new InvalidOperationException($"{name} is not installed: run scripts/install-test-deps.sh");
}
