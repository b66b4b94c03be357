using Slipway.Adapters.Configuration;
using Slipway.Core.Setup;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Setup;

/// <summary>init's decisions from what a repository holds: found pieces become keys, missing ones comments, nothing guessed.</summary>
public sealed class ProjectDetectorTests
{
    [Fact]
    public void The_seed_repository_gets_its_image_chart_environments_and_version_files()
    {
        var layout = ProjectDetector.Detect(SeedSurvey.Create());
        var config = ConfigLoader.Parse(SlipwayConfigWriter.Write(layout, "https://example.com/slipway.schema.json"), "slipway.yml");

        Assert.Equal("main", config.Branch);
        Assert.Equal(["ghcr.io/tefj-fun/agent_bus"], config.Image.Names);
        Assert.Equal("tefj-fun/agent_bus", config.Release.GitHub?.Repo);
        Assert.Equal(Slipway.Core.Configuration.BumpStrategy.Conventional, config.Versioning.Bump);
        Assert.Equal("conventionalcommits", config.Versioning.Preset);
        Assert.Equal("CHANGELOG.md", config.Changelog.File);
        Assert.Equal(["pyproject.toml (project.version)", "helm/agent-bus/Chart.yaml (appVersion)"], config.BumpFiles.Select(f => f.Describe()).Order(StringComparer.Ordinal).Reverse());
        var staging = Assert.Single(config.Environments, e => e.Name == "staging");
        Assert.True(staging.OnRelease);
        Assert.Equal("agent-bus", staging.Helm!.Release);
        Assert.Equal("./helm/agent-bus", staging.Helm.Chart);
        Assert.Equal(["helm/agent-bus/values-staging.yaml"], staging.Helm.Values);
        Assert.Equal("agent-bus-staging", staging.Helm.Namespace);
        var production = Assert.Single(config.Environments, e => e.Name == "production");
        Assert.True(production.Requires.Approval);
        Assert.Equal("staging", production.Requires.PromotedFrom);
        Assert.Equal(["helm/agent-bus/values-prod.yaml"], production.Helm!.Values);
        Assert.Equal(Slipway.Core.Images.ImageTagRules.DefaultTags, config.Image.Tags);
    }

