using Slipway.Core.Commits;
using Slipway.Core.Doctor;
using Slipway.Core.Errors;
using Slipway.Core.Gates;

namespace Slipway.Tests.Core.Gates;

/// <summary>The verdicts of release.gates from the facts the adapters read: ci_green, breaking_documented, reviewed, and --skip-gate.</summary>
public sealed class ReleaseGateRulesTests
{
    private const string Head = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public void Ci_green_passes_when_every_check_run_and_status_succeeded()
    {
        var verdict = CiGreenRule.Judge(Head, [new("build", "completed", "success"), new("lint", "completed", "skipped")], [new("ci/jenkins", "success")]);
        Assert.Equal(CheckStatus.Passed, verdict.Status);
        Assert.Contains("2 check runs and 1 commit status on 0123456 succeeded", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ci_green_fails_naming_the_failed_check_run_and_how_to_skip_it()
    {
        var verdict = CiGreenRule.Judge(Head, [new("lint", "completed", "success"), new("test", "completed", "failure")], []);
        Assert.True(verdict.Failed);
        Assert.Equal("check run 'test' on 0123456 concluded failure", verdict.Message);
        Assert.Contains("--skip-gate ci_green --reason TEXT", verdict.Fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("failure")]
    [InlineData("error")]
    [InlineData("pending")]
    public void Ci_green_fails_on_a_commit_status_that_is_not_success(string state)
    {
        var verdict = CiGreenRule.Judge(Head, [new("build", "completed", "success")], [new("deploy/preview", state)]);
        Assert.True(verdict.Failed);
        Assert.Equal($"commit status 'deploy/preview' on 0123456 is {state}", verdict.Message);
    }

    [Fact]
    public void Ci_green_fails_while_a_check_run_is_still_running_and_says_to_wait()
    {
        var verdict = CiGreenRule.Judge(Head, [new("build", "in_progress", null)], []);
        Assert.True(verdict.Failed);
        Assert.Equal("check run 'build' on 0123456 is in progress", verdict.Message);
        Assert.StartsWith("wait for it to finish", verdict.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Ci_green_fails_when_ci_has_not_reported_on_the_commit_at_all()
    {
        var verdict = CiGreenRule.Judge(Head, [], []);
        Assert.True(verdict.Failed);
        Assert.Contains("no check run or commit status", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Breaking_documented_passes_without_breaking_changes()
    {
        var verdict = BreakingDocumentedRule.Judge([CommitWith("feat: add x"), CommitWith("fix: y")], null, [], ReleaseGate.DefaultMigrationPaths);
        Assert.Equal(CheckStatus.Passed, verdict.Status);
    }

    [Fact]
    public void Breaking_documented_fails_on_a_bang_without_a_note_naming_the_commit()
    {
        var commit = CommitWith("feat!: drop the v1 endpoints");
        var verdict = BreakingDocumentedRule.Judge([commit, CommitWith("fix: y")], "# Changelog\n", ["src/api.cs"], ReleaseGate.DefaultMigrationPaths);
        Assert.True(verdict.Failed);
        Assert.Equal($"breaking change {commit.ShortSha} \"feat!: drop the v1 endpoints\" is not explained", verdict.Message);
        Assert.Contains("MIGRATION.md or docs/migration/", verdict.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Breaking_documented_fails_on_an_empty_breaking_change_note_and_passes_on_one_with_text()
    {
        Assert.True(BreakingDocumentedRule.Judge([CommitWith("feat!: drop v1\n\nBREAKING CHANGE: ")], null, [], ReleaseGate.DefaultMigrationPaths).Failed);
        var explained = BreakingDocumentedRule.Judge([CommitWith("feat!: drop v1\n\nBREAKING CHANGE: clients must call /v2")], null, [], ReleaseGate.DefaultMigrationPaths);
        Assert.Equal(CheckStatus.Passed, explained.Status);
    }

    [Fact]
    public void Breaking_documented_passes_when_the_changelog_mentions_it_or_a_migration_guide_changed()
    {
        var commit = CommitWith("feat(api)!: drop the v1 endpoints");
        Assert.Equal(CheckStatus.Passed, BreakingDocumentedRule.Judge([commit], "## Unreleased\n- Drop the v1 endpoints: use /v2\n", [], ReleaseGate.DefaultMigrationPaths).Status);
        Assert.Equal(CheckStatus.Passed, BreakingDocumentedRule.Judge([commit], null, ["docs/migration/v2.md"], ReleaseGate.DefaultMigrationPaths).Status);
        Assert.True(BreakingDocumentedRule.Judge([commit], null, ["docs/migration-notes.md"], ReleaseGate.DefaultMigrationPaths).Failed);
        Assert.Equal(CheckStatus.Passed, BreakingDocumentedRule.Judge([commit], null, ["UPGRADING.md"], ["UPGRADING.md"]).Status);
    }

    [Fact]
    public void Reviewed_passes_when_every_commit_came_through_an_approved_merged_pull_request()
    {
        var verdict = ReviewedRule.Judge([new("aaaaaaa1", "feat: x", [new(4, true, "main", true)]), new("bbbbbbb2", "fix: y", [new(5, true, "main", true)])], "main");
        Assert.Equal(CheckStatus.Passed, verdict.Status);
    }

    [Fact]
    public void Reviewed_names_the_first_commit_without_a_merged_pull_request()
    {
        var verdict = ReviewedRule.Judge([
            new("aaaaaaa1aaaa", "feat: x", [new(4, true, "main", true)]),
            new("bbbbbbb2bbbb", "fix: pushed straight", []),
            new("ccccccc3cccc", "fix: also", [new(6, false, "main", false)]),
        ], "main");
        Assert.True(verdict.Failed);
        Assert.Equal("commit bbbbbbb \"fix: pushed straight\" did not reach main through a merged pull request", verdict.Message);
    }

    [Fact]
    public void Reviewed_fails_on_a_pull_request_no_review_approved_and_ignores_ones_merged_elsewhere()
    {
        var unapproved = ReviewedRule.Judge([new("aaaaaaa1", "feat: x", [new(7, true, "main", false), new(3, true, "develop", true)])], "main");
        Assert.True(unapproved.Failed);
        Assert.Equal("commit aaaaaaa \"feat: x\" came through pull request #7, which no review approved", unapproved.Message);
    }

    [Fact]
    public void A_pull_request_is_approved_by_each_reviewers_last_decision_and_comments_do_not_count()
    {
        Assert.True(ReviewedRule.Approved([("ann", "COMMENTED"), ("bob", "APPROVED")]));
        Assert.False(ReviewedRule.Approved([("ann", "COMMENTED")]));
        Assert.False(ReviewedRule.Approved([("bob", "APPROVED"), ("ann", "CHANGES_REQUESTED")]));
        Assert.True(ReviewedRule.Approved([("ann", "CHANGES_REQUESTED"), ("ann", "APPROVED"), ("ann", "COMMENTED")]));
        Assert.False(ReviewedRule.Approved([("bob", "APPROVED"), ("bob", "DISMISSED")]));
    }

    [Fact]
    public void Skip_gate_pairs_each_name_with_its_reason()
    {
        var skips = GateSkip.Pair(["ci_green", "reviewed"], ["CI is down", "hotfix"], Gates);
        Assert.Equal([new GateSkip("ci_green", "CI is down"), new GateSkip("reviewed", "hotfix")], skips);
        Assert.Equal("Skipped gate ci_green: CI is down", skips[0].TagLine);
    }

    [Theory]
    [InlineData(new[] { "ci_green" }, new string[0], "--skip-gate ci_green needs a reason")]
    [InlineData(new[] { "ci_green" }, new[] { "  " }, "--skip-gate ci_green needs a reason")]
    [InlineData(new[] { "green" }, new[] { "x" }, "--skip-gate 'green' is not a gate in release.gates")]
    [InlineData(new string[0], new[] { "x" }, "--reason without --skip-gate")]
    [InlineData(new[] { "ci_green", "ci_green" }, new[] { "x", "y" }, "--skip-gate ci_green is given twice")]
    public void Skip_gate_without_a_reason_or_for_an_unknown_gate_is_a_usage_error(string[] names, string[] reasons, string message)
    {
        var error = Assert.Throws<SlipwayException>(() => GateSkip.Pair(names, reasons, Gates)).Error;
        Assert.Equal(ExitCode.Usage, error.Code);
        Assert.Equal(message, error.Message);
    }

    private static readonly ReleaseGate[] Gates = [new(ReleaseGate.CiGreen, ReleaseGateKind.CiGreen), new(ReleaseGate.Reviewed, ReleaseGateKind.Reviewed)];

    private static int _counter;

    private static Commit CommitWith(string message)
    {
        var n = Interlocked.Increment(ref _counter);
        return new Commit($"{n:x7}{new string('0', 33)}", [], "Ann", "ann@example.com", DateTimeOffset.UnixEpoch, message);
    }
}
