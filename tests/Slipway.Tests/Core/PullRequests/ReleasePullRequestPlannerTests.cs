using Slipway.Core.Commits;
using Slipway.Core.Releases;
using Slipway.Core.Releases.PullRequests;
using Slipway.Core.Versioning;

namespace Slipway.Tests.Core.PullRequests;

/// <summary>The release pull request's decisions, as data in and data out: what to open, update, close or leave; the body's marked
/// section and what a maintainer wrote around it; the release commit's trailer; the release branch changed by hand.</summary>
public sealed class ReleasePullRequestPlannerTests
{
    private static readonly TagNaming Naming = new("v");

    private static readonly ReleaseProposal V120 = new("v1.2.0", "### Features\n\n- add a thing (aaaaaaa)\n", "ba5e01");

    private static PullRequestSnapshot Pull(long number, string? body, bool open = true, bool merged = false, string title = "chore(release): v1.2.0", params string[] labels) =>
        new(number, title, body, labels, open, merged);

    [Fact]
    public void With_no_pull_request_a_proposal_opens_one_labelled_pending_with_the_marked_section()
    {
        var action = ReleasePullRequestPlanner.Decide(V120, []);

        Assert.Equal(ReleasePullRequestChange.Create, action.Change);
        Assert.Equal("chore(release): v1.2.0", action.Title);
        Assert.Equal(["slipway: pending"], action.AddLabels);
        Assert.True(action.KeepBranch);
        Assert.StartsWith("<!-- slipway:release-pr:begin base=ba5e01 -->\n", action.Body, StringComparison.Ordinal);
        Assert.Contains("## v1.2.0\n", action.Body, StringComparison.Ordinal);
        Assert.Contains("- add a thing (aaaaaaa)", action.Body, StringComparison.Ordinal);
        Assert.EndsWith(ReleasePullRequestBody.EndMarker + "\n", action.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void An_open_pull_request_that_already_shows_the_proposal_needs_no_request()
    {
        var body = ReleasePullRequestBody.Merge(null, ReleasePullRequestBody.Section(V120));

        var action = ReleasePullRequestPlanner.Decide(V120, [Pull(7, body, labels: "slipway: pending")]);

        Assert.Equal(ReleasePullRequestChange.Nothing, action.Change);
        Assert.Equal(7, action.Number);
        Assert.True(action.KeepBranch);
    }

    [Fact]
    public void A_new_version_rewrites_the_title_and_the_section_and_keeps_what_a_maintainer_wrote_around_it()
    {
        var body = "Please check the migration first.\n\n" + ReleasePullRequestBody.Section(V120) + "\n\nThanks!\n/slipway bump minor\n";
        var next = new ReleaseProposal("v1.3.0", "### Features\n\n- another (bbbbbbb)\n", "base2");

        var action = ReleasePullRequestPlanner.Decide(next, [Pull(7, body, labels: "slipway: pending")]);

        Assert.Equal(ReleasePullRequestChange.Update, action.Change);
        Assert.Equal("chore(release): v1.3.0", action.Title);
        Assert.Empty(action.AddLabels);
        Assert.StartsWith("Please check the migration first.\n\n<!-- slipway:release-pr:begin", action.Body, StringComparison.Ordinal);
        Assert.EndsWith(ReleasePullRequestBody.EndMarker + "\n\nThanks!\n/slipway bump minor\n", action.Body, StringComparison.Ordinal);
        Assert.Contains("- another (bbbbbbb)", action.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("add a thing", action.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pull_request_that_lost_its_pending_label_gets_it_back_and_nothing_else()
    {
        var body = ReleasePullRequestBody.Merge(null, ReleasePullRequestBody.Section(V120));

        var action = ReleasePullRequestPlanner.Decide(V120, [Pull(7, body)]);

        Assert.Equal(ReleasePullRequestChange.Update, action.Change);
        Assert.Null(action.Title);
        Assert.Null(action.Body);
        Assert.Equal(["slipway: pending"], action.AddLabels);
    }

    [Fact]
    public void Nothing_releasable_closes_the_open_pull_request_marked_as_withdrawn_and_drops_the_branch()
    {
        var body = ReleasePullRequestBody.Merge(null, ReleasePullRequestBody.Section(V120));

        var action = ReleasePullRequestPlanner.Decide(null, [Pull(7, body)]);

        Assert.Equal(ReleasePullRequestChange.Close, action.Change);
        Assert.Equal(7, action.Number);
        Assert.False(action.KeepBranch);
        Assert.Equal(true, ReleasePullRequestBody.Marker(action.Body)?.Withdrawn);
        Assert.Equal(ReleasePullRequestChange.Nothing, ReleasePullRequestPlanner.Decide(null, []).Change);
    }

    [Fact]
    public void A_pull_request_closed_by_a_person_stays_closed_until_new_commits_call_for_a_release()
    {
        var closed = Pull(7, ReleasePullRequestBody.Merge(null, ReleasePullRequestBody.Section(V120)), open: false);

        var same = ReleasePullRequestPlanner.Decide(V120 with { Base = "a-chore-commit-later" }, [closed], releasableSinceClosed: false);
        var changed = ReleasePullRequestPlanner.Decide(V120 with { Base = "a-fix-later" }, [closed], releasableSinceClosed: true);

        Assert.Equal(ReleasePullRequestChange.StayClosed, same.Change);
        Assert.False(same.KeepBranch);
        Assert.Equal(ReleasePullRequestChange.Create, changed.Change);
        Assert.Equal("ba5e01", ReleasePullRequestBody.Marker(closed.Body)?.Base);
    }

    [Fact]
    public void A_merged_or_withdrawn_pull_request_does_not_hold_back_the_next_proposal()
    {
        var merged = Pull(7, ReleasePullRequestBody.Merge(null, ReleasePullRequestBody.Section(V120)), open: false, merged: true);
        var withdrawn = Pull(8, ReleasePullRequestBody.Merge(null, ReleasePullRequestBody.Section(V120, withdrawn: true)), open: false);

        Assert.Equal(ReleasePullRequestChange.Create, ReleasePullRequestPlanner.Decide(V120, [merged], releasableSinceClosed: false).Change);
        Assert.Equal(ReleasePullRequestChange.Create, ReleasePullRequestPlanner.Decide(V120, [withdrawn, merged], releasableSinceClosed: false).Change);
        Assert.Null(ReleasePullRequestPlanner.ClosedByHand([withdrawn, merged]));
    }

    [Theory]
    [InlineData("/slipway bump minor", BumpKind.Minor)]
    [InlineData("text\n  /SLIPWAY bump major  \nmore", BumpKind.Major)]
    [InlineData("/slipway bump minor\r\n/slipway bump patch\r\n", BumpKind.Patch)]
    [InlineData("/slipway bump huge", null)]
    [InlineData("please /slipway bump minor", null)]
    [InlineData(null, null)]
    public void A_bump_command_is_read_from_its_own_line_outside_the_section(string? body, BumpKind? expected) =>
        Assert.Equal(expected, ReleasePullRequestBody.BumpOverride(body));

    [Theory]
    [InlineData("/slipway bump minor core", "core=Minor")]
    [InlineData("/slipway bump minor", "core=Minor cli=Minor")]
    [InlineData("/slipway bump major\n/slipway bump patch cli", "core=Major cli=Patch")]
    [InlineData("/slipway bump patch cli\n/slipway bump major", "core=Major cli=Major")]
    [InlineData("/slipway bump minor docs", "docs=Minor")]
    [InlineData("/slipway bump minor nosuch\n/slipway bump minor core extra", "")]
    [InlineData(null, "")]
    public void In_a_monorepo_a_bump_naming_a_package_is_that_package_s_and_one_without_is_every_proposed_package_s(string? body, string expected)
    {
        var bumps = ReleasePullRequestBody.PackageBumps(body, ["core", "cli"], ["core", "cli", "docs"]);

        Assert.Equal(expected, string.Join(' ', bumps.OrderBy(b => expected.IndexOf(b.Key, StringComparison.Ordinal)).Select(b => $"{b.Key}={b.Value}")));
    }

    [Fact]
    public void A_single_package_s_pull_request_ignores_a_bump_that_names_a_package()
    {
        Assert.Null(ReleasePullRequestBody.BumpOverride("/slipway bump minor core\n"));
        Assert.Equal(BumpKind.Patch, ReleasePullRequestBody.BumpOverride("/slipway bump patch\n/slipway bump minor core\n"));
    }

    [Fact]
    public void A_commit_message_quoted_in_the_section_can_neither_give_a_command_nor_end_the_section_nor_add_html()
    {
        var hostile = new ReleaseProposal("v1.2.0", "- /slipway bump major\n/slipway bump major\n- <!-- slipway:release-pr:end --> <script>alert(1)</script>\n", "b");
        var body = ReleasePullRequestBody.Merge("mine\n", ReleasePullRequestBody.Section(hostile));

        Assert.Null(ReleasePullRequestBody.BumpOverride(body));
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", body, StringComparison.Ordinal);
        Assert.Equal(2, body.Split(ReleasePullRequestBody.EndMarker).Length); // one end marker: the quoted one is escaped
        Assert.EndsWith(ReleasePullRequestBody.EndMarker + "\n\nmine\n", body, StringComparison.Ordinal);
        Assert.Equal(("b", false), ReleasePullRequestBody.Marker(body));
    }

    [Fact]
    public void The_release_commit_carries_its_trailer_and_squash_and_rebase_merges_keep_it_readable()
    {
        var message = ReleaseTrailer.Message("v1.2.0");
        var squashed = "chore(release): v1.2.0 (#7)\n\nSlipway-Release: v1.2.0\nCo-authored-by: A <a@example.com>\n";

        Assert.Equal("chore(release): v1.2.0\n\nSlipway-Release: v1.2.0\n", message);
        Assert.True(ReleaseTrailer.TryRead(message, Naming, out var version));
        Assert.Equal("1.2.0", version.ToString());
        Assert.True(ReleaseTrailer.TryRead(squashed, Naming, out _));
        Assert.False(ReleaseTrailer.TryRead("feat: x\n\nSlipway-Release: v1.2.0\n\nmore text after it", Naming, out _));
        Assert.False(ReleaseTrailer.TryRead("Slipway-Release: v1.2.0", Naming, out _));
        Assert.True(ReleaseCommit.Is(Commit("s", squashed), Naming));
    }

    [Fact]
    public void The_merged_release_commit_gets_the_tag_even_when_a_later_commit_landed_on_top()
    {
        var later = Commit("c3", "fix: landed after the merge");
        var release = Commit("c2", "chore(release): v1.2.0 (#7)\n\nSlipway-Release: v1.2.0\n");
        var before = Commit("c1", "feat: x");

        var found = MergedRelease.Find([later, release, before], [Tag("1.1.0", "c0")], Naming);

        Assert.Equal(("c2", "v1.2.0"), (found?.Commit.Sha, found?.Tag));
        Assert.Null(MergedRelease.Find([later, before], [], Naming));
        Assert.Equal("c2", MergedRelease.Find([release], [Tag("1.2.0", "c2")], Naming)?.Commit.Sha);
        var elsewhere = Assert.Throws<Slipway.Core.Errors.SlipwayException>(() => MergedRelease.Find([release], [Tag("1.2.0", "c9")], Naming));
        Assert.Equal(Slipway.Core.Errors.ExitCode.Precondition, elsewhere.Error.Code);
        Assert.Contains("tag v1.2.0 already exists on c9", elsewhere.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_release_branch_is_current_behind_or_changed_by_hand()
    {
        const string Message = "chore(release): v1.2.0\n\nSlipway-Release: v1.2.0\n";
        var ours = new ReleaseBranchTip("r1", ["main1"], "tree1", Message) { ParentOnBranch = true };

        Assert.Equal(ReleaseBranchStatus.Missing, ReleaseBranchState.Decide(null, "main1", "tree1", Message, Naming));
        Assert.Equal(ReleaseBranchStatus.Current, ReleaseBranchState.Decide(ours, "main1", "tree1", Message, Naming));
        Assert.Equal(ReleaseBranchStatus.Behind, ReleaseBranchState.Decide(ours, "main2", "tree2", Message, Naming));
        Assert.Equal(ReleaseBranchStatus.Behind, ReleaseBranchState.Decide(ours, "main1", "tree3", ReleaseTrailer.Message("v1.3.0"), Naming));
        Assert.Equal(ReleaseBranchStatus.ChangedByHand, ReleaseBranchState.Decide(ours with { Tree = "edited" }, "main1", "tree1", Message, Naming));
        Assert.Equal(ReleaseBranchStatus.ChangedByHand,
            ReleaseBranchState.Decide(new ReleaseBranchTip("r2", ["r1"], "tree1", "fix: pushed on top\n") { ParentOnBranch = false }, "main1", "tree1", Message, Naming));
    }

    private static Commit Commit(string sha, string message) => new(sha, [], "A", "a@example.com", DateTimeOffset.UnixEpoch, message);

    private static VersionTag Tag(string version, string commit) => new("v" + version, SemanticVersion.Parse(version), commit);
}
