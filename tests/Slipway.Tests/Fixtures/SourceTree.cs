namespace Slipway.Tests.Fixtures;

/// <summary>Files of Slipway's own source tree (README.md, scripts/), found upwards from wherever the tests run.</summary>
public static class SourceTree
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Slipway.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("the repository (Slipway.slnx) was not found above " + AppContext.BaseDirectory);
    }
}
