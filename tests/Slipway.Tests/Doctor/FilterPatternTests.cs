using Slipway.Core.Doctor;

namespace Slipway.Tests.Doctor;

/// <summary>GitHub's filter pattern rules (docs.github.com, "Filter pattern cheat sheet"), as doctor matches the next tag against on.push.tags.</summary>
public sealed class FilterPatternTests
{
    [Theory]
    [InlineData("v*.*.*", "v1.2.3", true)]
    [InlineData("v*.*.*", "1.2.3", false)]
    [InlineData("v*.*.*", "v1.2", false)]
    [InlineData("v*.*.*", "v1.2.3-rc.1", true)]
    [InlineData("[0-9]*.[0-9]*.[0-9]*", "1.2.3", true)]
    [InlineData("[0-9]*.[0-9]*.[0-9]*", "v1.2.3", false)]
    [InlineData("v[12].[0-9]+.[0-9]+", "v1.10.3", true)]
    [InlineData("v[12].[0-9]+.[0-9]+", "v3.1.0", false)]
    [InlineData("v[12].[0-9]+.[0-9]+", "v1..0", false)]
    [InlineData("v2*", "v2/1", false)]
    [InlineData("v2**", "v2/1", true)]
    [InlineData("v1.?0", "v10", true)]
    [InlineData("v1.?0", "v1.0", true)]
    [InlineData("v1.?0", "v1..0", false)]
    [InlineData("release\\*", "release*", true)]
    [InlineData("release\\*", "release1", false)]
    [InlineData("app/v*", "app/v1.0.0", true)]
    [InlineData("v1.2.3", "v1x2y3", false)]
    public void A_pattern_matches_a_whole_tag_by_GitHubs_rules(string pattern, string tag, bool matches) =>
        Assert.Equal(matches, FilterPattern.Parse(pattern).Matches(tag));

    [Fact]
    public void A_negative_pattern_excludes_what_the_patterns_before_it_matched()
    {
        string[] tags = ["v*", "!v*-rc*"];

        Assert.True(FilterPattern.TagStarts(tags, null, filtersBranches: false, "v1.2.3"));
        Assert.False(FilterPattern.TagStarts(tags, null, filtersBranches: false, "v1.2.3-rc.1"));
        Assert.True(FilterPattern.TagStarts(["v*", "!v*-rc*", "v*-rc.9"], null, filtersBranches: false, "v1.2.3-rc.9"));
    }

    [Fact]
    public void Without_a_tag_filter_every_tag_starts_the_workflow_unless_it_filters_branches()
    {
        Assert.True(FilterPattern.TagStarts(null, null, filtersBranches: false, "v1.2.3"));
        Assert.False(FilterPattern.TagStarts(null, null, filtersBranches: true, "v1.2.3"));
        Assert.False(FilterPattern.TagStarts(null, ["v*"], filtersBranches: false, "v1.2.3"));
        Assert.True(FilterPattern.TagStarts(null, ["nightly*"], filtersBranches: false, "v1.2.3"));
    }
}
