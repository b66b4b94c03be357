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

    /// <summary>The package's own bump rules (`versioning:` under the package: preset, rules, bump, initial), or null for the repository's.</summary>
    public VersioningConfig? Versioning { get; init; }

    /// <summary>The package's own image (`image:` under the package), or null for the repository's.</summary>
    public ImageConfig? Image { get; init; }

    /// <summary>The package's own environments (`environments:` under the package), or null for the repository's.</summary>
    public IReadOnlyList<Deployments.DeploymentEnvironment>? Environments { get; init; }

    /// <summary>
    /// slipway.yml as one package sees it (`--package NAME`): its tags are the versions, its changelog and version files the
    /// release's, its image and environments (or the repository's when it has none of its own) what ships and deploys.
    /// </summary>
    public static (PackageConfig Package, SlipwayConfig Config) View(SlipwayConfig config, string name)
    {
        ArgumentNullException.ThrowIfNull(config);
        var package = Find(config, name);
        return (package, config with
        {
            Tag = new TagConfig { Prefixes = Packages.PackageNaming.For(package).Prefixes, Configured = true },
            Changelog = config.Changelog with { File = package.Changelog },
            BumpFiles = package.BumpFiles,
            Versioning = package.Versioning ?? config.Versioning,
            Image = package.Image ?? config.Image,
            Environments = package.Environments ?? config.Environments,
        });
    }

    /// <summary>The package named by `--package NAME`, or a usage error naming the ones there are.</summary>
    public static PackageConfig Find(SlipwayConfig config, string name)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Packages.FirstOrDefault(p => p.Name == name) ?? throw new Errors.SlipwayException(Errors.SlipwayError.Usage(
            $"--package {name}: there is no such package",
            config.Packages.Count == 0 ? "slipway.yml has no packages: section; leave --package out" : $"use one of {string.Join(", ", config.Packages.Select(p => p.Name))}"));
    }
}

/// <summary>Packages released together with one version (`groups:`, Lerna's fixed mode).</summary>
public sealed record PackageGroup(string Name, IReadOnlyList<string> Members);
