using Slipway.Core.Commits;
using Slipway.Core.Configuration;
using Slipway.Core.Releases;
using Slipway.Core.Versioning;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Core;

/// <summary>Release branches as `branch:` lists them, and the maintenance line's rules (semantic-release's): decided without a repository.</summary>
public sealed class MaintenanceLineTests
{
    private static readonly TagNaming Naming = new("v");

    private static VersionTag Tag(string version, string commit = "c") => new("v" + version, SemanticVersion.Parse(version), commit);

    private static Commit Commit(string message) => new("1234567890", [], "A", "a@example.com", DateTimeOffset.UnixEpoch, message);

    private static VersionRange Range(string text) => VersionRange.TryParse(text, out var range, out var error) ? range : throw new ArgumentException(error);

    private static readonly BranchRule[] MainAndReleases = [new("main"), new("release-*")];

    [Theory]
    [InlineData("1.x", ">=1.0.0 <2.0.0")]
    [InlineData("1.x.x", ">=1.0.0 <2.0.0")]
    [InlineData("1.4.x", ">=1.4.0 <1.5.0")]
    [InlineData("1.4", ">=1.4.0 <1.5.0")]
    [InlineData("release-1.4", ">=1.4.0 <1.5.0")]
    [InlineData("release-4.1", ">=4.1.0 <4.2.0")]
    [InlineData("release/v2.x", ">=2.0.0 <3.0.0")]
    [InlineData("0.x", ">=0.0.0 <1.0.0")]
    public void A_line_name_gives_its_range(string branch, string range) => Assert.Equal(range, VersionRange.OfBranch(branch)?.ToString());

    [Theory]
    [InlineData("main")]
    [InlineData("next")]
    [InlineData("release-next")]
    [InlineData("release-1.2.3")]
    [InlineData("v1")]
    [InlineData("feature/1.2.3.x")]
    public void A_name_that_is_no_line_gives_no_range(string branch) => Assert.Null(VersionRange.OfBranch(branch));

    [Theory]
    [InlineData("1.x", ">=1.0.0 <2.0.0")]
    [InlineData("2", ">=2.0.0 <3.0.0")]
    [InlineData("1.4.x", ">=1.4.0 <1.5.0")]
    [InlineData(">=1.2.0 <1.5.0", ">=1.2.0 <1.5.0")]
    public void An_explicit_range_is_a_line_or_two_bounds(string text, string range) => Assert.Equal(range, Range(text).ToString());

