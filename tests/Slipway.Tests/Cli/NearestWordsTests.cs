using Slipway.Cli.Usage;

namespace Slipway.Tests.Cli;

/// <summary>The "did you mean" of a mistyped command or option: a few edits away or begun by what was typed, the closest only.</summary>
public sealed class NearestWordsTests
{
    private static readonly string[] Commands =
        ["version", "plan", "release", "publish", "deploy", "promote", "rollback", "status", "history", "changelog", "notes", "image", "ci"];

    [Theory]
    [InlineData("relase", "release")]
    [InlineData("releas", "release")]
    [InlineData("stauts", "status")]
    [InlineData("histroy", "history")]
    [InlineData("chnagelog", "changelog")]
    [InlineData("PLAN", "plan")]
    [InlineData("rel", "release")]
    [InlineData("promot", "promote")]
    public void A_typo_of_a_command_finds_it(string typed, string expected) =>
        Assert.Equal([expected], NearestWords.Find(typed, Commands));

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("init")]
    [InlineData("x")]
    public void A_word_like_no_command_finds_nothing(string typed) =>
        Assert.Empty(NearestWords.Find(typed, Commands));

    [Fact]
    public void An_option_typo_finds_the_option() =>
        Assert.Equal(["--json"], NearestWords.Find("--jsn", ["--json", "--bump", "--pre", "--verbose", "--help", "-h", "-v"]));

    [Fact]
    public void A_single_letter_finds_nothing() =>
        Assert.Empty(NearestWords.Find("-x", ["-h", "-v", "--json"]));

    [Fact]
    public void Equally_near_words_are_all_given_in_order() =>
        Assert.Equal(["tag", "tags"], NearestWords.Find("tagz", ["tags", "image", "tag"]));

    [Theory]
    [InlineData("release", "release", 0)]
    [InlineData("relase", "release", 1)]
    [InlineData("stauts", "status", 1)]
    [InlineData("plan", "", 4)]
    [InlineData("kitten", "sitting", 3)]
    public void Distance_counts_edits_with_a_swap_as_one(string a, string b, int expected) =>
        Assert.Equal(expected, NearestWords.Distance(a, b));
}
