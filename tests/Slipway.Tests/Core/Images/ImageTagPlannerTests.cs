using Slipway.Core.Errors;
using Slipway.Core.Images;
using Slipway.Core.Versioning;

namespace Slipway.Tests.Core.Images;

/// <summary>The seed's tag rules through the planner: which tags a build gets, and which floating tags it must not take.</summary>
public sealed class ImageTagPlannerTests
{
    private const string Sha = "4f2c1ab9d0e8c7b6a5f4e3d2c1b0a9f8e7d6c5b4";
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 7, 0, 0, TimeSpan.Zero);
    private static readonly ImageTagRules Seed = new() { Images = [new ImageName("ghcr.io/tefj-fun/agent_bus")] };

    private static ImageBuildContext TagPush(string tag) => new()
    {
        EventName = "push",
        Ref = $"refs/tags/{tag}",
        Sha = Sha,
        DefaultBranch = "main",
        EventDefaultBranch = "main",
        TagBranch = "main",
        Now = Now,
        SourceUrl = "https://github.com/tefj-fun/agent_bus",
    };

    private static SemanticVersion[] Released(params string[] versions) => [.. versions.Select(SemanticVersion.Parse)];

    [Fact]
    public void Highest_release_gets_every_seed_tag_with_the_release_branch_in_the_sha_tag()
    {
        var set = ImageTagPlanner.Plan(Seed, TagPush("v1.3.0"), SemanticVersion.Parse("1.3.0"), Released("1.2.0", "1.2.1"));

        Assert.Equal(["v1.3.0", "v1.3", "v1", "main-4f2c1ab", "latest"], set.TagNames);
        Assert.Equal("v1.3.0", set.Version);
        Assert.Equal("ghcr.io/tefj-fun/agent_bus:v1.3.0", set.References[0]);
        Assert.Empty(set.Withheld);
    }

    [Fact]
    public void Patch_on_an_older_line_does_not_move_v1_or_latest()
    {
        var set = ImageTagPlanner.Plan(Seed, TagPush("v1.1.5"), SemanticVersion.Parse("1.1.5"), Released("1.0.0", "1.1.4", "1.2.0"));

        Assert.Equal(["v1.1.5", "v1.1", "main-4f2c1ab"], set.TagNames);
        Assert.False(set.Latest);
        Assert.Equal(["v1", "latest"], set.Withheld.Select(w => w.Tag));
        Assert.All(set.Withheld, w => Assert.Contains("1.2.0 is higher", w.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_patch_from_the_release_4_1_line_keeps_v4_and_latest_on_4_2_0()
    {
        var set = ImageTagPlanner.Plan(Seed, TagPush("v4.1.1") with { TagBranch = "release-4.1" }, SemanticVersion.Parse("4.1.1"), Released("4.1.0", "4.2.0"));

        Assert.Equal(["v4.1.1", "v4.1", "release-4.1-4f2c1ab"], set.TagNames);
        Assert.False(set.Latest);
        Assert.Equal(["v4", "latest"], set.Withheld.Select(w => w.Tag));
        Assert.All(set.Withheld, w => Assert.Contains("4.2.0 is higher", w.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_release_of_the_1_x_line_moves_v1_but_not_latest_once_2_0_0_is_out()
    {
        var set = ImageTagPlanner.Plan(Seed, TagPush("v1.5.1") with { TagBranch = "1.x" }, SemanticVersion.Parse("1.5.1"), Released("1.5.0", "2.0.0"));

        Assert.Equal(["v1.5.1", "v1.5", "v1", "1.x-4f2c1ab"], set.TagNames);
        Assert.Equal(["latest"], set.Withheld.Select(w => w.Tag));
    }

    [Fact]
    public void Patch_below_a_newer_patch_of_its_minor_gets_only_its_exact_tag()
    {
        var set = ImageTagPlanner.Plan(Seed, TagPush("v1.1.3"), SemanticVersion.Parse("1.1.3"), Released("1.1.5", "1.2.0"));

        Assert.Equal(["v1.1.3", "main-4f2c1ab"], set.TagNames);
    }

    [Fact]
    public void Prerelease_gets_only_its_exact_tag()
    {
        var set = ImageTagPlanner.Plan(Seed, TagPush("v1.3.0-rc.1"), SemanticVersion.Parse("1.3.0-rc.1"), Released("1.2.0"));

        Assert.Equal(["v1.3.0-rc.1", "main-4f2c1ab"], set.TagNames);
        Assert.False(set.Latest);
    }

    [Fact]
    public void Existing_prereleases_do_not_hold_floating_tags()
    {
        var set = ImageTagPlanner.Plan(Seed, TagPush("v1.2.1"), SemanticVersion.Parse("1.2.1"), Released("1.2.0", "1.3.0-rc.1", "2.0.0-beta.1"));

        Assert.Equal(["v1.2.1", "v1.2", "v1", "main-4f2c1ab", "latest"], set.TagNames);
    }

    [Fact]
    public void Re_running_a_release_keeps_its_floating_tags()
    {
        var set = ImageTagPlanner.Plan(Seed, TagPush("v1.3.0"), SemanticVersion.Parse("1.3.0"), Released("1.2.0", "1.3.0"));

        Assert.Contains("latest", set.TagNames);
        Assert.Contains("v1", set.TagNames);
    }

    [Fact]
    public void Promotion_of_a_branch_build_uses_the_given_version()
    {
        var context = TagPush("x") with { Ref = "refs/heads/main", TagBranch = null };

        var set = ImageTagPlanner.Plan(Seed, context, SemanticVersion.Parse("1.3.0"), Released("1.2.0"));

        Assert.Equal(["v1.3.0", "v1.3", "v1", "main-4f2c1ab", "latest"], set.TagNames);
    }

    [Fact]
    public void Branch_build_that_is_not_a_release_gets_only_its_branch_and_sha_tag()
    {
        var context = TagPush("x") with { Ref = "refs/heads/main", TagBranch = null };

        var set = ImageTagPlanner.Plan(Seed, context, version: null, Released("1.2.0"));

        Assert.Equal(["main-4f2c1ab"], set.TagNames);
        Assert.False(set.Latest);
    }

    [Fact]
    public void Labels_carry_version_revision_source_and_creation_time()
    {
        var set = ImageTagPlanner.Plan(Seed with { Labels = ["org.opencontainers.image.vendor=Tefj", "built.from={{branch}}"] },
            TagPush("v1.3.0"), SemanticVersion.Parse("1.3.0"), []);

        var labels = set.Labels.ToDictionary(l => l.Key, l => l.Value);
        Assert.Equal("v1.3.0", labels["org.opencontainers.image.version"]);
        Assert.Equal(Sha, labels["org.opencontainers.image.revision"]);
        Assert.Equal("https://github.com/tefj-fun/agent_bus", labels["org.opencontainers.image.source"]);
        Assert.Equal("2026-11-26T07:00:00.000Z", labels["org.opencontainers.image.created"]);
        Assert.Equal("Tefj", labels["org.opencontainers.image.vendor"]);
        Assert.Equal("main", labels["built.from"]);
        Assert.Equal(set.Labels.Select(l => l.Key).Order(StringComparer.Ordinal), set.Labels.Select(l => l.Key));
    }

    [Theory]
    [InlineData("type=semver")]
    [InlineData("type=nightly")]
    [InlineData("type=ref,event=push")]
    [InlineData("type=sha,format=medium")]
    [InlineData("type=match,pattern=(,group=1")]
    [InlineData("type=raw,value={{#if branch}}x{{/if}}")]
    [InlineData("type=raw,value=x,enable=maybe")]
    public void Bad_rule_is_a_usage_error_that_quotes_it(string line)
    {
        var error = Assert.Throws<SlipwayException>(() =>
            ImageTagPlanner.Plan(Seed with { Tags = ImageTagRules.Parse(line) }, TagPush("v1.0.0"), null, []));

        Assert.Equal(ExitCode.Usage, error.Error.Code);
        Assert.DoesNotContain('\n', error.Error.OneLine());
    }
}