    [Theory]
    [InlineData("1.x.y")]
    [InlineData(">=2.0.0 <1.0.0")]
    [InlineData(">=1.0.0-rc.1 <2.0.0")]
    [InlineData("~1.2")]
    public void A_range_that_is_neither_is_refused_with_the_reason(string text)
    {
        Assert.False(VersionRange.TryParse(text, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void A_range_compares_the_release_core_so_the_next_lines_prereleases_are_outside()
    {
        var line = Range("4.1.x");
        Assert.True(line.Contains(SemanticVersion.Parse("4.1.1-rc.1")));
        Assert.False(line.Contains(SemanticVersion.Parse("4.2.0-rc.1")));
        Assert.False(line.Contains(SemanticVersion.Parse("4.0.9")));
        Assert.True(line.NotAbove(SemanticVersion.Parse("4.0.9")));
    }

    [Theory]
    [InlineData("release-*", "release-4.1", true)]
    [InlineData("release-*", "release-4.1/x", false)]
    [InlineData("release-*", "main", false)]
    [InlineData("+([0-9]).x", "12.x", true)]
    [InlineData("+([0-9]).x", ".x", false)]
    [InlineData("+([0-9]).+([0-9]).x", "1.4.x", true)]
    [InlineData("v?", "v1", true)]
    [InlineData("v?", "v12", false)]
    [InlineData("main", "main", true)]
    [InlineData("feature+x", "feature+x", true)]
    [InlineData("rel.*", "relx4", false)]
    public void Globs_match_as_semantic_release_reads_them(string pattern, string branch, bool matches) =>
        Assert.Equal(matches, BranchPattern.Matches(pattern, branch));

    [Theory]
    [InlineData("release-*", null)]
    [InlineData("+([0-9]).x", null)]
    [InlineData("@(a|b)", "only +([0-9])")]
    [InlineData("*([0-9]).x", "only +([0-9])")]
    [InlineData("a..*", "'..'")]
    [InlineData("-*", "'-'")]
    public void A_pattern_is_a_branch_name_once_its_globs_stand_for_characters(string pattern, string? problem)
    {
        var found = BranchPattern.Problem(pattern);
        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_first_matching_entry_decides_what_a_branch_releases()
    {
        BranchRule[] rules = [new("main"), new("release-*"), new("next"), new("beta"), new("preview", Prerelease: "rc", PrereleaseSet: true),
            new("legacy", Range: Range("1.x")), new("next-major", Prerelease: null, PrereleaseSet: true)];

        // A release branch beside others releases above what they released.
        Assert.Equal(new ReleaseBranch("main", "main", null, null) { AboveOtherLines = true }, ReleaseBranch.Match(rules, "main"));
        Assert.Equal(new ReleaseBranch("release-4.1", "release-*", Range("4.1.x"), null), ReleaseBranch.Match(rules, "release-4.1"));
        Assert.Equal(new ReleaseBranch("release-next", "release-*", null, null) { AboveOtherLines = true }, ReleaseBranch.Match(rules, "release-next"));
        Assert.Equal("next", ReleaseBranch.Match(rules, "next")?.PrereleaseId);
        Assert.Equal("beta", ReleaseBranch.Match(rules, "beta")?.PrereleaseId);
        Assert.Equal("rc", ReleaseBranch.Match(rules, "preview")?.PrereleaseId);
        Assert.Equal(Range("1.x"), ReleaseBranch.Match(rules, "legacy")?.Line);
        Assert.Null(ReleaseBranch.Match(rules, "next-major")?.PrereleaseId);
        Assert.Null(ReleaseBranch.Match(rules, "feature"));
        Assert.Null(ReleaseBranch.Match(rules, null));
    }

    [Fact]
    public void A_tag_only_a_maintenance_branch_contains_was_released_from_that_branch()
    {
        Assert.Equal("release-4.1", Slipway.Core.Images.TagBranch.Choose(["refs/remotes/origin/feature", "refs/remotes/origin/release-4.1"], MainAndReleases, null));
        Assert.Equal("main", Slipway.Core.Images.TagBranch.Choose(["refs/heads/release-4.1", "refs/heads/main"], MainAndReleases, null));
        Assert.Equal("feature", Slipway.Core.Images.TagBranch.Choose(["refs/heads/feature"], MainAndReleases, null));
        Assert.Equal("base", Slipway.Core.Images.TagBranch.Choose([], MainAndReleases, "base"));
    }

    [Fact]
    public void A_hostile_branch_name_is_matched_as_data()
    {
        foreach (var name in HostileInputs.RefNames)
        {
            Assert.Equal(name, ReleaseBranch.Match([new("release-*"), new(name)], name)?.Name);
            Assert.Null(ReleaseBranch.Match([new("release-*"), new("main")], name));
            _ = VersionRange.OfBranch(name);
        }
    }

    [Fact]
    public void The_main_release_branch_is_the_first_plain_entry_that_is_no_line()
    {
        Assert.Equal("main", ReleaseBranch.Main([new("release-*"), new("1.x"), new("beta"), new("main")]));
        Assert.Equal("trunk", ReleaseBranch.Main([new("trunk")]));
        Assert.Equal("release-4.1", ReleaseBranch.Main([new("release-4.1")]));
        Assert.Equal("main", ReleaseBranch.Main([new("release-*")]));
    }

    [Theory]
    [InlineData("feature", false, "on branch feature, not a release branch (branch: main, release-*)")]
    [InlineData("release-4.1", true, "on the release branch release-4.1, the maintenance line >=4.1.0 <4.2.0")]
    [InlineData("main", true, "on the release branch main")]
    [InlineData(null, false, "HEAD is detached, not on a branch")]
    public void The_branch_check_names_the_configured_patterns(string? branch, bool ok, string message)
    {
        var check = PreflightRules.Branch(branch, MainAndReleases);
        Assert.Equal(ok, check.Ok);
        Assert.Equal(message, check.Message);
        Assert.Equal(ok, check.Fix is null);
        Assert.Contains("git switch main", check.Fix ?? "git switch main", StringComparison.Ordinal);
    }

    [Fact]
    public void A_line_starts_from_its_own_release_and_its_first_version_is_its_lower_bound()
    {
        var line = Range("4.1.x");
        var patch = BumpDecision.Requested(BumpKind.Patch);
        Assert.Equal("4.1.1", MaintenanceLine.Target(line, SemanticVersion.Parse("4.1.0"), patch).ToString());
        Assert.Equal("4.1.0", MaintenanceLine.Target(line, SemanticVersion.Parse("4.0.3"), patch).ToString());
        Assert.Equal("4.1.0", MaintenanceLine.Target(line, null, BumpDecision.Requested(BumpKind.Major)).ToString());
        Assert.Equal("4.2.0", MaintenanceLine.Target(line, SemanticVersion.Parse("4.1.3"), BumpDecision.Requested(BumpKind.Minor)).ToString());
    }

    [Fact]
    public void A_release_of_the_line_made_on_another_branch_ends_the_range_below_it()
    {
        var all = new[] { Tag("1.2.0"), Tag("1.3.0"), Tag("1.3.1"), Tag("2.0.0"), Tag("1.4.0-rc.1") };
        Assert.Equal(">=1.0.0 <1.3.0", MaintenanceLine.Bounds(Range("1.x"), SemanticVersion.Parse("1.2.0"), all).ToString());
        Assert.Equal(">=1.0.0 <2.0.0", MaintenanceLine.Bounds(Range("1.x"), SemanticVersion.Parse("1.3.1"), all).ToString());
    }

    [Fact]
    public void A_patch_on_release_4_1_while_main_has_4_2_0_is_4_1_1_with_the_commits_since_4_1_0()
    {
        var v410 = Tag("4.1.0", "base");
        var plan = Plan(new ReleaseLine(v410, v410), BumpKind.Patch, [v410, Tag("4.2.0", "main")], "fix: backport");
        Assert.Equal(ReleaseStatus.Ready, plan.Status);
        Assert.Equal("4.1.1", plan.Next.ToString());
        Assert.Equal("v4.1.0", plan.Base?.Name);
        Assert.Equal(">=4.1.0 <4.2.0", plan.Bounds?.ToString());
    }

    [Fact]
    public void A_feat_on_release_4_1_is_out_of_range_naming_the_line_and_the_range()
    {
        var v410 = Tag("4.1.0", "base");
        var plan = Plan(new ReleaseLine(v410, v410), BumpKind.Minor, [v410, Tag("4.2.0", "main")], "feat: new");
        Assert.Equal(ReleaseStatus.OutOfRange, plan.Status);
        var (message, fix) = plan.Refusal!.Value;
        Assert.Equal("4.2.0 is outside the maintenance line release-4.1 (>=4.1.0 <4.2.0): minor requested on the command line", message);
        Assert.Contains("--bump patch", fix, StringComparison.Ordinal);
        Assert.False(PreflightRules.Version(plan).Ok);
        Assert.True(PreflightRules.Tag(plan, "abc").Ok);
    }

    [Fact]
    public void A_patch_a_higher_line_already_released_is_out_of_range_not_merely_existing()
    {
        var v410 = Tag("4.1.0", "base");
        var plan = Plan(new ReleaseLine(v410, v410), BumpKind.Patch, [v410, Tag("4.1.1", "elsewhere")], "fix: x");
        Assert.Equal(ReleaseStatus.OutOfRange, plan.Status);
        Assert.Contains("(>=4.1.0 <4.2.0; 4.1.1 and up are another branch's, so >=4.1.0 <4.1.1)", plan.Refusal!.Value.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_prerelease_on_a_line_stays_on_it()
    {
        var v410 = Tag("4.1.0", "base");
        var plan = Plan(new ReleaseLine(v410, v410), BumpKind.Patch, [v410, Tag("4.2.0", "main")], "fix: x", pre: "rc");
        Assert.Equal(ReleaseStatus.Ready, plan.Status);
        Assert.Equal("4.1.1-rc.1", plan.Next.ToString());
    }

    [Fact]
    public void Without_a_line_the_plan_is_as_before()
    {
        var v420 = Tag("4.2.0", "main");
        var plan = ReleasePlanner.Plan(new ReleaseLine(v420, v420), [], [Commit("feat: x")], BumpDecision.Requested(BumpKind.Minor), null,
            SemanticVersion.Zero, Naming, [Tag("4.1.0"), v420], new ReleaseBranch("main", "main", null, null));
        Assert.Equal(ReleaseStatus.Ready, plan.Status);
        Assert.Equal("4.3.0", plan.Next.ToString());
        Assert.Null(plan.Line);
        Assert.Null(plan.Bounds);
    }

    [Theory]
    [InlineData(BumpKind.Minor, "4.3.0")]
    [InlineData(BumpKind.Patch, "4.3.0")]
    [InlineData(BumpKind.Major, "5.0.0")]
    public void Main_beside_release_branches_goes_on_above_what_they_released(BumpKind kind, string next)
    {
        // helm: main reaches v4.1.0; 4.1.x and 4.2.x were tagged on release-4.1 and release-4.2 only (and 4.3.0-rc.1 on main's
        // next line is a prerelease, no release).
        var v410 = Tag("4.1.0", "base");
        VersionTag[] all = [v410, Tag("4.1.1", "r41"), Tag("4.2.0", "r42"), Tag("4.2.4", "r42"), Tag("4.3.0-rc.1", "rc")];
        var main = ReleaseBranch.Match(MainAndReleases, "main")!;
        Assert.True(main.AboveOtherLines);
        var plan = ReleasePlanner.Plan(new ReleaseLine(v410, v410), [], [Commit("feat: x")], BumpDecision.Requested(kind), null, SemanticVersion.Zero, Naming, all, main);
        Assert.Equal(ReleaseStatus.Ready, plan.Status);
        Assert.Equal(next, plan.Next.ToString());
        Assert.Equal(kind != BumpKind.Major, plan.Bump.Reason.EndsWith($"4.2.4 was released on another branch, so this one goes on above it at {next}", StringComparison.Ordinal));

        // Alone in `branch:` (or with a prerelease branch only), main keeps today's answer: 4.2.0 exists elsewhere, refused.
        var alone = ReleaseBranch.Match([new("main"), new BranchRule("next", Prerelease: "rc", PrereleaseSet: true)], "main")!;
        Assert.False(alone.AboveOtherLines);
        var refused = ReleasePlanner.Plan(new ReleaseLine(v410, v410), [], [Commit("feat: x")], BumpDecision.Requested(BumpKind.Minor), null, SemanticVersion.Zero, Naming, all, alone);
        Assert.Equal(ReleaseStatus.VersionExists, refused.Status);
        // A version asked for is taken as asked.
        var asked = ReleasePlanner.Plan(new ReleaseLine(v410, v410), [], [Commit("feat: x")], new BumpDecision(BumpKind.Minor, "Release-As") { Version = SemanticVersion.Parse("4.2.9") },
            null, SemanticVersion.Zero, Naming, all, main);
        Assert.Equal("4.2.9", asked.Next.ToString());
    }

    private static ReleasePlan Plan(ReleaseLine before, BumpKind kind, VersionTag[] all, string message, string? pre = null) =>
        ReleasePlanner.Plan(before, [], [Commit(message)], BumpDecision.Requested(kind), pre, SemanticVersion.Zero, Naming, all,
            new ReleaseBranch("release-4.1", "release-*", Range("4.1.x"), null));
}
