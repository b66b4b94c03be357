using Slipway.Core.BumpFiles;

namespace Slipway.Core.Configuration;

/// <summary>One package of a monorepo (`packages:`): the commits touching its paths are its commits, its tags its versions.</summary>
public sealed record PackageConfig
{
    /// <summary>The default tag naming: `conventional-changelog-v8.1.3`.</summary>
    public const string DefaultTag = "{name}-v{version}";

    public required string Name { get; init; }

    /// <summary>The package's folder, relative to the repository root, '/'-separated, no trailing slash.</summary>
    public required string Path { get; init; }

    /// <summary>Shared folders or files whose commits count for this package too (e.g. proto/).</summary>
    public IReadOnlyList<string> AlsoPaths { get; init; } = [];

    /// <summary>Tag templates, `{name}` and `{version}` (last); new tags get the first, tags of any of them are versions.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [DefaultTag];

    /// <summary>The package's changelog file (relative to the repository root), or null for none.</summary>
    public string? Changelog { get; init; }

    /// <summary>Files whose version the package's release updates.</summary>
    public IReadOnlyList<BumpFile> BumpFiles { get; init; } = [];
}

/// <summary>Packages released together with one version (`groups:`, Lerna's fixed mode).</summary>
public sealed record PackageGroup(string Name, IReadOnlyList<string> Members);
