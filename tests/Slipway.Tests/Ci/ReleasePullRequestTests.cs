using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Ci;

/// <summary>`slipway ci release-pr` and `slipway ci release` on a protected main: a standing pull request shows the next release,
/// merging it releases. Against a bare remote and the GitHub double (which refuses anything off its contracts).</summary>
public sealed class ReleasePullRequestTests
{
    private const string Canary = "/tmp/slipway-pwned";

    [Fact]
    public void Three_pushes_update_one_pull_request_and_its_squash_merge_is_tagged_released_and_relabelled_once()
    {
        using var setup = new ReleasePullRequestSetup();

        // Push 1: a feature. One pull request opens, labelled pending, on a release branch that holds the release commit.
        setup.Push("feat: export to CSV");
        var first = setup.ReleasePr();
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("opened #1: chore(release): v1.1.0 (https://github.invalid/acme/app/pull/1)\n", first.StandardOutput);
        Assert.Equal(("chore(release): v1.1.0", "slipway: pending"), (setup.Pull.Title, Assert.Single(setup.Pull.Labels)));
        Assert.Contains("export to CSV", setup.Pull.Body, StringComparison.Ordinal);
        Assert.Equal(setup.Remote.BranchCommit(), setup.Remote.Git("rev-parse", ReleasePullRequestSetup.Branch + "^"));
        Assert.Contains("## [1.1.0]", setup.Remote.Git("show", ReleasePullRequestSetup.Branch + ":CHANGELOG.md"), StringComparison.Ordinal);
        Assert.Equal("Slipway-Release: v1.1.0", setup.Remote.Git("log", "-1", "--format=%(trailers:key=Slipway-Release)", ReleasePullRequestSetup.Branch));

        // A maintainer writes in the body, outside Slipway's section: it stays.
        setup.Pull.Body += "\nShip it after QA.\n";

        // Push 2: a fix. The same pull request now lists both.
        setup.Push("fix: empty input crashes the export");
        var second = setup.ReleasePr();
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal("updated #1: it proposes v1.1.0\n", second.StandardOutput);
        Assert.Contains("empty input crashes the export", setup.Pull.Body, StringComparison.Ordinal);
        Assert.EndsWith("Ship it after QA.\n", setup.Pull.Body, StringComparison.Ordinal);

        // Push 3: a commit with Release-As: the proposal moves to 2.0.0.
        setup.Push("feat: the v2 API\n\nRelease-As: 2.0.0\n");
        var third = setup.ReleasePr();
        Assert.True(third.ExitCode == 0, third.ToString());
        Assert.Equal("updated #1: it proposes v2.0.0\n", third.StandardOutput);
        Assert.Equal("chore(release): v2.0.0", setup.Pull.Title);
        Assert.Contains("## [2.0.0]", setup.Remote.Git("show", ReleasePullRequestSetup.Branch + ":CHANGELOG.md"), StringComparison.Ordinal);

        // Nothing new: nothing is written, to GitHub or to the release branch.
        var writes = setup.Api.Writes.Count;
        var branch = setup.Remote.BranchCommit(ReleasePullRequestSetup.Branch);
        var again = setup.ReleasePr();
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal("#1 already proposes v2.0.0\n", again.StandardOutput);
        Assert.Equal(writes, setup.Api.Writes.Count);
        Assert.Equal(branch, setup.Remote.BranchCommit(ReleasePullRequestSetup.Branch));

        // `slipway plan` on main shows what the pull request shows.
        var (next, changelog) = setup.Plan();
        Assert.Equal("2.0.0", next);
        Assert.Contains(changelog.Trim('\n'), setup.Pull.Body, StringComparison.Ordinal);
        Assert.Single(setup.Api.Pulls);

        // The squash merge, and a commit that landed right after it in the same push: the merged commit gets the tag.
        var merged = setup.SquashMerge(1);
        setup.Push("docs: mention the CSV export");
        var release = setup.CiRelease();
        Assert.True(release.ExitCode == 0, release.ToString());
        Assert.Equal("released v2.0.0: publish, relabel\n", release.StandardOutput);
        Assert.Equal(merged, setup.Remote.Tags()["v2.0.0"]);
        Assert.Equal($"Release v2.0.0\n\n{changelog.TrimEnd('\n')}\n", setup.Remote.Git("tag", "--list", "--format=%(contents)", "v2.0.0").ReplaceLineEndings("\n") + "\n");
        Assert.Equal("v2.0.0", Assert.Single(setup.Api.Releases).TagName);
        Assert.Equal(["slipway: released"], setup.Pull.Labels);

        // Both commands once more: nothing changes; the release branch is gone, no new pull request.
        writes = setup.Api.Writes.Count;
        var releaseAgain = setup.CiRelease();
        var proposeAgain = setup.ReleasePr();
        Assert.True(releaseAgain.ExitCode == 0, releaseAgain.ToString());
        Assert.Equal("no release pull request merged in this push and no version tag on HEAD: nothing to release\n", releaseAgain.StandardOutput);
        Assert.True(proposeAgain.ExitCode == 0, proposeAgain.ToString());
        Assert.Equal(writes, setup.Api.Writes.Count);
        Assert.Null(setup.Remote.BranchCommit(ReleasePullRequestSetup.Branch));
        Assert.Single(setup.Api.Pulls);
        Assert.Single(setup.Api.Releases);
    }

