using Slipway.Core.Versioning;

namespace Slipway.Tests.Core;

public sealed class SemanticVersionTests
{
    [Theory]
    [InlineData("1.2.3", BumpKind.Patch, "1.2.4")]
    [InlineData("1.2.3", BumpKind.Minor, "1.3.0")]
    [InlineData("1.2.3", BumpKind.Major, "2.0.0")]
    [InlineData("1.3.0-rc.2", BumpKind.Minor, "1.3.0")]
    [InlineData("1.3.0-rc.2", BumpKind.Patch, "1.3.0")]
    [InlineData("2.0.0-rc.1", BumpKind.Major, "2.0.0")]
    [InlineData("1.2.3+build.5", BumpKind.Patch, "1.2.4")]
    [InlineData("0.0.0", BumpKind.Patch, "0.0.1")]
    public void Increment_gives_the_next_version(string from, BumpKind kind, string expected) =>
        Assert.Equal(expected, SemanticVersion.Parse(from).Increment(kind).ToString());

    [Fact]
    public void Numeric_prerelease_identifiers_beyond_long_still_compare_numerically() =>
        Assert.True(SemanticVersion.Parse("1.0.0-99999999999999999999") > SemanticVersion.Parse("1.0.0-9999999999999999999"));

    [Fact]
    public void Versions_that_differ_only_in_build_metadata_have_equal_precedence_but_are_not_equal()
    {
        var a = SemanticVersion.Parse("1.0.0+a");
        var b = SemanticVersion.Parse("1.0.0+b");
        Assert.Equal(0, a.CompareTo(b));
        Assert.NotEqual(a, b);
    }
}
