using System.Diagnostics;

namespace Slipway.Tests.Fixtures;

/// <summary>`git daemon` on 127.0.0.1 and a free port, serving a bare remote over git:// with pushes enabled.</summary>
public sealed class GitDaemon : IDisposable
{
    private readonly Process _process;

    public GitDaemon(BareRemote remote)
    {
        Port = FreePort.Next();
        var info = new ProcessStartInfo("git")
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var a in new[] { "daemon", "--reuseaddr", $"--base-path={remote.BasePath}", "--export-all", "--enable=receive-pack", "--listen=127.0.0.1", $"--port={Port}", remote.BasePath })
        {
            info.ArgumentList.Add(a);
        }

        _process = Process.Start(info)!;
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        Url = $"git://127.0.0.1:{Port}/{System.IO.Path.GetFileName(remote.GitDir)}";
        Wait.Until(() => Run.Process("git", ["ls-remote", Url]).ExitCode == 0, TimeSpan.FromSeconds(20), "git daemon to accept connections");
    }

    public int Port { get; }

    public string Url { get; }

    public void Dispose()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }
}
