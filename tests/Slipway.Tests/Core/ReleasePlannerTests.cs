using Slipway.Core.Commits;
using Slipway.Core.Releases;
using Slipway.Core.Versioning;

namespace Slipway.Tests.Core;

/// <summary>The pure release plan: next version, tag, range, and recognising a release to resume.</summary>
public sealed class ReleasePlannerTests
{
    private static readonly TagNaming Naming = new("v");

    private static VersionTag Tag(string version, string commit) => new("v" + version, SemanticVersion.Parse(version), commit);

    private static Commit Commit(string sha, string message) => new(sha, [], "A", "a@example.com", DateTimeOffset.UnixEpoch, message);

    private static ReleasePlan Plan(ReleaseLine before, IReadOnlyList<VersionTag> headTags, IReadOnlyList<Commit> commits, BumpKind kind, string? pre = null, IReadOnlyCollection<VersionTag>? all = null) =>
        ReleasePlanner.Plan(before, headTags, commits, BumpDecision.Requested(kind), pre, SemanticVersion.Zero, Naming, all ?? [.. headTags, .. new[] { before.Latest, before.LatestStable }.OfType<VersionTag>()]);

    [Fact]
    public void A_minor_bump_after_1_2_5_gives_1_3_0_and_the_seed_changelog()
    {
        var v125 = Tag("1.2.5", "base");
        var plan = Plan(new ReleaseLine(v125, v125), [], [Commit("bbbbbbbbbb", "feat: b"), Commit("aaaaaaaaaa", "fix: a\n\nbody")], BumpKind.Minor);
        Assert.Equal("1.3.0", plan.Next.ToString());
        Assert.Equal("v1.3.0", plan.NextTag);
        Assert.Equal("- feat: b (bbbbbbb)\n- fix: a (aaaaaaa)\n", plan.Changelog);
        Assert.Null(plan.NothingToRelease);
        Assert.False(plan.TagExistsAtHead);
        Assert.Equal("Release v1.3.0\n\n- feat: b (bbbbbbb)\n- fix: a (aaaaaaa)\n", ReleasePlanner.TagMessage(plan));
    }

    [Fact]
    public void A_tag_on_head_that_the_same_request_would_create_is_a_release_to_resume()
    {
        var v125 = Tag("1.2.5", "base");
        var plan = Plan(new ReleaseLine(v125, v125), [Tag("1.3.0", "head")], [Commit("h", "feat: x")], BumpKind.Minor);
        Assert.True(plan.TagExistsAtHead);
        Assert.Equal("v1.3.0", plan.NextTag);
        Assert.Null(plan.NothingToRelease);
    }

