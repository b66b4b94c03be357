using Slipway.Core.Deployments;

namespace Slipway.Core.Configuration;

/// <summary>The whole of slipway.yml; every key has a default, so a repository without the file works.</summary>
public sealed record SlipwayConfig
{
    public static readonly SlipwayConfig Default = new();

    /// <summary>Releases are cut from the branches these entries match (`branch:`, a name or a list of names, globs and mappings), in order.</summary>
    public IReadOnlyList<BranchRule> Branches { get; init; } = [new BranchRule("main")];

    /// <summary>The main release branch: the first plain entry of <see cref="Branches"/> that is no maintenance line or prerelease branch.</summary>
    public string Branch => Releases.ReleaseBranch.Main(Branches);

    /// <summary>The git remote that receives tags and the release branch.</summary>
    public string Remote { get; init; } = "origin";

    public TagConfig Tag { get; init; } = new();

    public VersioningConfig Versioning { get; init; } = new();

    public ImageConfig Image { get; init; } = new();

    public ReleaseConfig Release { get; init; } = new();

    /// <summary>Where versions are deployed (`environments:`), in the order written.</summary>
    public IReadOnlyList<DeploymentEnvironment> Environments { get; init; } = [];

    public ChangelogConfig Changelog { get; init; } = new();

    /// <summary>Files whose version `release` updates in the release commit (`bump_files:`).</summary>
    public IReadOnlyList<BumpFiles.BumpFile> BumpFiles { get; init; } = [];

    /// <summary>Who is told about releases and deployments (`notify:`), in the order written.</summary>
    public IReadOnlyList<Notifications.NotifierSettings> Notify { get; init; } = [];

    /// <summary>A monorepo's packages (`packages:`), each released on its own; empty for a repository that is one package.</summary>
    public IReadOnlyList<PackageConfig> Packages { get; init; } = [];

    /// <summary>Packages released together with one version (`groups:`).</summary>
    public IReadOnlyList<PackageGroup> Groups { get; init; } = [];

    /// <summary>`release_pr:`: how a monorepo's release pull requests are cut (one for all packages, or one per package).</summary>
    public ReleasePullRequestConfig ReleasePr { get; init; } = new();

    /// <summary>Where the configuration came from (a path, or null for the defaults).</summary>
    public string? Source { get; init; }
}