    [Fact]
    public void A_release_branch_changed_by_hand_is_rebuilt_and_said_so_and_a_pull_request_closed_by_a_person_stays_closed_until_new_releasable_commits()
    {
        using var setup = new ReleasePullRequestSetup();
        setup.Push("feat: export to CSV");
        Assert.Equal(0, setup.ReleasePr().ExitCode);

        // Someone pushes to the release branch.
        using (var other = GitRepo.Clone(setup.Remote.Url))
        {
            other.Git("switch", "--quiet", ReleasePullRequestSetup.Branch);
            other.Commit("fix: sneaked in");
            other.Git("push", "--quiet", "origin", ReleasePullRequestSetup.Branch);
        }

        var sneaked = setup.Remote.BranchCommit(ReleasePullRequestSetup.Branch)!;
        var rebuilt = setup.ReleasePr();
        Assert.True(rebuilt.ExitCode == 0, rebuilt.ToString());
        Assert.Equal($"{ReleasePullRequestSetup.Branch} was changed by hand ({sneaked[..7]} is not the release commit slipway makes); rebuilt it on {setup.Remote.BranchCommit()![..7]}\n"
            + "#1 already proposes v1.1.0\n", rebuilt.StandardOutput);
        Assert.Equal(setup.Remote.BranchCommit(), setup.Remote.Git("rev-parse", ReleasePullRequestSetup.Branch + "^"));

        // A person closes it: a push that changes nothing in the release leaves it closed, a releasable one opens a new one.
        setup.Api.Close(1);
        setup.Push("chore: tidy the build");
        var writes = setup.Api.Writes.Count;
        var stays = setup.ReleasePr();
        Assert.True(stays.ExitCode == 0, stays.ToString());
        Assert.Equal("#1 proposing v1.1.0 was closed by hand; it is not reopened until there are new releasable commits\n", stays.StandardOutput);
        Assert.Equal(writes, setup.Api.Writes.Count);

        setup.Push("fix: a real fix");
        var reopened = setup.ReleasePr();
        Assert.True(reopened.ExitCode == 0, reopened.ToString());
        Assert.Equal("opened #2: chore(release): v1.1.0 (https://github.invalid/acme/app/pull/2)\n", reopened.StandardOutput);
        Assert.Equal(["closed", "open"], setup.Api.Pulls.Select(p => p.State));
    }

