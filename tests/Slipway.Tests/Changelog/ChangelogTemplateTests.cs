using Slipway.Core.Changelog;
using Slipway.Core.Changelog.Templates;
using Slipway.Core.Configuration;

namespace Slipway.Tests.Changelog;

public sealed class ChangelogTemplateTests
{
    private static ChangelogDocument Document(GitHubRemote? remote = null, ChangelogConfig? config = null) =>
        new([SampleRelease.Build(config)], remote);

    [Fact]
    public void Seed_template_matches_the_golden_file() =>
        Golden.Verify("seed.md", new SeedTemplate().Render(Document(SampleRelease.Remote)));

    [Fact]
    public void Seed_template_prints_what_the_seed_printed_for_the_same_commits()
    {
        var commits = SampleRelease.Commits.Skip(1).Select(c => c.Commit).ToList();
        Assert.Equal(SeedTemplate.List(commits), new SeedTemplate().Render(Document()));
    }

    [Fact]
    public void Keepachangelog_template_matches_the_golden_file_with_github_links() =>
        Golden.Verify("keepachangelog.md", new KeepAChangelogTemplate().Render(Document(SampleRelease.Remote)));

    [Fact]
    public void Keepachangelog_template_without_a_github_remote_has_no_links() =>
        Golden.Verify("keepachangelog-no-remote.md", new KeepAChangelogTemplate().Render(Document()));

    [Fact]
    public void Github_template_matches_the_golden_file_with_contributors() =>
        Golden.Verify("github.md", new GitHubReleaseTemplate().Render(Document(SampleRelease.Remote, new ChangelogConfig { Contributors = true })));

    [Fact]
    public void Breaking_changes_come_first_and_are_not_repeated_in_their_type_section()
    {
        var release = SampleRelease.Build();
        var text = new KeepAChangelogTemplate().Render(new ChangelogDocument([release], null));
        Assert.Single(release.Breaking);
        Assert.True(text.IndexOf("### Breaking changes", StringComparison.Ordinal) < text.IndexOf("### Added", StringComparison.Ordinal));
        Assert.Equal(1, CountOf(text, "/v1 routes"));
        Assert.DoesNotContain("drop the v1 endpoints", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_conventional_commits_and_unlisted_types_are_kept_under_other()
    {
        var release = SampleRelease.Build();
        var other = Assert.Single(release.Groups, g => g.Title == "Other");
        Assert.Equal(["Update the deployment notes", "bump dependencies"], other.Entries.Select(e => e.Description));
        Assert.True(other.IsOther);
        Assert.DoesNotContain(release.Groups, g => g.IsOther && g != other);
    }

    [Theory]
    [InlineData(SeedTemplate.TemplateName)]
    [InlineData(KeepAChangelogTemplate.TemplateName)]
    [InlineData(GitHubReleaseTemplate.TemplateName)]
    public void A_commit_under_other_shows_its_whole_subject_with_its_type(string template)
    {
        var release = SampleRelease.Build(commits:
        [
            SampleRelease.Pair(3, "ci: ignore the flaky job", SampleRelease.Cc("ci", null, "ignore the flaky job")),
            SampleRelease.Pair(2, "chore(deps): bump x to 2.0 (#7)", SampleRelease.Cc("chore", "deps", "bump x to 2.0 (#7)")),
            SampleRelease.Pair(1, "feat(ui): dark mode", SampleRelease.Cc("feat", "ui", "dark mode")),
        ]);

        var text = "\n" + ChangelogTemplates.BuiltIn(template)!.Render(new ChangelogDocument([release], SampleRelease.Remote));

        Assert.Contains("\n- ci: ignore the flaky job (", text, StringComparison.Ordinal);
        Assert.Contains("\n- chore(deps): bump x to 2.0 (", text, StringComparison.Ordinal);
        Assert.Contains(template == SeedTemplate.TemplateName ? "\n- feat(ui): dark mode (" : "\n- **ui:** dark mode (", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Release_commits_are_left_out_of_the_changelog()
    {
        var release = SampleRelease.Build();
        Assert.Equal(7, release.Entries.Count);
        Assert.DoesNotContain(release.Entries, e => e.Commit.Subject.StartsWith("chore(release)", StringComparison.Ordinal));
    }

    [Fact]
    public void Configured_sections_set_the_order_and_titles()
    {
        var config = new ChangelogConfig { Sections = [new("Fixes", ["fix"]), new("Features", ["feat", "perf"])] };
        var release = SampleRelease.Build(config);
        Assert.Equal(["Fixes", "Features", "Other"], release.Groups.Select(g => g.Title));
        Assert.Equal(["peel tags lazily", "dark mode (#42)"], release.Groups[1].Entries.Select(e => e.Description));
    }

    [Fact]
    public void Types_are_matched_without_regard_to_case()
    {
        var release = SampleRelease.Build(commits: [SampleRelease.Pair(1, "FEAT: shout", SampleRelease.Cc("FEAT", null, "shout"))]);
        Assert.Equal("Added", Assert.Single(release.Groups).Title);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
