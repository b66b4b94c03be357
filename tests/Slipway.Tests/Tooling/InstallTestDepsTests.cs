using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Tooling;

/// <summary>
/// scripts/install-test-deps.sh on a machine that lacks the tools: what it asks apt for. apt-get is a recording stand-in that
/// refuses (a test must not install packages on the machine), so the script stops right after saying what it would install.
/// </summary>
public sealed class InstallTestDepsTests
{
    [Fact]
    public void A_machine_without_node_gets_npm_too_since_Debian_packages_it_apart()
    {
        using var dir = new TempDirectory();
        var bin = Directory.CreateDirectory(Path.Combine(dir.Path, "bin")).FullName;
        // Only what the script runs before apt-get: no git, node or npm on this PATH.
        foreach (var tool in new[] { "bash", "env", "dirname", "id", "ls" })
        {
            File.CreateSymbolicLink(Path.Combine(bin, tool), new[] { "/usr/bin", "/bin" }.Select(d => Path.Combine(d, tool)).First(File.Exists));
        }

        var calls = Path.Combine(dir.Path, "apt-get.calls");
        Executable(Path.Combine(bin, "apt-get"), $"#!/bin/sh\necho \"$*\" >> '{calls}'\nexit 100\n");
        Executable(Path.Combine(bin, "sudo"), "#!/bin/sh\nexec \"$@\"\n");

        var result = Run.Process("/bin/bash", [SourceTree.Path("scripts", "install-test-deps.sh")], dir.Path,
            new Dictionary<string, string?> { ["PATH"] = bin });

        Assert.Equal(100, result.ExitCode);
        var line = Assert.Single(result.StandardOutput.Split('\n'), l => l.StartsWith("install-test-deps: apt-get install ", StringComparison.Ordinal));
        var packages = line["install-test-deps: apt-get install ".Length..].Split(' ');
        Assert.Contains("nodejs", packages);
        Assert.Contains("npm", packages);
        Assert.Contains("git", packages);
        Assert.Equal(["update -qq"], File.ReadAllLines(calls));
    }

    private static void Executable(string path, string text)
    {
        File.WriteAllText(path, text);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
