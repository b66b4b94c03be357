namespace Slipway.Tests.Fixtures;

/// <summary>The real release tools (commit-analyzer, release-please) that scripts/install-test-deps.sh puts in .tools/bump-oracle.</summary>
public static class RealReleaseTools
{
    private static readonly Lazy<string?> Found = new(Find);

    /// <summary>The oracle script (tests/BumpOracle/oracle.mjs, beside its node_modules).</summary>
    public static string Require() => Found.Value
        ?? throw new InvalidOperationException("the release tools are not installed: run scripts/install-test-deps.sh (it puts them in .tools/bump-oracle)");

    private static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".tools", "bump-oracle", "oracle.mjs");
            if (File.Exists(candidate) && Directory.Exists(Path.Combine(dir.FullName, ".tools", "bump-oracle", "node_modules", "release-please")))
            {
                return candidate;
            }
        }

        return null;
    }
}
