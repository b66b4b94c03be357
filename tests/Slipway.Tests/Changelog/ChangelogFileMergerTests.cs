using Slipway.Core.Changelog;

namespace Slipway.Tests.Changelog;

public sealed class ChangelogFileMergerTests
{
    private const string Section = "## [1.3.0] - 2026-11-26\n\n### Added\n\n- dark mode (2abcdef)\n";
    private const string ReleaseLink = "[1.3.0]: https://github.com/o/r/compare/v1.2.0...v1.3.0";
    private const string UnreleasedLink = "[Unreleased]: https://github.com/o/r/compare/v1.3.0...HEAD";

    // The agent_bus style: hand-written intro, notes under Unreleased, hand-written older sections, links at the bottom.
    private const string HandWritten = """
        # Changelog
        All notable changes to agent_bus. Hand-written notes   keep their  spacing.

        ## [Unreleased]
        - a note written by hand for the next release

        ## [1.2.0] - 2026-01-05
        ### Added
        * the planner (by hand, with *asterisks*)

        ## 1.1.0
        Some prose.

        [Unreleased]: https://github.com/o/r/compare/v1.2.0...HEAD
        [1.2.0]: https://github.com/o/r/compare/v1.1.0...v1.2.0

        """;

    [Fact]
    public void The_new_section_goes_under_unreleased_and_every_other_byte_stays()
    {
        var merged = ChangelogFileMerger.Merge(HandWritten, "1.3.0", Section, ReleaseLink, UnreleasedLink);
        var expected = HandWritten
            .Replace("next release\n\n## [1.2.0]", "next release\n\n" + Section + "\n## [1.2.0]", StringComparison.Ordinal)
            .Replace("[Unreleased]: https://github.com/o/r/compare/v1.2.0...HEAD\n", UnreleasedLink + "\n" + ReleaseLink + "\n", StringComparison.Ordinal);
        Assert.Equal(expected, merged);
    }

