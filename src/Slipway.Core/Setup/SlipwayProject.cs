namespace Slipway.Core.Setup;

/// <summary>Where Slipway itself is published: the GitHub repository whose root holds action.yml and slipway.schema.json.</summary>
/// <remarks>The one place that names it: the generated workflows' `uses:` and slipway.yml's `$schema` line are built from it.</remarks>
public static class SlipwayProject
{
    /// <summary>owner/name of Slipway's repository on GitHub.</summary>
    public const string GitHubRepository = "slipway-dev/slipway";

    /// <summary>The schema's file name, at the root of Slipway's repository and embedded in the tool.</summary>
    public const string SchemaFileName = "slipway.schema.json";

    /// <summary>The schema of the given Slipway version (e.g. 0.1.0), at that version's tag.</summary>
    public static string SchemaUrl(string toolVersion) =>
        $"https://raw.githubusercontent.com/{GitHubRepository}/v{WithoutBuildMetadata(toolVersion)}/{SchemaFileName}";

    /// <summary>The Action, pinned to the major version of the tool (slipway-dev/slipway@v0).</summary>
    public static string ActionReference(string toolVersion)
    {
        var version = WithoutBuildMetadata(toolVersion);
        var major = version.Split('.')[0];
        return $"{GitHubRepository}@v{major}";
    }

    /// <summary>1.2.3+abc becomes 1.2.3: the assembly's informational version carries the commit.</summary>
    public static string WithoutBuildMetadata(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
