using Slipway.Core.Commits;
using Slipway.Core.Errors;
using Slipway.Core.Releases;
using Slipway.Core.Releases.PullRequests;

namespace Slipway.Tests.Core.PullRequests;

/// <summary>A monorepo's release pull request as data: several tags in one release commit's trailers, one proposal with a section per
/// package, a package's own release branch, and the merged commit's tags.</summary>
public sealed class MonorepoProposalTests
{
    private static readonly string[] Tags = ["core-v1.0.1", "cli-v2.1.0"];

    private static bool IsPackageTag(string tag) => tag.StartsWith("core-v", StringComparison.Ordinal) || tag.StartsWith("cli-v", StringComparison.Ordinal);

    [Fact]
    public void The_release_commit_names_every_tag_in_its_subject_and_one_trailer_each_and_reads_back_in_order()
    {
        var message = ReleaseTrailer.Message(Tags);

        Assert.Equal("chore(release): core-v1.0.1, cli-v2.1.0\n\nSlipway-Release: core-v1.0.1\nSlipway-Release: cli-v2.1.0\n", message);
        Assert.Equal(Tags, ReleaseTrailer.Tags(message));
        Assert.Equal(Tags, ReleaseTrailer.Tags("chore(release): core-v1.0.1, cli-v2.1.0 (#12)\n\n* chore(release): core-v1.0.1, cli-v2.1.0\n\nSlipway-Release: core-v1.0.1\nSlipway-Release: cli-v2.1.0\n"));
        Assert.Equal(ReleaseTrailer.Message("v1.2.0"), ReleaseTrailer.Message(["v1.2.0"]));
        Assert.Empty(ReleaseTrailer.Tags("Slipway-Release: core-v1.0.1\n"));
    }

    [Fact]
    public void One_proposal_for_several_packages_is_titled_with_every_tag_and_has_a_section_per_package_escaped()
    {
        var proposal = ReleaseProposal.Combined([("core-v1.0.1", "- fix: <b>bold</b> (aaaaaaa)\n"), ("cli-v2.1.0", "- feat: a flag (bbbbbbb)\n")], "ba5e01");

        Assert.Equal("chore(release): core-v1.0.1, cli-v2.1.0", proposal.Title);
        var section = ReleasePullRequestBody.Section(proposal);
        Assert.Contains("### core-v1.0.1\n\n- fix: &lt;b&gt;bold&lt;/b&gt; (aaaaaaa)\n\n### cli-v2.1.0\n\n- feat: a flag (bbbbbbb)\n", section, StringComparison.Ordinal);
        Assert.Equal(Tags, ReleaseCommit.Tags(proposal.Title));
        Assert.Equal(new ReleaseProposal("core-v1.0.1", "- x\n", "ba5e01"), ReleaseProposal.Combined([("core-v1.0.1", "- x\n")], "ba5e01"));
    }

    [Theory]
    [InlineData("core", "slipway/release-main-core")]
    [InlineData("@scope/cli", "slipway/release-main-scope-cli")]
    [InlineData("web.app_2", "slipway/release-main-web.app_2")]
    public void A_package_gets_its_own_release_branch_with_a_plain_name(string package, string branch) =>
        Assert.Equal(branch, ReleasePullRequestPlanner.BranchFor("main", package));

    [Fact]
    public void A_release_branch_whose_tip_names_package_tags_is_slipways_own()
    {
        var message = ReleaseTrailer.Message(Tags);
        var tip = new ReleaseBranchTip("t1p", ["ba5e01"], "tr33", message) { ParentOnBranch = true };

        Assert.Equal(ReleaseBranchStatus.Current, ReleaseBranchState.Decide(tip, "ba5e01", "tr33", message, IsPackageTag));
        Assert.Equal(ReleaseBranchStatus.ChangedByHand, ReleaseBranchState.Decide(tip with { Message = "fix: sneaked in\n" }, "ba5e01", "tr33", message, IsPackageTag));
    }

    [Fact]
    public void A_package_s_own_release_commit_names_the_dependency_versions_it_follows_so_another_proposal_of_them_is_not_a_change_by_hand()
    {
        var message = ReleaseTrailer.Message(["cli-v2.1.0"], "Dependencies: core 1.1.0");
        var before = ReleaseTrailer.Message(["cli-v2.1.0"], "Dependencies: core 1.0.1");
        var tip = new ReleaseBranchTip("t1p", ["ba5e01"], "old7r33", before) { ParentOnBranch = true };

        Assert.Equal("chore(release): cli-v2.1.0\n\nDependencies: core 1.1.0\n\nSlipway-Release: cli-v2.1.0\n", message);
        Assert.Equal(["cli-v2.1.0"], ReleaseTrailer.Tags(message));
        Assert.Equal(ReleaseTrailer.Message(["cli-v2.1.0"]), ReleaseTrailer.Message(["cli-v2.1.0"], null));
        Assert.Equal(ReleaseBranchStatus.Behind, ReleaseBranchState.Decide(tip, "ba5e01", "n3wtr33", message, IsPackageTag));
    }

    [Fact]
    public void The_merged_commit_gets_the_package_tags_its_trailers_name_and_one_already_on_another_commit_is_refused()
    {
        var merged = new Commit("c0ffee0000", [], "A", "a@example.com", DateTimeOffset.UnixEpoch, ReleaseTrailer.Message([.. Tags, "v9.9.9"]));

        Assert.Equal(Tags, MergedRelease.Tags(merged, new Dictionary<string, string> { ["core-v1.0.1"] = "c0ffee0000" }, IsPackageTag));
        var error = Assert.Throws<SlipwayException>(() => MergedRelease.Tags(merged, new Dictionary<string, string> { ["cli-v2.1.0"] = "abcdef1234" }, IsPackageTag));
        Assert.Equal(ExitCode.Precondition, error.Error.Code);
        Assert.StartsWith("tag cli-v2.1.0 already exists on abcdef1, not on the merged release commit c0ffee0", error.Error.Message, StringComparison.Ordinal);
    }
}