    [Fact]
    public void The_first_line_names_the_schema()
    {
        var text = SlipwayConfigWriter.Write(ProjectDetector.Detect(SeedSurvey.Create()), SlipwayProject.SchemaUrl("0.1.0+abc"));
        Assert.StartsWith($"# yaml-language-server: $schema=https://raw.githubusercontent.com/{SlipwayProject.GitHubRepository}/v0.1.0/slipway.schema.json\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repository_without_remote_Dockerfile_or_a_single_chart_gets_a_comment_for_each_missing_piece_and_no_guess()
    {
        var survey = new RepositorySurvey
        {
            Files = ["charts/a/Chart.yaml", "charts/a/values-staging.yaml", "deploy/b/Chart.yaml", "README.md"],
            CurrentBranch = "main",
            RecentCommitMessages = ["Initial commit"],
        };
        var layout = ProjectDetector.Detect(survey);
        var text = SlipwayConfigWriter.Write(layout, "x");
        var config = ConfigLoader.Parse(text, "slipway.yml");

        Assert.Empty(config.Image.Names);
        Assert.Null(config.Release.GitHub);
        Assert.Empty(config.Environments);
        Assert.Equal(Slipway.Core.Configuration.BumpStrategy.Manual, config.Versioning.Bump);
        Assert.Contains("# no git remote: add one", text, StringComparison.Ordinal);
        Assert.Contains("# no Dockerfile: no image is built", text, StringComparison.Ordinal);
        Assert.Contains("# 2 Helm charts (\"charts/a\", \"deploy/b\"): add environments: by hand", text, StringComparison.Ordinal);
        Assert.Contains("# 1 commit(s) are too few to tell", text, StringComparison.Ordinal);
        Assert.Null(ProductionWorkflowWriter.Write(layout, WorkflowSettings.For("0.1.0")));
    }

    [Fact]
    public void A_remote_that_is_not_on_GitHub_is_said_and_the_image_is_not_named()
    {
        var layout = ProjectDetector.Detect(SeedSurvey.Create(remoteUrl: "https://gitlab.example.com/acme/app.git"));
        Assert.Null(layout.GitHub);
        Assert.Null(layout.Image);
        Assert.Contains(layout.Notes, n => n.Text.StartsWith("the URL of the remote \"origin\" does not name a GitHub repository", StringComparison.Ordinal));
        Assert.Contains(layout.Notes, n => n.Text.StartsWith("no GitHub repository to name the image after", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(10, 0, true)]
    [InlineData(8, 2, true)]
    [InlineData(7, 3, false)]
    [InlineData(2, 0, false)]
    public void Conventional_bumps_when_at_least_three_quarters_of_the_recent_commits_are_Conventional_Commits(int conventional, int other, bool expected)
    {
        var layout = ProjectDetector.Detect(SeedSurvey.Create(conventional: conventional, other: other));
        Assert.Equal(expected, layout.Versioning.Conventional);
        Assert.Equal(conventional + other, layout.Versioning.Examined);
    }

    [Fact]
    public void Release_As_footers_choose_the_release_please_preset()
    {
        var survey = SeedSurvey.Create() with { RecentCommitMessages = ["feat: a", "fix: b\n\nRelease-As: 2.0.0", "chore: c", "feat: d"] };
        var config = ConfigLoader.Parse(SlipwayConfigWriter.Write(ProjectDetector.Detect(survey), "x"), "slipway.yml");
        Assert.Equal("release-please", config.Versioning.Preset);
    }

    [Fact]
    public void Bare_version_tags_give_an_empty_tag_prefix_and_tag_rules_without_v()
    {
        var survey = SeedSurvey.Create() with { TagNames = ["1.0.0", "1.1.0"] };
        var layout = ProjectDetector.Detect(survey);
        var config = ConfigLoader.Parse(SlipwayConfigWriter.Write(layout, "x"), "slipway.yml");
        Assert.Equal([""], config.Tag.Prefixes);
        Assert.Contains("type=semver,pattern={{version}}", config.Image.Tags, StringComparison.Ordinal);
        Assert.Equal(["[0-9]*.[0-9]*.[0-9]*"], WorkflowSettings.TagPatterns(layout.TagPrefixes));
    }

    [Fact]
    public void A_pyproject_without_a_static_version_is_a_note_not_a_bump_file()
    {
        var survey = SeedSurvey.Create() with { Texts = new Dictionary<string, string> { ["pyproject.toml"] = "[project]\nname = \"x\"\ndynamic = [\"version\"]\n" } };
        var layout = ProjectDetector.Detect(survey);
        Assert.DoesNotContain(layout.BumpFiles, f => f.Path == "pyproject.toml");
        Assert.Contains(layout.Notes, n => n.Text.StartsWith("\"pyproject.toml\" has no project.version", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(HostileInputs.RefNameCases), MemberType = typeof(HostileInputs))]
    public void A_hostile_branch_name_is_data_in_slipway_yml_or_left_out(int index)
    {
        var name = HostileInputs.RefNames[index];
        var layout = ProjectDetector.Detect(SeedSurvey.Create(branch: name));
        var text = SlipwayConfigWriter.Write(layout, "x");
        var config = ConfigLoader.Parse(text, "slipway.yml");
        Assert.Equal(layout.Branch ?? "main", config.Branch);
        Assert.True(layout.Branch is null || layout.Branch == name);
        foreach (var file in InitPlan.For(layout, "0.1.0").Files.Where(f => f.Path != SlipwayConfigWriter.FileName))
        {
            Assert.DoesNotContain(name.Length > 3 ? name : "\u0000never", file.Text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(HostileInputs.RefNameCases), MemberType = typeof(HostileInputs))]
    public void A_hostile_remote_URL_is_never_written_except_as_a_GitHub_owner_and_name(int index)
    {
        var hostile = HostileInputs.RefNames[index];
        foreach (var url in new[] { hostile, $"https://github.com/acme/{hostile}", $"git@github.com:{hostile}/app.git", $"https://example.com/{hostile}" })
        {
            var layout = ProjectDetector.Detect(SeedSurvey.Create(remoteUrl: url));
            var plan = InitPlan.For(layout, "0.1.0");
            var config = ConfigLoader.Parse(plan.Files[0].Text, "slipway.yml");
            Assert.True(config.Release.GitHub is null || config.Release.GitHub.Repo == $"{layout.GitHub!.Owner}/{layout.GitHub.Name}");
            foreach (var file in plan.Files)
            {
                Assert.DoesNotContain(url, file.Text, StringComparison.Ordinal);
            }
        }
    }
}
