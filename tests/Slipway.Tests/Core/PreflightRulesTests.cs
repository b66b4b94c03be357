using Slipway.Core.Commits;
using Slipway.Core.Releases;
using Slipway.Core.Versioning;

namespace Slipway.Tests.Core;

/// <summary>The preflight verdicts from facts alone: what `release` refuses and how it says to fix it.</summary>
public sealed class PreflightRulesTests
{
    private static readonly TagNaming Naming = new("v");

    private static ReleasePlan Plan(BumpKind kind, IReadOnlyList<VersionTag>? headTags = null, IReadOnlyList<Commit>? commits = null, IReadOnlyCollection<VersionTag>? all = null)
    {
        var v120 = new VersionTag("v1.2.0", SemanticVersion.Parse("1.2.0"), "base");
        return ReleasePlanner.Plan(new ReleaseLine(v120, v120), headTags ?? [], commits ?? [new Commit("c", [], "A", "a@x", DateTimeOffset.UnixEpoch, "fix: x")],
            BumpDecision.Requested(kind), null, SemanticVersion.Zero, Naming, all ?? [v120]);
    }

    [Theory]
    [InlineData(null, false, "HEAD is detached")]
    [InlineData("feature", false, "on branch feature, not the release branch main")]
    [InlineData("main", true, "on the release branch main")]
    public void The_branch_check_wants_the_release_branch(string? branch, bool ok, string message)
    {
        var check = PreflightRules.Branch(branch, "main");
        Assert.Equal(ok, check.Ok);
        Assert.Contains(message, check.Message, StringComparison.Ordinal);
        Assert.Equal(ok, check.Fix is null);
    }

    [Fact]
    public void A_dirty_tree_names_a_change_and_the_fix()
    {
        var check = PreflightRules.Clean(["src/a.cs", "b.txt"]);
        Assert.False(check.Ok);
        Assert.Equal("2 uncommitted change(s), e.g. src/a.cs", check.Message);
        Assert.True(PreflightRules.Clean([]).Ok);
    }

    [Fact]
    public void The_remote_check_refuses_a_missing_remote_only_when_the_release_pushes()
    {
        Assert.False(PreflightRules.Remote(new RemoteFacts("origin", "main", Exists: false, Push: true)).Ok);
        Assert.True(PreflightRules.Remote(new RemoteFacts("origin", "main", Exists: false, Push: false)).Ok);
    }

    [Fact]
    public void Being_behind_the_remote_fails_with_the_pull_to_run_and_being_ahead_passes()
    {
        var behind = PreflightRules.Remote(new RemoteFacts("origin", "main", true, true, UpstreamExists: true, Ahead: 1, Behind: 2, Fetched: true));
        Assert.False(behind.Ok);
        Assert.Equal("2 commit(s) behind origin/main (fetched just now)", behind.Message);
        Assert.Equal("git pull --rebase origin main", behind.Fix);
        var ahead = PreflightRules.Remote(new RemoteFacts("origin", "main", true, true, UpstreamExists: true, Ahead: 3));
        Assert.True(ahead.Ok);
        Assert.Equal("3 commit(s) ahead of origin/main, which the release pushes (as of the last fetch)", ahead.Message);
        Assert.False(PreflightRules.Remote(new RemoteFacts("origin", "main", true, true, FetchProblem: "unreachable")).Ok);
        Assert.True(PreflightRules.Remote(new RemoteFacts("origin", "main", true, true, UpstreamExists: false)).Ok);
    }

    [Fact]
    public void A_tag_elsewhere_fails_and_a_tag_on_head_is_a_release_to_resume()
    {
        var plan = Plan(BumpKind.Minor);
        Assert.True(PreflightRules.Tag(plan, null).Ok);
        var taken = PreflightRules.Tag(plan, "abcdef0123");
        Assert.False(taken.Ok);
        Assert.Equal("tag v1.3.0 already exists on abcdef0, not on HEAD", taken.Message);
        var resumed = PreflightRules.Tag(Plan(BumpKind.Minor, [new VersionTag("v1.3.0", SemanticVersion.Parse("1.3.0"), "head")]), null);
        Assert.True(resumed.Ok);
        Assert.Contains("resumes", resumed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_version_under_another_prefix_fails_the_tag_check()
    {
        var other = new VersionTag("1.3.0", SemanticVersion.Parse("1.3.0"), "side");
        var plan = Plan(BumpKind.Minor, all: [other]);
        Assert.False(PreflightRules.Tag(plan, null).Ok);
    }

    [Fact]
    public void Nothing_to_release_fails_the_changes_check()
    {
        var plan = Plan(BumpKind.Patch, commits: []);
        var check = PreflightRules.Changes(plan);
        Assert.False(check.Ok);
        Assert.Equal("nothing to release: there are no commits since v1.2.0", check.Message);
        Assert.True(PreflightRules.Changes(Plan(BumpKind.Patch)).Ok);
    }

    [Fact]
    public void Other_prefix_tags_are_refused_only_with_the_default_prefix_and_no_tag_of_its_own()
    {
        var others = OtherPrefixTags.Find(["1.0.0", "1.1.0", "build-7"], Naming);
        Assert.False(PreflightRules.Prefix(others, Naming, ownTags: 0, prefixConfigured: false, current: null).Ok);
        Assert.True(PreflightRules.Prefix(others, Naming, ownTags: 0, prefixConfigured: true, current: null).Ok);
        var named = PreflightRules.Prefix(others, Naming, ownTags: 3, prefixConfigured: false, current: SemanticVersion.Parse("1.0.5"));
        Assert.True(named.Ok);
        Assert.Equal("3 version tag(s) with the prefix 'v'; 2 tags without a prefix (highest 1.1.0) not read, higher than the current version: tag: { prefix: [v, ''] } in slipway.yml reads them", named.Message);
        Assert.Equal("0 version tag(s) with the prefix 'v'", PreflightRules.Prefix([], Naming, 0, false, null).Message);
    }

    [Fact]
    public void The_remote_tag_on_another_commit_is_someone_elses_release()
    {
        var head = new string('a', 40);
        var other = "4f2c1ab" + new string('0', 33);

        Assert.True(PreflightRules.RemoteTag("v1.3.0", "origin", null, head).Ok);
        Assert.True(PreflightRules.RemoteTag("v1.3.0", "origin", head, head).Ok);
        var taken = PreflightRules.RemoteTag("v1.3.0", "origin", other, head);
        Assert.False(taken.Ok);
        Assert.Equal("tag v1.3.0 already exists on origin on another commit (4f2c1ab)", taken.Message);
        Assert.Equal("someone released this version already: fetch, then release the next version", taken.Fix);
    }
}
