namespace Slipway.Tests.Fixtures;

/// <summary>Finds ../shared (conformance vectors, contracts, seed) beside the repository, from wherever the tests run.</summary>
public static class SharedFiles
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);

    public static string Conformance(string file) => Path("conformance", file);

    private static string Find()
    {
        var env = Environment.GetEnvironmentVariable("SLIPWAY_SHARED");
        if (!string.IsNullOrEmpty(env))
        {
            return env;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(System.IO.Path.Combine(candidate, "conformance")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("../shared with conformance/ was not found beside the repository; set SLIPWAY_SHARED");
    }
}
