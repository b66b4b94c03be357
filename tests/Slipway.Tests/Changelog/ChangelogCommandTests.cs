using System.Globalization;
using System.Text;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Changelog;

/// <summary>`slipway changelog` and `slipway notes` through the real CLI on real repositories.</summary>
public sealed class ChangelogCommandTests
{
    private static GitRepo History()
    {
        var repo = new GitRepo();
        repo.Git("remote", "add", "origin", "git@github.com:tefj-fun/agent_bus.git");
        repo.Commit("feat: first");
        repo.Tag("v1.0.0");
        repo.Commit("fix(api): crash on start\n\nFixes #12");
        repo.Commit("Merge-free prose commit");
        repo.Tag("v1.0.1");
        repo.Commit("feat!: new config format");
        repo.Commit("docs: explain");
        return repo;
    }

    [Fact]
    public void Changelog_renders_every_release_newest_first_with_unreleased_on_top()
    {
        using var repo = History();
        var result = repo.Slipway("changelog");
        Expect.Success(result);
        var text = result.StandardOutput;
        Assert.StartsWith("# Changelog\n", text, StringComparison.Ordinal);
        var order = new[] { "## [Unreleased]", "### Breaking changes", "- new config format", "## [1.0.1] - ", "**api:** crash on start", "## [1.0.0] - ", "- first (" };
        var positions = order.Select(o => text.IndexOf(o, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0, text));
        Assert.Equal(positions.Order(), positions);
        Assert.EndsWith(
            "[Unreleased]: https://github.com/tefj-fun/agent_bus/compare/v1.0.1...HEAD\n" +
            "[1.0.1]: https://github.com/tefj-fun/agent_bus/compare/v1.0.0...v1.0.1\n" +
            "[1.0.0]: https://github.com/tefj-fun/agent_bus/releases/tag/v1.0.0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Unreleased_in_the_seed_template_lists_the_commits_since_the_last_tag()
    {
        using var repo = History();
        var result = repo.Slipway("changelog", "--unreleased", "--template", "seed");
        Expect.Success(result);
        Assert.Equal($"- docs: explain ({repo.Git("rev-parse", "--short=7", "HEAD")})\n- feat!: new config format ({repo.Git("rev-parse", "--short=7", "HEAD~1")})\n", result.StandardOutput);
    }

    [Fact]
    public void A_range_of_two_tags_is_that_release()
    {
        using var repo = History();
        var result = repo.Slipway("changelog", "--range", "v1.0.0..v1.0.1", "--template", "keepachangelog");
        Expect.Success(result);
        Assert.StartsWith("## [1.0.1] - ", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("fixes [#12](https://github.com/tefj-fun/agent_bus/issues/12)", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("first", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1.0.0")]
    [InlineData("--upload-pack=x..HEAD")]
    [InlineData("nope..HEAD")]
    public void A_bad_range_is_a_one_line_usage_error(string range)
    {
        using var repo = History();
        Expect.OneLineError(repo.Slipway("changelog", $"--range={range}"), 2, "--range");
    }

    [Fact]
    public void Notes_give_the_github_release_body_from_the_previous_version()
    {
        using var repo = History();
        var result = repo.Slipway("notes", "1.0.1");
        Expect.Success(result);
        Assert.StartsWith("## What's Changed\n\n### Fixed\n\n- **api:** crash on start ([", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("### Other\n\n- Merge-free prose commit", result.StandardOutput, StringComparison.Ordinal);
        Assert.EndsWith("**Full Changelog**: https://github.com/tefj-fun/agent_bus/compare/v1.0.0...v1.0.1\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(result.StandardOutput, repo.Slipway("notes", "v1.0.1").StandardOutput);
    }

    [Fact]
    public void Notes_for_a_version_without_a_tag_fail_with_exit_3()
    {
        using var repo = History();
        Expect.OneLineError(repo.Slipway("notes", "9.9.9"), 3, "no tag v9.9.9");
        Expect.OneLineError(repo.Slipway("notes", "banana"), 2, "not a version");
    }

    [Fact]
    public void A_custom_liquid_template_renders_and_its_errors_name_file_and_line()
    {
        using var repo = History();
        repo.WriteFile("notes.liquid", "{% for c in release.commits %}* {{ c.type }}: {{ c.description }}\n{% endfor %}");
        var ok = repo.Slipway("notes", "1.0.1", "--template", "notes.liquid");
        Expect.Success(ok);
        Assert.Equal("* : Merge-free prose commit\n* fix: crash on start\n", ok.StandardOutput);

        repo.WriteFile("bad.liquid", "# notes\n\n{% for c in release.commits %}\n{{ c.sha }}\n");
        Expect.OneLineError(repo.Slipway("changelog", "--template", "bad.liquid"), 2, "bad.liquid:", "template error");

        repo.WriteFile("typo.liquid", "# notes\n{{ relese.tag }}\n");
        Expect.OneLineError(repo.Slipway("notes", "1.0.1", "--template", "typo.liquid"), 2, "typo.liquid:2:", "relese");

        Expect.OneLineError(repo.Slipway("changelog", "--template", "missing.liquid"), 2, "missing.liquid");
    }

    [Fact]
    public void Write_adds_the_latest_release_to_a_crlf_changelog_and_keeps_every_other_byte()
    {
        using var repo = History();
        const string original = "# Changelog\r\n\r\nBy hand.\r\n\r\n## [Unreleased]\r\n\r\n- planned: x\r\n\r\n## [1.0.0] - 2020-01-01\r\n\r\n* hand-written\r\n";
        repo.WriteFile("CHANGELOG.md", original);

        var result = repo.Slipway("changelog", "--write");

        Expect.Success(result);
        var text = repo.ReadFile("CHANGELOG.md");
        var added = text.IndexOf("## [1.0.1]", StringComparison.Ordinal);
        Assert.True(added > 0, text);
        Assert.StartsWith("# Changelog\r\n\r\nBy hand.\r\n\r\n## [Unreleased]\r\n\r\n- planned: x\r\n\r\n## [1.0.1] - ", text, StringComparison.Ordinal);
        Assert.Contains("\r\n\r\n## [1.0.0] - 2020-01-01\r\n\r\n* hand-written\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.EndsWith("[Unreleased]: https://github.com/tefj-fun/agent_bus/compare/v1.0.1...HEAD\r\n[1.0.1]: https://github.com/tefj-fun/agent_bus/compare/v1.0.0...v1.0.1\r\n", text, StringComparison.Ordinal);

        var again = repo.Slipway("changelog", "--write");
        Expect.Success(again);
        Assert.Contains("already has 1.0.1", again.StandardError, StringComparison.Ordinal);
        Assert.Equal(text, repo.ReadFile("CHANGELOG.md"));
    }

    [Fact]
    public void Hostile_commit_messages_come_out_of_changelog_and_notes_as_plain_text()
    {
        // The whole corpus in one release, a commit per message, newest first in every output.
        using var repo = new GitRepo();
        repo.Commit("feat: first");
        repo.Tag("v1.0.0");
        var commits = HostileInputs.CommitMessages
            .Select(m => { var sha = repo.Commit(m); return (Short: sha[..7], Subject: repo.Git("log", "-1", "--format=%s")); })
            .Reverse().ToList();
        repo.Tag("v1.0.1");
        repo.WriteFile("t.liquid", "{% for c in release.commits %}<{{ c.subject }}>{% endfor %}");

        var seed = repo.Slipway("changelog", "--range", "v1.0.0..v1.0.1", "--template", "seed");
        var liquid = repo.Slipway("notes", "1.0.1", "--template", "t.liquid");
        var github = repo.Slipway("notes", "1.0.1");

        Expect.Success(seed);
        Expect.Success(liquid);
        Expect.Success(github);
        Assert.Equal(string.Concat(commits.Select(c => $"- {c.Subject} ({c.Short})\n")), seed.StandardOutput);
        Assert.Equal(string.Concat(commits.Select(c => $"<{c.Subject}>")), liquid.StandardOutput);
        Assert.False(File.Exists("/tmp/slipway-pwned"));
    }

    [Fact]
    public void A_one_megabyte_commit_body_is_carried_whole()
    {
        using var repo = new GitRepo();
        repo.Commit("feat: first");
        repo.Tag("v1.0.0");
        var body = new StringBuilder();
        while (body.Length < 1024 * 1024)
        {
            body.Append("line of body text ").Append(body.Length.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        repo.Commit("fix: huge body\n\n" + body);
        repo.WriteFile("t.liquid", "{{ release.commits[0].body | size }}");
        var result = repo.Slipway("changelog", "--unreleased", "--template", "t.liquid");
        Expect.Success(result);
        Assert.Equal(body.ToString().Trim().Length.ToString(CultureInfo.InvariantCulture), result.StandardOutput);
        Expect.Success(repo.Slipway("plan"));
    }

    [Fact]
    public void Fifty_thousand_commits_in_one_range_are_all_in_the_changelog()
    {
        const int count = 50_000;
        using var repo = new GitRepo();
        repo.Commit("feat: first");
        repo.Tag("v1.0.0");
        var import = new StringBuilder();
        import.Append("reset refs/heads/main\nfrom ").Append(repo.Head).Append('\n');
        // Dates after the tagged commit's: git's reachability walk goes by commit date and trips on history older than its parent.
        var start = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 60;
        for (var i = 1; i <= count; i++)
        {
            var message = (i % 3) switch { 0 => $"feat(s{i % 7}): feature {i}", 1 => $"fix: fix {i}", _ => $"plain change {i}" };
            import.Append(CultureInfo.InvariantCulture, $"commit refs/heads/main\ncommitter T <t@example.com> {start + i} +0000\ndata {Encoding.UTF8.GetByteCount(message)}\n{message}\n");
        }

        var imported = Run.Process("git", ["fast-import", "--quiet"], repo.Path, Run.IsolatedGit, import.ToString());
        Assert.True(imported.ExitCode == 0, imported.ToString());
        repo.Git("reset", "--quiet", "--hard", "main");

        var result = repo.Slipway("changelog", "--unreleased", "--template", "seed");
        Expect.Success(result);
        Assert.Equal(count, result.StandardOutput.Count(c => c == '\n'));
        Assert.StartsWith("- plain change 50000 (", result.StandardOutput, StringComparison.Ordinal);

        var grouped = repo.Slipway("changelog", "--unreleased", "--template", "keepachangelog");
        Expect.Success(grouped);
        Assert.Equal(count, grouped.StandardOutput.Split('\n').Count(l => l.StartsWith("- ", StringComparison.Ordinal)));
    }

    /// <summary>
    /// main: v1.0.0, then a feature branch whose commit is dated before v1.1.0 but merged only after it, then v1.2.0.
    /// Walking the history by date puts that commit under v1.1.0, which cannot reach it.
    /// </summary>
    private static GitRepo MergedHistory()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var repo = new GitRepo();
        repo.CommitAt("feat: first", start);
        repo.Tag("v1.0.0");
        repo.Branch("feature");
        repo.CommitAt("feat: from the branch", start.AddHours(1), "feature.txt");
        repo.Switch("main");
        repo.CommitAt("fix: on main", start.AddHours(2));
        repo.Tag("v1.1.0-rc.1");
        repo.CommitAt("fix: on main again", start.AddHours(3));
        repo.Tag("v1.1.0");
        repo.Git("merge", "--no-ff", "--quiet", "-m", "Merge branch 'feature'", "feature");
        repo.CommitAt("fix: after the merge", start.AddHours(5));
        repo.Tag("v1.2.0");
        repo.CommitAt("docs: unreleased", start.AddHours(6));
        return repo;
    }

    private static Dictionary<string, List<string>> Sections(string seedText)
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var line in seedText.Split('\n'))
        {
            if (line.StartsWith("- ", StringComparison.Ordinal))
            {
                current!.Add(line);
            }
            else if (line.Trim().Length > 0)
            {
                sections[line.Trim()] = current = [];
            }
        }

        return sections;
    }

    private static List<string> Entries(string text) => [.. text.Split('\n').Where(l => l.StartsWith("- ", StringComparison.Ordinal))];

    [Fact]
    public void Every_section_of_the_whole_changelog_is_that_versions_notes_and_unreleased_is_changelog_unreleased()
    {
        using var repo = MergedHistory();
        var whole = repo.Slipway("changelog", "--template", "seed");
        Expect.Success(whole);
        var sections = Sections(whole.StandardOutput);
        Assert.Equal(["Unreleased", "v1.2.0", "v1.1.0", "v1.1.0-rc.1", "v1.0.0"], sections.Keys);
        foreach (var (name, entries) in sections)
        {
            var expected = name == "Unreleased"
                ? repo.Slipway("changelog", "--unreleased", "--template", "seed")
                : repo.Slipway("notes", name, "--template", "seed");
            Expect.Success(expected);
            Assert.Equal(Entries(expected.StandardOutput), entries);
        }

        // And each is git's own range: v1.1.0 cannot reach the branch's commit, v1.2.0 holds it (and v1.1.0's are not in it).
        Assert.DoesNotContain(sections["v1.1.0"], l => l.Contains("from the branch", StringComparison.Ordinal));
        Assert.Equal(int.Parse(repo.Git("rev-list", "--no-merges", "--count", "v1.1.0..v1.2.0"), CultureInfo.InvariantCulture), sections["v1.2.0"].Count);
        Assert.Equal(int.Parse(repo.Git("rev-list", "--no-merges", "--count", "v1.0.0..v1.1.0"), CultureInfo.InvariantCulture), sections["v1.1.0"].Count);
        Assert.Contains(sections["v1.2.0"], l => l.Contains("from the branch", StringComparison.Ordinal));
        Assert.Equal(["- docs: unreleased (" + repo.Head[..7] + ")"], sections["Unreleased"]);
    }

    [Fact]
    public void Write_creates_a_changelog_whose_sections_are_the_notes()
    {
        using var repo = MergedHistory();
        Expect.Success(repo.Slipway("changelog", "--write"));
        var file = repo.ReadFile("CHANGELOG.md");
        var v110 = file[file.IndexOf("## [1.1.0] - ", StringComparison.Ordinal)..file.IndexOf("## [1.1.0-rc.1]", StringComparison.Ordinal)];
        Assert.DoesNotContain("from the branch", v110, StringComparison.Ordinal);
        Assert.Contains("on main again", v110, StringComparison.Ordinal);
    }

    [Fact]
    public void A_release_moves_the_entries_changelog_write_put_under_unreleased_and_keeps_a_persons_notes()
    {
        using var remote = new BareRemote();
        using var repo = new GitRepo();
        repo.Git("remote", "add", "origin", remote.Url);
        repo.WriteFile("slipway.yml", "changelog:\n  file: CHANGELOG.md\n");
        repo.Commit("feat: first");
        repo.Tag("v1.0.0");
        repo.Commit("feat: dark mode");
        repo.Commit("fix: the crash");
        Expect.Success(repo.Slipway("changelog", "--write"));
        var written = repo.ReadFile("CHANGELOG.md");
        Assert.Contains("- dark mode (", written, StringComparison.Ordinal);
        repo.WriteFile("CHANGELOG.md", written.Replace("## [Unreleased]\n", "## [Unreleased]\n\nA note by a person.\n", StringComparison.Ordinal));
        repo.Commit("docs: changelog");

        Expect.Success(repo.Slipway("release", "minor", "--yes"));
        var file = repo.ReadFile("CHANGELOG.md");
        var unreleased = file[file.IndexOf("## [Unreleased]", StringComparison.Ordinal)..file.IndexOf("## [1.1.0]", StringComparison.Ordinal)];
        Assert.Equal("## [Unreleased]\n\nA note by a person.\n\n", unreleased);
        Assert.Equal(1, file.Split("- dark mode (").Length - 1);
        Assert.Equal(1, file.Split("- the crash (").Length - 1);
        Assert.Equal(string.Empty, repo.Git("status", "--porcelain"));
    }
}
