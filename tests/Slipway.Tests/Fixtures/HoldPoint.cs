using System.Globalization;

namespace Slipway.Tests.Fixtures;

/// <summary>
/// A point where a hook (or the helm stand-in) stops and waits for the test: the Nth time it runs it says so (reached) and
/// blocks until the test opens it, so that a kill lands exactly there, whatever the timing. Every other time it passes.
/// </summary>
public sealed class HoldPoint : IDisposable
{
    private readonly TempDirectory _directory = new("slipway-gate");

    public string Path => _directory.Path;

    public bool Reached => File.Exists(_directory.Combine("reached"));

    /// <summary>Shell lines that block the <paramref name="nth"/> time they run (they count in the gate's folder).</summary>
    public string Script(int nth = 1) => $$"""
        g='{{Path}}'
        n=$(( $(cat "$g/count" 2>/dev/null || echo 0) + 1 )); echo "$n" > "$g/count"
        if [ "$n" -eq {{nth.ToString(CultureInfo.InvariantCulture)}} ]; then
          touch "$g/reached"
          while [ ! -e "$g/go" ]; do sleep 0.02; done
        fi
        """;

    /// <summary>Writes a hook into a git directory that blocks at this gate when <paramref name="condition"/> (shell) holds.</summary>
    public void Hook(string gitDirectory, string name, string condition = "true", int nth = 1)
    {
        var path = System.IO.Path.Combine(gitDirectory, "hooks", name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllText(path, $"#!/bin/sh\n{condition} || exit 0\n{Script(nth)}\nexit 0\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public void WaitReached(SlipwayProcess process, TimeSpan deadline)
    {
        Wait.Until(() => Reached || process.HasExited, deadline, $"the gate {Path}");
        Assert.True(Reached, $"slipway ended before it reached the gate:\n{process.StandardError}");
    }

    public void Open() => File.WriteAllText(_directory.Combine("go"), string.Empty);

    public void Dispose()
    {
        Open();
        _directory.Dispose();
    }
}
