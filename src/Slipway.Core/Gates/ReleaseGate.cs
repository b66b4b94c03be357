using Slipway.Core.Deployments;

namespace Slipway.Core.Gates;

/// <summary>One entry of `release.gates`: a check `release` runs after preflight and before it writes anything.</summary>
public sealed record ReleaseGate(string Name, ReleaseGateKind Kind)
{
    public const string CiGreen = "ci_green";
    public const string BreakingDocumented = "breaking_documented";
    public const string Reviewed = "reviewed";

    /// <summary>The built-in gates by name, as `release.gates` spells them.</summary>
    public static IReadOnlyDictionary<string, ReleaseGateKind> BuiltIn { get; } = new Dictionary<string, ReleaseGateKind>(StringComparer.Ordinal)
    {
        [CiGreen] = ReleaseGateKind.CiGreen,
        [BreakingDocumented] = ReleaseGateKind.BreakingDocumented,
        [Reviewed] = ReleaseGateKind.Reviewed,
    };

    /// <summary>Where `breaking_documented` looks for a migration guide when `paths:` is not given: a file, or a folder ending in '/'.</summary>
    public static IReadOnlyList<string> DefaultMigrationPaths { get; } = ["MIGRATION.md", "docs/migration/"];

    /// <summary>The user's command (<see cref="ReleaseGateKind.Command"/> only), run like an environment's gate.</summary>
    public Gate? Command { get; init; }

    /// <summary>`breaking_documented`'s migration guide paths (a file, or a folder ending in '/').</summary>
    public IReadOnlyList<string> MigrationPaths { get; init; } = DefaultMigrationPaths;

    /// <summary>Whether the gate asks GitHub (and so needs a token and a repository).</summary>
    public bool NeedsGitHub => Kind is ReleaseGateKind.CiGreen or ReleaseGateKind.Reviewed;
}
