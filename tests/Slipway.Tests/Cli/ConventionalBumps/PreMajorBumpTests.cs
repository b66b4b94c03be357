using System.Text.Json;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Cli.ConventionalBumps;

/// <summary>versioning.breaking_bumps_minor_before_1_0 and feat_bumps_patch_before_1_0 through the real CLI on real repositories.</summary>
public sealed class PreMajorBumpTests
{
    private const string BothOn = "versioning:\n  bump: conventional\n  preset: release-please\n"
        + "  breaking_bumps_minor_before_1_0: true\n  feat_bumps_patch_before_1_0: true\n";

    private static GitRepo RepoAt(string tag, string config)
    {
        var repo = new GitRepo();
        repo.WriteFile("slipway.yml", config);
        repo.Commit("chore: start");
        repo.Tag(tag);
        return repo;
    }

    [Fact]
    public void Plan_json_on_0_4_2_gives_0_5_0_for_a_breaking_change_and_says_which_setting_held_it_below_1_0_0()
    {
        using var repo = RepoAt("v0.4.2", BothOn);
        repo.Commit("fix: handle the edge");
        var sha = repo.Commit("feat!: drop the v1 endpoints");

        var plan = repo.Slipway("plan", "--json");

        Expect.Success(plan);
        var json = JsonDocument.Parse(plan.StandardOutput).RootElement;
        Assert.Equal("0.5.0", json.GetProperty("next").GetProperty("version").GetString());
        Assert.Equal("minor", json.GetProperty("bump").GetString());
        Assert.Equal($"minor: breaking change in {sha[..7]} since v0.4.2, a minor before 1.0.0 (preset release-please, versioning.breaking_bumps_minor_before_1_0)",
            json.GetProperty("reason").GetString());
        Assert.Contains($"Why       minor: breaking change in {sha[..7]} since v0.4.2, a minor before 1.0.0",
            repo.Slipway("plan").StandardOutput, StringComparison.Ordinal);
        Assert.Equal("0.5.0\n", repo.Slipway("version", "--next", "--bump", "auto").StandardOutput);
    }

    [Fact]
    public void Version_next_on_0_4_2_gives_0_4_3_for_a_feat_and_0_5_0_with_the_settings_off()
    {
        using var repo = RepoAt("v0.4.2", BothOn);
        repo.Commit("feat: add the flag");

        Assert.Equal("0.4.3\n", repo.Slipway("version", "--next", "--bump", "auto").StandardOutput);
        Assert.Contains("Why       patch: 1 feat since v0.4.2, a patch before 1.0.0 (preset release-please, versioning.feat_bumps_patch_before_1_0)",
            repo.Slipway("plan").StandardOutput, StringComparison.Ordinal);

        repo.WriteFile("slipway.yml", "versioning:\n  bump: conventional\n  preset: release-please\n");
        Assert.Equal("0.5.0\n", repo.Slipway("version", "--next", "--bump", "auto").StandardOutput);
        repo.Commit("feat!: drop the v1 endpoints");
        Assert.Equal("1.0.0\n", repo.Slipway("version", "--next", "--bump", "auto").StandardOutput);
    }

    [Theory]
    [InlineData("conventionalcommits", "feat!: drop the v1 endpoints")]
    [InlineData("angular", "fix: drop the v1 endpoints\n\nBREAKING CHANGE: v1 is gone")]
    public void The_semantic_release_presets_apply_the_settings_too(string preset, string breaking)
    {
        using var repo = RepoAt("v0.4.2", BothOn.Replace("release-please", preset, StringComparison.Ordinal));
        repo.Commit("feat: add the flag");
        Assert.Equal("0.4.3\n", repo.Slipway("version", "--next").StandardOutput);

        repo.Commit(breaking);
        Assert.Equal("0.5.0\n", repo.Slipway("version", "--next").StandardOutput);
    }

