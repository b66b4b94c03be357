namespace Slipway.Core.Versioning;

/// <summary>
/// How a bump shrinks while the major version is 0, the way release-please's bump-minor-pre-major and
/// bump-patch-for-minor-pre-major do: the two are not chained (with both, a breaking change is still a minor).
/// </summary>
/// <param name="BreakingBumpsMinor">A major bump (a breaking change) is a minor: 0.4.2 gives 0.5.0, not 1.0.0.</param>
/// <param name="FeatBumpsPatch">A minor bump no breaking change asked for (a feat) is a patch: 0.4.2 gives 0.4.3.</param>
public sealed record PreMajorRules(bool BreakingBumpsMinor = false, bool FeatBumpsPatch = false)
{
    /// <summary>The slipway.yml keys, named by the reason a rule gives.</summary>
    public const string BreakingBumpsMinorKey = "versioning.breaking_bumps_minor_before_1_0";

    public const string FeatBumpsPatchKey = "versioning.feat_bumps_patch_before_1_0";

    /// <summary>Neither rule: the tools' default.</summary>
    public static PreMajorRules None { get; } = new();

    /// <summary>The bump <paramref name="kind"/> gives from <paramref name="from"/>, and the key of the rule that changed it (null: none did).</summary>
    /// <param name="byBreaking">The bump is a breaking change's (the breaking rule's), so the feat rule leaves it alone.</param>
    public (BumpKind Kind, string? Rule) Apply(BumpKind kind, bool byBreaking, SemanticVersion from)
    {
        ArgumentNullException.ThrowIfNull(from);
        if (from.Major != 0)
        {
            return (kind, null);
        }

        if (kind == BumpKind.Major && BreakingBumpsMinor)
        {
            return (BumpKind.Minor, BreakingBumpsMinorKey);
        }

        return kind == BumpKind.Minor && !byBreaking && FeatBumpsPatch ? (BumpKind.Patch, FeatBumpsPatchKey) : (kind, null);
    }
}
