using System.Collections.Frozen;
using Slipway.Core.Commits;

namespace Slipway.Core.Versioning;

/// <summary>A rule table: the bump a breaking change, a revert and each commit type give (the highest one wins).</summary>
public sealed record BumpRules
{
    /// <summary>The rule keys that are not commit types.</summary>
    public const string BreakingKey = "breaking";

    public const string RevertKey = "revert";

    public BumpKind Breaking { get; init; } = BumpKind.Major;

    /// <summary>For commits the tool recognises as reverts by their message ("Revert \"...\"" / "revert: ... This reverts commit").</summary>
    public BumpKind Revert { get; init; }

    /// <summary>Commit type to bump, compared exactly (case-sensitively), as the tools compare them.</summary>
    public FrozenDictionary<string, BumpKind> Types { get; init; } = FrozenDictionary<string, BumpKind>.Empty;

    /// <summary>
    /// release-please shows a type in any letter case in its changelog (so it releases) but only the exact "feat" and
    /// "feature" count as features: with this set, another casing of a listed type counts as a patch.
    /// </summary>
    public bool OtherCasingCountsAsPatch { get; init; }

    /// <summary>These rules with <paramref name="overrides"/> (keys: a commit type, "breaking" or "revert") replacing their entries.</summary>
    public BumpRules With(IReadOnlyDictionary<string, BumpKind> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        if (overrides.Count == 0)
        {
            return this;
        }

        var types = new Dictionary<string, BumpKind>(Types, StringComparer.Ordinal);
        var rules = this;
        foreach (var (key, kind) in overrides)
        {
            if (key == BreakingKey)
            {
                rules = rules with { Breaking = kind };
                continue;
            }

            if (key == RevertKey)
            {
                rules = rules with { Revert = kind };
            }

            types[key] = kind;
        }

        return rules with { Types = types.ToFrozenDictionary(StringComparer.Ordinal) };
    }

    /// <summary>The bump one reading of a commit asks for (the highest of the rules it matches) and that rule's key.</summary>
    public (BumpKind Kind, string? Rule) Match(CommitReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.IsCancelled)
        {
            return (BumpKind.None, null);
        }

        var kind = TypeKind(reading.Type);
        var rule = kind > BumpKind.None ? reading.Type : null;
        if (reading.IsBreaking && Breaking > kind)
        {
            (kind, rule) = (Breaking, BreakingKey);
        }

        if (reading.IsRevert && Revert > kind)
        {
            (kind, rule) = (Revert, RevertKey);
        }

        if (reading.IsListedAsBreaking && kind < BumpKind.Patch)
        {
            (kind, rule) = (BumpKind.Patch, reading.Type ?? BreakingKey);
        }

        return (kind, rule);
    }

    private BumpKind TypeKind(string? type)
    {
        if (type is null)
        {
            return BumpKind.None;
        }

        if (Types.TryGetValue(type, out var kind))
        {
            return kind;
        }

        if (OtherCasingCountsAsPatch)
        {
            foreach (var (listed, listedKind) in Types)
            {
                if (listedKind > BumpKind.None && string.Equals(listed, type, StringComparison.OrdinalIgnoreCase))
                {
                    return BumpKind.Patch;
                }
            }
        }

        return BumpKind.None;
    }
}