    [Fact]
    public void Crlf_files_stay_crlf_and_only_gain_the_section_and_links()
    {
        var crlf = HandWritten.Replace("\n", "\r\n", StringComparison.Ordinal);
        var merged = ChangelogFileMerger.Merge(crlf, "1.3.0", Section, ReleaseLink, UnreleasedLink);
        Assert.Equal(ChangelogFileMerger.Merge(HandWritten, "1.3.0", Section, ReleaseLink, UnreleasedLink).Replace("\n", "\r\n", StringComparison.Ordinal), merged);
        Assert.DoesNotContain("\r\n", merged.Replace("\r\n", string.Empty, StringComparison.Ordinal).Replace("\n", "\0", StringComparison.Ordinal).Replace("\0", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(0, merged.Replace("\r\n", string.Empty, StringComparison.Ordinal).Count(c => c == '\n'));
    }

    [Fact]
    public void A_file_without_unreleased_gets_it_before_the_first_release_section()
    {
        const string text = "# Changelog\n\nIntro.\n\n## [1.2.0] - 2026-01-05\n\n- old\n";
        var merged = ChangelogFileMerger.Merge(text, "1.3.0", Section, null, null);
        Assert.Equal("# Changelog\n\nIntro.\n\n## [Unreleased]\n\n" + Section + "\n## [1.2.0] - 2026-01-05\n\n- old\n", merged);
    }

    [Fact]
    public void A_file_with_no_sections_and_no_trailing_newline_gets_them_at_the_end()
    {
        var merged = ChangelogFileMerger.Merge("# Changelog", "1.3.0", Section, ReleaseLink, UnreleasedLink);
        Assert.Equal("# Changelog\n\n## [Unreleased]\n\n" + Section + "\n" + UnreleasedLink + "\n" + ReleaseLink + "\n", merged);
    }

    [Fact]
    public void A_missing_file_is_created_in_keep_a_changelog_form()
    {
        var merged = ChangelogFileMerger.Merge(null, "1.3.0", Section, ReleaseLink, UnreleasedLink);
        Assert.StartsWith("# Changelog\n\nAll notable changes", merged, StringComparison.Ordinal);
        Assert.Contains("\n## [Unreleased]\n\n" + Section + "\n" + UnreleasedLink + "\n" + ReleaseLink + "\n", merged, StringComparison.Ordinal);
    }

    [Fact]
    public void Merging_a_version_that_is_already_there_changes_nothing()
    {
        var once = ChangelogFileMerger.Merge(HandWritten, "1.3.0", Section, ReleaseLink, UnreleasedLink);
        Assert.True(ChangelogFileMerger.HasVersion(once, "1.3.0"));
        Assert.Equal(once, ChangelogFileMerger.Merge(once, "1.3.0", Section, ReleaseLink, UnreleasedLink));
        Assert.False(ChangelogFileMerger.HasVersion(once, "1.3"));
    }

    [Fact]
    public void Links_start_a_block_when_the_file_has_none()
    {
        const string text = "# Changelog\n\n## [Unreleased]\n\n## [1.2.0]\n\n- old\n";
        var merged = ChangelogFileMerger.Merge(text, "1.3.0", Section, ReleaseLink, UnreleasedLink);
        Assert.Equal("# Changelog\n\n## [Unreleased]\n\n" + Section + "\n## [1.2.0]\n\n- old\n\n" + UnreleasedLink + "\n" + ReleaseLink + "\n", merged);
    }

    [Fact]
    public void Entries_slipway_wrote_under_unreleased_move_into_the_release_and_a_persons_text_stays()
    {
        const string Written = """
            # Changelog

            ## [Unreleased]

            A note by a person.

            ### Added

            - dark mode ([2abcdef](https://github.com/o/r/commit/2abcdef0000000000000000000000000000000000))
            - a line a person added

            ### Fixed

            - crash ([3abcdef](https://github.com/o/r/commit/3abcdef0000000000000000000000000000000000))

            ## [1.2.0] - 2026-01-05

            - older

            """;
        var section = "## [1.3.0] - 2026-11-26\n\n### Added\n\n- dark mode (2abcdef)\n\n### Fixed\n\n- crash (3abcdef)\n";
        var merged = ChangelogFileMerger.Merge(Written, "1.3.0", section, null, null, ["- dark mode (2abcdef)", "- crash (3abcdef)"]);
        Assert.Equal("""
            # Changelog

            ## [Unreleased]

            A note by a person.

            ### Added

            - a line a person added

            ## [1.3.0] - 2026-11-26

            ### Added

            - dark mode (2abcdef)

            ### Fixed

            - crash (3abcdef)

            ## [1.2.0] - 2026-01-05

            - older

            """, merged);
    }

    [Fact]
    public void An_unreleased_block_of_only_generated_entries_is_emptied()
    {
        var written = "## [Unreleased]\n\n### Breaking changes\n\n- new format\n  second line (1abcdef)\n\n## [1.0.0]\n";
        var section = "## [2.0.0]\n\n### Breaking changes\n\n- new format\n  second line (1abcdef)\n";
        var merged = ChangelogFileMerger.Merge(written, "2.0.0", section, null, null, ["- new format", "  second line (1abcdef)"]);
        Assert.Equal("## [Unreleased]\n\n## [2.0.0]\n\n### Breaking changes\n\n- new format\n  second line (1abcdef)\n\n## [1.0.0]\n", merged);
    }

    [Fact]
    public void Without_generated_entries_under_unreleased_nothing_there_changes()
    {
        Assert.Equal(
            ChangelogFileMerger.Merge(HandWritten, "1.3.0", Section, ReleaseLink, UnreleasedLink),
            ChangelogFileMerger.Merge(HandWritten, "1.3.0", Section, ReleaseLink, UnreleasedLink, ["- dark mode (2abcdef)"]));
    }
}
