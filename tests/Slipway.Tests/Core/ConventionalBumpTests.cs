using Slipway.Core.Commits;
using Slipway.Core.Versioning;

namespace Slipway.Tests.Core;

/// <summary>Quirks of each tool that bump.json does not cover, ported from their sources (cited per test), and the reasons shown by plan.</summary>
public sealed class ConventionalBumpTests
{
    private static readonly SemanticVersion V123 = SemanticVersion.Parse("1.2.3");

    private static IReadOnlyList<Commit> Commits(params string[] messages) =>
        [.. messages.Select((m, i) => new Commit($"{i + 1:x}".PadRight(40, 'a'), ["b".PadLeft(40, 'b')], "A", "a@example.com", DateTimeOffset.UnixEpoch, m))];

    private static BumpKind Kind(BumpPreset preset, params string[] messages) => ConventionalBump.Decide(Commits(messages), preset, "v1.2.3", V123).Kind;

    [Fact]
    public void Release_please_reads_a_footer_that_looks_like_a_commit_as_a_commit()
    {
        // release-please commit.ts: footers whose token is a type are re-parsed and pushed as commits.
        Assert.Equal(BumpKind.Minor, Kind(BumpPreset.ReleasePlease, "chore: sync\n\nSome context.\nfeat(api): add y"));
        Assert.Equal(BumpKind.None, Kind(BumpPreset.ConventionalCommits, "chore: sync\n\nSome context.\nfeat(api): add y"));
    }

    [Fact]
    public void Release_please_drops_a_message_whose_footer_leaves_a_scope_open()
    {
        // @conventional-commits/parser throws on "(" without ")" even while looking for footers.
        Assert.Equal(BumpKind.None, Kind(BumpPreset.ReleasePlease, "fix: y\n\nuse(y instead"));
        Assert.Equal(BumpKind.Patch, Kind(BumpPreset.ReleasePlease, "fix: y\n\nuse (y instead"));
    }

    [Fact]
    public void Release_please_counts_BREAKING_CHANGE_hyphenated_anywhere_in_the_body()
    {
        Assert.Equal(BumpKind.Major, Kind(BumpPreset.ReleasePlease, "fix: y\n\nThis has a BREAKING-CHANGE: in the middle"));
        Assert.Equal(BumpKind.Patch, Kind(BumpPreset.ConventionalCommits, "fix: y\n\nThis has a BREAKING-CHANGE: in the middle"));
    }

    [Fact]
    public void Commit_analyzer_takes_a_line_starting_with_breaking_change_and_a_space_as_a_note()
    {
        // conventional-commits-parser 6.4.0 notes pattern: ^[\s|*]*(BREAKING CHANGE)[:\s]+ with the i flag.
        Assert.Equal(BumpKind.Major, Kind(BumpPreset.Angular, "fix: y\n\n * breaking change in how x works"));
        Assert.Equal(BumpKind.Patch, Kind(BumpPreset.ReleasePlease, "fix: y\n\n * breaking change in how x works"));
    }

    [Fact]
    public void Commit_analyzer_ignores_notes_after_a_field_line()
    {
        // A "-name-" line (e.g. "---") opens a meta field that takes every later line.
        Assert.Equal(BumpKind.Patch, Kind(BumpPreset.ConventionalCommits, "fix: y\n\n---\nBREAKING CHANGE: hidden"));
        Assert.Equal(BumpKind.Major, Kind(BumpPreset.ConventionalCommits, "fix: y\n\n--\nBREAKING CHANGE: seen"));
    }

    [Fact]
    public void Commit_analyzer_keeps_a_revert_whose_sha_is_not_in_the_range()
    {
        var sha = "f".PadLeft(40, 'f');
        Assert.Equal(BumpKind.Patch, Kind(BumpPreset.Angular, $"Revert \"feat: x\"\n\nThis reverts commit {sha}.", "docs: y"));
    }

    [Fact]
    public void Configured_rules_replace_the_presets_entries_and_keep_the_others()
    {
        var preset = BumpPreset.Named("angular", new Dictionary<string, BumpKind> { ["docs"] = BumpKind.Patch, ["feat"] = BumpKind.Patch, ["breaking"] = BumpKind.Minor })!;
        Assert.Equal(BumpKind.Patch, Kind(preset, "docs: a"));
        Assert.Equal(BumpKind.Patch, Kind(preset, "feat: a"));
        Assert.Equal(BumpKind.Minor, Kind(preset, "fix: a\n\nBREAKING CHANGE: b"));
        Assert.Equal(BumpKind.Patch, Kind(preset, "perf: a"));
    }

    [Fact]
    public void The_reason_counts_what_released_and_lists_what_did_not()
    {
        var minor = ConventionalBump.Decide(Commits("feat: a", "fix: b", "feat: c", "fix: d", "fix: e", "docs: f"), BumpPreset.ConventionalCommits, "v1.2.3", V123);
        Assert.Equal("minor: 2 feat, 3 fix since v1.2.3 (preset conventionalcommits)", minor.Reason);

        var none = ConventionalBump.Decide(Commits("docs: a", "chore: b", "wip"), BumpPreset.ConventionalCommits, "v1.2.3", V123);
        Assert.Equal(new BumpDecision(BumpKind.None, "no releasable commits since v1.2.3 (only chore, docs, other)"), none);

        var reverted = ConventionalBump.Decide(Commits("Revert \"feat: a\"\n\nThis reverts commit 2aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.", "feat: a", "chore: b"),
            BumpPreset.ConventionalCommits, "v1.2.3", V123);
        Assert.Equal("no releasable commits since v1.2.3 (only chore, reverted)", reverted.Reason);

        var configured = ConventionalBump.Decide(Commits("docs: a"), BumpPreset.Named("angular", new Dictionary<string, BumpKind> { ["docs"] = BumpKind.Patch })!, "v1.2.3", V123);
        Assert.Equal("patch: 1 docs since v1.2.3 (preset angular with versioning.rules)", configured.Reason);

        var major = ConventionalBump.Decide(Commits("fix: a", "feat!: b"), BumpPreset.ConventionalCommits, null, SemanticVersion.Zero);
        Assert.Equal("major: breaking change in 2aaaaaa since the beginning (preset conventionalcommits)", major.Reason);
    }

    [Fact]
    public void Release_please_never_lists_trailers_as_commit_types_in_the_reason()
    {
        var none = ConventionalBump.Decide(
            Commits("chore: tidy\n\nCo-authored-by: A B <a@example.com>\nSigned-off-by: C <c@example.com>", "docs: d\n\nReviewed-by: E <e@example.com>"),
            BumpPreset.ReleasePlease, "v1.2.3", V123);
        Assert.Equal(new BumpDecision(BumpKind.None, "no releasable commits since v1.2.3 (only chore, docs)"), none);

        // A footer that is a commit still counts as one.
        var minor = ConventionalBump.Decide(Commits("chore: sync\n\nSome context.\nfeat(api): add y\nSigned-off-by: C <c@example.com>"),
            BumpPreset.ReleasePlease, "v1.2.3", V123);
        Assert.Equal("minor: 1 feat since v1.2.3 (preset release-please)", minor.Reason);
    }
}
