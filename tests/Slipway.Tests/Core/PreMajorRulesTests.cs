using Slipway.Core.Commits;
using Slipway.Core.Versioning;

namespace Slipway.Tests.Core;

/// <summary>versioning.breaking_bumps_minor_before_1_0 and feat_bumps_patch_before_1_0, as release-please's pre-major options.</summary>
public sealed class PreMajorRulesTests
{
    private static readonly PreMajorRules Both = new(BreakingBumpsMinor: true, FeatBumpsPatch: true);

    private static IReadOnlyList<Commit> Commits(params string[] messages) =>
        [.. messages.Select((m, i) => new Commit($"{i + 1:x}".PadRight(40, 'a'), ["b".PadLeft(40, 'b')], "A", "a@example.com", DateTimeOffset.UnixEpoch, m))];

    private static BumpDecision Decide(string current, PreMajorRules rules, string preset, params string[] messages) =>
        ConventionalBump.Decide(Commits(messages), BumpPreset.Named(preset, preMajor: rules)!, "v" + current, SemanticVersion.Parse(current));

    private static string Next(string current, PreMajorRules rules, params string[] messages) =>
        Decide(current, rules, "release-please", messages).Apply(SemanticVersion.Parse(current)).ToString();

    [Theory]
    [InlineData("feat!: drop v1", "0.5.0")]
    [InlineData("feat: add x", "0.4.3")]
    [InlineData("fix: y", "0.4.3")]
    [InlineData("feat: add x\n\nBREAKING CHANGE: gone", "0.5.0")]
    public void On_0_4_2_both_rules_keep_the_version_below_1_0_0(string message, string next)
    {
        Assert.Equal(next, Next("0.4.2", Both, "fix: y", message));
    }

    [Fact]
    public void Off_by_default_a_breaking_change_on_0_x_reaches_1_0_0_and_a_feat_is_a_minor()
    {
        Assert.Equal("1.0.0", Next("0.4.2", PreMajorRules.None, "feat!: drop v1"));
        Assert.Equal("0.5.0", Next("0.4.2", PreMajorRules.None, "feat: add x"));
    }

    [Fact]
    public void Each_rule_works_alone_and_they_are_not_chained()
    {
        var breakingOnly = new PreMajorRules(BreakingBumpsMinor: true);
        var featOnly = new PreMajorRules(FeatBumpsPatch: true);

        Assert.Equal("0.5.0", Next("0.4.2", breakingOnly, "feat!: drop v1"));
        Assert.Equal("0.5.0", Next("0.4.2", breakingOnly, "feat: add x"));
        // release-please's DefaultVersioningStrategy: a breaking change is a major unless bump-minor-pre-major is on.
        Assert.Equal("1.0.0", Next("0.4.2", featOnly, "feat!: drop v1"));
        Assert.Equal("0.4.3", Next("0.4.2", featOnly, "feat: add x"));
        // Both on: the breaking change becomes a minor and stays one.
        Assert.Equal("0.5.0", Next("0.4.2", Both, "feat!: drop v1", "feat: add x"));
    }

    [Theory]
    [InlineData("1.0.0", "2.0.0", "1.1.0")]
    [InlineData("2.4.2", "3.0.0", "2.5.0")]
    [InlineData("0.0.3", "0.1.0", "0.0.4")]
    public void The_rules_apply_only_while_the_major_is_0(string current, string afterBreaking, string afterFeat)
    {
        Assert.Equal(afterBreaking, Next(current, Both, "feat!: drop v1"));
        Assert.Equal(afterFeat, Next(current, Both, "feat: add x"));
    }

    [Theory]
    [InlineData("conventionalcommits", "feat!: drop v1")]
    [InlineData("angular", "fix: y\n\nBREAKING CHANGE: gone")]
    [InlineData("release-please", "feat!: drop v1")]
    public void Every_preset_applies_them(string preset, string breaking)
    {
        Assert.Equal(BumpKind.Minor, Decide("0.4.2", Both, preset, breaking).Kind);
        Assert.Equal(BumpKind.Patch, Decide("0.4.2", Both, preset, "feat: add x").Kind);
        Assert.Equal(BumpKind.Major, Decide("0.4.2", PreMajorRules.None, preset, breaking).Kind);
    }

    [Fact]
    public void The_reason_names_the_rule_that_changed_the_bump()
    {
        Assert.Equal("minor: breaking change in 1aaaaaa since v0.4.2, a minor before 1.0.0 (preset release-please, versioning.breaking_bumps_minor_before_1_0)",
            Decide("0.4.2", Both, "release-please", "feat!: drop v1").Reason);
        Assert.Equal("patch: 2 feat, 1 fix since v0.4.2, a patch before 1.0.0 (preset conventionalcommits, versioning.feat_bumps_patch_before_1_0)",
            Decide("0.4.2", Both, "conventionalcommits", "feat: a", "fix: b", "feat: c").Reason);
        // No rule changed a patch, nor anything from 1.0.0 up: the reason is the usual one.
        Assert.Equal("patch: 1 fix since v0.4.2 (preset release-please)", Decide("0.4.2", Both, "release-please", "fix: b").Reason);
        Assert.Equal("major: breaking change in 1aaaaaa since v1.4.2 (preset release-please)", Decide("1.4.2", Both, "release-please", "feat!: drop v1").Reason);
    }

    [Fact]
    public void The_feat_rule_shrinks_any_minor_the_rules_give_but_not_a_breaking_change_configured_as_minor()
    {
        var rules = new Dictionary<string, BumpKind> { ["perf"] = BumpKind.Minor, ["breaking"] = BumpKind.Minor };
        var preset = BumpPreset.Named("conventionalcommits", rules, new PreMajorRules(FeatBumpsPatch: true))!;
        var from = SemanticVersion.Parse("0.4.2");

        Assert.Equal(BumpKind.Patch, ConventionalBump.Decide(Commits("perf: faster"), preset, "v0.4.2", from).Kind);
        var breaking = ConventionalBump.Decide(Commits("fix!: y"), preset, "v0.4.2", from);
        Assert.Equal(BumpKind.Minor, breaking.Kind);
        Assert.Equal("minor: breaking change in 1aaaaaa since v0.4.2 (preset conventionalcommits with versioning.rules)", breaking.Reason);
    }

    [Fact]
    public void Release_As_and_a_requested_major_still_reach_1_0_0()
    {
        Assert.Equal("1.0.0", Next("0.4.2", Both, "feat!: drop v1\n\nRelease-As: 1.0.0"));
        Assert.Equal("1.0.0", BumpDecision.Requested(BumpKind.Major).Apply(SemanticVersion.Parse("0.4.2")).ToString());
    }

    [Fact]
    public void Without_a_tag_the_rules_apply_to_the_initial_version()
    {
        var decision = ConventionalBump.Decide(Commits("feat!: first"), BumpPreset.Named("conventionalcommits", preMajor: Both)!, null, SemanticVersion.Zero);

        Assert.Equal("0.1.0", decision.Apply(SemanticVersion.Zero).ToString());
        Assert.Equal("minor: breaking change in 1aaaaaa since the beginning, a minor before 1.0.0 (preset conventionalcommits, versioning.breaking_bumps_minor_before_1_0)",
            decision.Reason);
    }
}
