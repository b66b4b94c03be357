using System.Runtime.CompilerServices;

namespace Slipway.Tests.Changelog;

/// <summary>Compares output with a golden file exactly; SLIPWAY_UPDATE_GOLDEN=1 rewrites the file instead (then review the diff).</summary>
public static class Golden
{
    public static void Verify(string name, string actual, [CallerFilePath] string caller = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(caller)!, "golden", name);
        if (Environment.GetEnvironmentVariable("SLIPWAY_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"golden file {path} is missing (run with SLIPWAY_UPDATE_GOLDEN=1 to create it)");
        Assert.Equal(File.ReadAllText(path), actual);
    }
}