    [Fact]
    public void A_release_on_head_is_the_plan_whatever_bump_is_asked_for()
    {
        var v125 = Tag("1.2.5", "base");
        foreach (var kind in new[] { BumpKind.Patch, BumpKind.Minor, BumpKind.Major, BumpKind.None })
        {
            var plan = Plan(new ReleaseLine(v125, v125), [Tag("1.3.0", "head")], [Commit("h", "feat: x")], kind);
            Assert.True(plan.TagExistsAtHead);
            Assert.Equal(ReleaseStatus.AlreadyTagged, plan.Status);
            Assert.Equal("1.3.0", plan.Next.ToString());
            Assert.Equal(v125, plan.Base);
            Assert.Equal(BumpKind.Minor, plan.Bump.Kind);
            Assert.StartsWith("HEAD is already released as v1.3.0", plan.Refusal!.Value.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_prerelease_request_on_a_released_head_is_that_release_and_its_base_is_the_last_tag_of_any_kind()
    {
        var v125 = Tag("1.2.5", "base");
        var rc1 = Tag("1.3.0-rc.1", "rc1");
        var plan = Plan(new ReleaseLine(rc1, v125), [Tag("1.3.0-rc.2", "head")], [Commit("h", "fix: x")], BumpKind.Minor, "rc");
        Assert.Equal(ReleaseStatus.AlreadyTagged, plan.Status);
        Assert.Equal("1.3.0-rc.2", plan.Next.ToString());
        Assert.Equal(rc1, plan.Base);
        Assert.Equal(v125, ReleasePlanner.RangeBase(new ReleaseLine(rc1, v125), [Tag("1.3.0-rc.2", "head")], null));
    }

    [Fact]
    public void A_version_below_the_current_release_candidate_is_not_higher()
    {
        var v125 = Tag("1.2.5", "base");
        var rc = Tag("1.3.0-rc.2", "rc");
        var plan = Plan(new ReleaseLine(rc, v125), [], [Commit("h", "fix: x")], BumpKind.Patch, all: [v125, rc]);
        Assert.Equal(ReleaseStatus.NotHigher, plan.Status);
        Assert.Equal(rc, plan.Conflict);
        Assert.Equal(("1.2.6 is not higher than the current version 1.3.0-rc.2 (tag v1.3.0-rc.2); a release never goes back",
            "choose a bigger bump (e.g. --bump minor), or release the lower line from its own branch"), plan.Refusal);
        Assert.Equal(ReleaseStatus.Ready, Plan(new ReleaseLine(rc, v125), [], [Commit("h", "fix: x")], BumpKind.Minor, all: [v125, rc]).Status);
    }

    [Fact]
    public void A_version_that_exists_anywhere_is_refused_even_under_another_name()
    {
        var v1 = Tag("1.0.0", "base");
        var elsewhere = new VersionTag("1.1.0", SemanticVersion.Parse("1.1.0"), "side");
        var plan = Plan(new ReleaseLine(v1, v1), [], [Commit("h", "feat: x")], BumpKind.Minor, all: [v1, elsewhere]);
        Assert.Equal(ReleaseStatus.VersionExists, plan.Status);
        Assert.Equal(elsewhere, plan.Conflict);
        Assert.Null(plan.NothingToRelease);
    }

    [Fact]
    public void A_prerelease_on_head_does_not_stop_the_release_it_was_a_candidate_for()
    {
        var v125 = Tag("1.2.5", "base");
        var plan = Plan(new ReleaseLine(v125, v125), [Tag("1.3.0-rc.1", "head")], [Commit("h", "feat: x")], BumpKind.Minor);
        Assert.Equal("1.3.0", plan.Next.ToString());
        Assert.Null(plan.NothingToRelease);
        Assert.Single(plan.Commits);
    }

    [Fact]
    public void Prereleases_are_numbered_after_the_highest_existing_one_anywhere()
    {
        var v125 = Tag("1.2.5", "base");
        var rc1 = Tag("1.3.0-rc.1", "c1");
        var rc4 = Tag("1.3.0-rc.4", "unmerged");
        var plan = Plan(new ReleaseLine(rc1, v125), [], [Commit("h", "fix: x")], BumpKind.Minor, "rc", [v125, rc1, rc4]);
        Assert.Equal("1.3.0-rc.5", plan.Next.ToString());
        Assert.Equal(rc1, plan.Base);
    }

    [Fact]
    public void No_commits_means_nothing_to_release()
    {
        var v1 = Tag("1.0.0", "base");
        var plan = Plan(new ReleaseLine(v1, v1), [], [], BumpKind.Patch);
        Assert.Equal("there are no commits since v1.0.0", plan.NothingToRelease);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_rerun_on_the_releases_own_commit_releases_the_commits_before_it_as_the_first_run_did(bool tagged)
    {
        var v125 = Tag("1.2.5", "base");
        var first = Plan(new ReleaseLine(v125, v125), [], [Commit("bbbbbbbbbb", "feat: b"), Commit("aaaaaaaaaa", "fix: a")], BumpKind.Minor);

        // A run killed after its release commit (tagged or not yet): HEAD is that commit.
        var rerun = Plan(new ReleaseLine(v125, v125), tagged ? [Tag("1.3.0", "cccccccccc")] : [],
            [Commit("cccccccccc", "chore(release): v1.3.0\n"), Commit("bbbbbbbbbb", "feat: b"), Commit("aaaaaaaaaa", "fix: a")], BumpKind.Minor);

        Assert.Equal(tagged, rerun.TagExistsAtHead);
        Assert.Equal(ReleasePlanner.TagMessage(first), ReleasePlanner.TagMessage(rerun));
        Assert.Equal(["bbbbbbbbbb", "aaaaaaaaaa"], rerun.Commits.Select(c => c.Sha));
    }

    [Fact]
    public void A_release_commit_of_another_version_stays_in_the_range()
    {
        var v125 = Tag("1.2.5", "base");
        var plan = Plan(new ReleaseLine(v125, v125), [], [Commit("cccccccccc", "chore(release): v1.2.9\n"), Commit("bbbbbbbbbb", "feat: b")], BumpKind.Minor);
        Assert.Equal(2, plan.Commits.Count);
    }
}
