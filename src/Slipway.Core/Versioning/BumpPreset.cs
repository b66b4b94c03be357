using System.Collections.Frozen;
using Slipway.Core.Commits.Dialects;

namespace Slipway.Core.Versioning;

/// <summary>A release tool reproduced: how it reads commits (its parser and filters) and the rule table it applies.</summary>
/// <param name="Name">The name used in slipway.yml (versioning.preset).</param>
/// <param name="Reader">The tool's commit reading, quirks included.</param>
/// <param name="Rules">The tool's default rule table (versioning.rules overrides entries of it).</param>
/// <param name="ReadsReleaseAs">The tool forces the version named by a Release-As footer.</param>
public sealed record BumpPreset(string Name, ICommitReader Reader, BumpRules Rules, bool ReadsReleaseAs = false)
{
    /// <summary>True when versioning.rules replaced entries of the tool's table (the reason says so).</summary>
    public bool RulesConfigured { get; init; }

    /// <summary>How bumps shrink while the major is 0 (versioning's *_before_1_0 settings): a Slipway setting, so every preset applies it.</summary>
    public PreMajorRules PreMajor { get; init; } = PreMajorRules.None;

    public const string DefaultName = ConventionalCommitsName;

    private const string ConventionalCommitsName = "conventionalcommits";

    // @semantic-release/commit-analyzer's default releaseRules, whatever the preset: breaking -> major, a revert ->
    // patch, feat -> minor, fix/perf -> patch, and the JSHint convention's FEAT/FIX (its other rules match fields
    // that conventional commits never have).
    private static readonly BumpRules CommitAnalyzerRules = new()
    {
        Breaking = BumpKind.Major,
        Revert = BumpKind.Patch,
        Types = new Dictionary<string, BumpKind>(StringComparer.Ordinal)
        {
            ["feat"] = BumpKind.Minor,
            ["fix"] = BumpKind.Patch,
            ["perf"] = BumpKind.Patch,
            ["FEAT"] = BumpKind.Minor,
            ["FIX"] = BumpKind.Patch,
        }.ToFrozenDictionary(StringComparer.Ordinal),
    };

    // release-please's DefaultVersioningStrategy over its default changelog sections: a release needs a visible commit
    // (feat, feature, fix, perf, revert, or anything breaking); docs, chore, style, test, build, ci, refactor are hidden.
    private static readonly BumpRules ReleasePleaseRules = new()
    {
        Breaking = BumpKind.Major,
        Types = new Dictionary<string, BumpKind>(StringComparer.Ordinal)
        {
            ["feat"] = BumpKind.Minor,
            ["feature"] = BumpKind.Minor,
            ["fix"] = BumpKind.Patch,
            ["perf"] = BumpKind.Patch,
            ["revert"] = BumpKind.Patch,
        }.ToFrozenDictionary(StringComparer.Ordinal),
        OtherCasingCountsAsPatch = true,
    };

    /// <summary>semantic-release's commit-analyzer with preset conventionalcommits (conventional-changelog-conventionalcommits 9).</summary>
    public static readonly BumpPreset ConventionalCommits = new(ConventionalCommitsName,
        new CommitAnalyzerReader(CommitAnalyzerOptions.ConventionalCommits), CommitAnalyzerRules);

    /// <summary>semantic-release's commit-analyzer with no preset (conventional-changelog-angular 8): '!' is not honoured.</summary>
    public static readonly BumpPreset Angular = new("angular", new CommitAnalyzerReader(CommitAnalyzerOptions.Angular), CommitAnalyzerRules);

    /// <summary>release-please's default (simple) strategy and its parser, nested commits and Release-As included.</summary>
    public static readonly BumpPreset ReleasePlease = new("release-please", new ReleasePleaseReader(), ReleasePleaseRules, ReadsReleaseAs: true);

    public static IReadOnlyList<BumpPreset> All { get; } = [ConventionalCommits, Angular, ReleasePlease];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(p => p.Name)];

    /// <summary>The preset of that name with the configured rules over its own and the pre-1.0 rules, or null for an unknown name.</summary>
    public static BumpPreset? Named(string name, IReadOnlyDictionary<string, BumpKind>? overrides = null, PreMajorRules? preMajor = null)
    {
        var preset = All.FirstOrDefault(p => p.Name == name);
        if (preset is null)
        {
            return null;
        }

        if (overrides is not null && overrides.Count > 0)
        {
            preset = preset with { Rules = preset.Rules.With(overrides), RulesConfigured = true };
        }

        return preMajor is null ? preset : preset with { PreMajor = preMajor };
    }
}