    [Fact]
    public void A_bump_asked_for_in_the_body_or_a_prerelease_changes_the_proposal_and_a_release_nobody_needs_any_more_closes_it()
    {
        using var setup = new ReleasePullRequestSetup();
        setup.Push("fix: a bug");
        Assert.Equal(0, setup.ReleasePr().ExitCode);
        Assert.Equal("chore(release): v1.0.1", setup.Pull.Title);

        setup.Pull.Body += "\n/slipway bump minor\n";
        var bumped = setup.ReleasePr();
        Assert.True(bumped.ExitCode == 0, bumped.ToString());
        Assert.Equal("updated #1: it proposes v1.1.0\n", bumped.StandardOutput);
        Assert.EndsWith("/slipway bump minor\n", setup.Pull.Body, StringComparison.Ordinal);
        Assert.Equal([new("pr_number", "1"), new("version", "1.1.0"), new("change", "update")],
            GitHubOutputFile.Parse(File.ReadAllText(setup.OutputPath)).TakeLast(3).ToList());

        var prerelease = setup.ReleasePr("--pre", "rc");
        Assert.True(prerelease.ExitCode == 0, prerelease.ToString());
        Assert.Equal("updated #1: it proposes v1.1.0-rc.1\n", prerelease.StandardOutput);
        Assert.Equal("chore(release): v1.1.0-rc.1", setup.Pull.Title);

        // The fix is reverted by force-pushing main back to the release: nothing is releasable.
        setup.Dev.Git("reset", "--quiet", "--hard", "v1.0.0");
        setup.Dev.Git("push", "--quiet", "--force", "origin", "main");
        var closed = setup.ReleasePr();
        Assert.True(closed.ExitCode == 0, closed.ToString());
        Assert.Equal("closed #1: nothing to release any more\n", closed.StandardOutput);
        Assert.Equal("closed", setup.Pull.State);
        Assert.Contains("withdrawn", setup.Pull.Body, StringComparison.Ordinal);
        Assert.Null(setup.Remote.BranchCommit(ReleasePullRequestSetup.Branch));
    }

    [Fact]
    public void A_merged_release_whose_tag_already_exists_elsewhere_exits_3_with_one_line_and_tags_nothing()
    {
        using var setup = new ReleasePullRequestSetup();
        var elsewhere = setup.Push("feat: export to CSV");
        Assert.Equal(0, setup.ReleasePr().ExitCode);
        setup.SquashMerge(1);
        setup.Dev.Git("tag", "v1.1.0", elsewhere);
        setup.Dev.Git("push", "--quiet", "origin", "v1.1.0");

        var result = setup.CiRelease();

        Assert.Equal(3, result.ExitCode);
        Assert.Equal($"slipway: tag v1.1.0 already exists on {elsewhere[..7]}, not on the merged release commit {setup.Remote.BranchCommit()![..7]}; "
            + "someone released 1.1.0 already: delete that tag if it is wrong (git push --delete origin v1.1.0), or let the next release pull request propose a new version\n",
            result.StandardError);
        Assert.Equal(elsewhere, setup.Remote.Tags()["v1.1.0"]);
        Assert.Empty(setup.Api.Releases);
    }

    [Fact]
    public void Hostile_commit_messages_reach_the_pull_request_as_escaped_text_and_are_never_executed()
    {
        using var setup = new ReleasePullRequestSetup();
        foreach (var message in HostileInputs.CommitMessages)
        {
            setup.Dev.Commit(message);
        }

        setup.Push("feat: the last one");

        var result = setup.ReleasePr();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("opened #1: chore(release): v1.1.0 ", result.StandardOutput, StringComparison.Ordinal);
        var body = setup.Pull.Body!;
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", body, StringComparison.Ordinal);
        Assert.Equal(2, body.Split("<!-- slipway:release-pr:end -->").Length);
        Assert.Equal(["slipway: pending"], setup.Pull.Labels);
        Assert.False(File.Exists(Canary), "a commit message was executed");
        var again = setup.ReleasePr();
        Assert.Equal("#1 already proposes v1.1.0\n", again.StandardOutput);
    }
}