    [Fact]
    public void A_requested_major_and_a_Release_As_footer_still_reach_1_0_0()
    {
        using var repo = RepoAt("v0.4.2", BothOn);
        repo.Commit("feat!: drop the v1 endpoints");

        Assert.Equal("1.0.0\n", repo.Slipway("version", "--next", "--bump", "major").StandardOutput);
        Assert.Contains("Why       major requested on the command line", repo.Slipway("plan", "--bump", "major").StandardOutput, StringComparison.Ordinal);

        repo.Commit("chore: the stable API\n\nRelease-As: 1.0.0");
        Assert.Equal("1.0.0\n", repo.Slipway("version", "--next").StandardOutput);
    }

    [Fact]
    public void From_1_0_0_on_the_settings_change_nothing()
    {
        using var repo = RepoAt("v1.4.2", BothOn);
        repo.Commit("feat: add the flag");
        Assert.Equal("1.5.0\n", repo.Slipway("version", "--next").StandardOutput);

        repo.Commit("feat!: drop the v1 endpoints");
        Assert.Equal("2.0.0\n", repo.Slipway("version", "--next").StandardOutput);
    }

    [Fact]
    public void Release_auto_on_0_4_2_tags_and_pushes_0_5_0_for_a_breaking_change()
    {
        using var remote = new BareRemote();
        using var repo = RepoAt("v0.4.2", BothOn);
        repo.Git("remote", "add", "origin", remote.Url);
        repo.Git("push", "--quiet", "origin", "main", "v0.4.2");
        repo.Commit("feat!: drop the v1 endpoints");

        var release = repo.Slipway("release", "--yes");

        Expect.Success(release);
        Assert.Equal("released v0.5.0", release.StandardOutput.Trim());
        Assert.Equal(repo.Head, remote.Tags()["v0.5.0"]);
    }

    [Fact]
    public void The_readmes_release_please_example_releases_docs_as_a_patch_and_keeps_0_x_below_1_0_0()
    {
        using var repo = RepoAt("v0.4.2", ReadmeExample());
        repo.Commit("docs: explain the flag");
        Assert.Equal("0.4.3\n", repo.Slipway("version", "--next").StandardOutput);
        Assert.Contains("Why       patch: 1 docs since v0.4.2 (preset release-please with versioning.rules)",
            repo.Slipway("plan").StandardOutput, StringComparison.Ordinal);
        var changelog = repo.Slipway("changelog", "--unreleased");
        Expect.Success(changelog);
        Assert.Contains("### Documentation", changelog.StandardOutput, StringComparison.Ordinal);

        repo.Commit("feat: add the flag");
        Assert.Equal("0.4.3\n", repo.Slipway("version", "--next").StandardOutput);
        repo.Commit("feat!: drop the v1 endpoints");
        Assert.Equal("0.5.0\n", repo.Slipway("version", "--next").StandardOutput);
    }

    [Fact]
    public void A_setting_that_is_not_true_or_false_is_a_one_line_error_naming_file_line_and_key()
    {
        using var repo = RepoAt("v0.4.2", "versioning:\n  bump: conventional\n  feat_bumps_patch_before_1_0: sometimes\n");

        Expect.OneLineError(repo.Slipway("plan"), 2, "slipway.yml:3: versioning.feat_bumps_patch_before_1_0: 'sometimes' is not true or false");
    }

    /// <summary>The YAML block of the README's "Coming from release-please" example, as the README has it.</summary>
    private static string ReadmeExample()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Slipway.slnx")))
        {
            dir = dir.Parent;
        }

        var readme = File.ReadAllText(Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("Slipway.slnx not found above the tests"), "README.md"));
        var example = readme.IndexOf("For example, a 0.x project that releases `docs:` commits", StringComparison.Ordinal);
        Assert.True(example >= 0, "the README's release-please example is gone");
        var start = readme.IndexOf("```yaml\n", example, StringComparison.Ordinal) + "```yaml\n".Length;
        return readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
    }
}
