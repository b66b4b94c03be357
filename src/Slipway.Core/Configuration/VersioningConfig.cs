using Slipway.Core.Versioning;

namespace Slipway.Core.Configuration;

/// <summary>The `versioning:` section: where versions start and how the next one is chosen.</summary>
public sealed record VersioningConfig
{
    /// <summary>The version the first bump applies to when no version tag exists yet.</summary>
    public SemanticVersion Initial { get; init; } = SemanticVersion.Zero;

    /// <summary>manual (the bump is given on the command line, patch by default) or conventional (from the commits).</summary>
    public BumpStrategy Bump { get; init; } = BumpStrategy.Manual;

    /// <summary>False when slipway.yml does not say versioning.bump (manual by default).</summary>
    public bool BumpConfigured { get; init; }

    /// <summary>With conventional bumps: which tool's rules to reproduce.</summary>
    public string Preset { get; init; } = "conventionalcommits";

    /// <summary>versioning.rules: bumps per commit type (or "breaking", "revert") that replace the preset's entries.</summary>
    public IReadOnlyDictionary<string, BumpKind> Rules { get; init; } = new Dictionary<string, BumpKind>();

    /// <summary>versioning.breaking_bumps_minor_before_1_0 and feat_bumps_patch_before_1_0: conventional bumps while the major is 0.</summary>
    public PreMajorRules PreMajor { get; init; } = PreMajorRules.None;
}
