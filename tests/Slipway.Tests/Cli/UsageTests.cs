using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Cli;

/// <summary>Usage errors are one line and exit 2; help has examples; output has no colour when piped or under NO_COLOR.</summary>
public sealed class UsageTests
{
    [Theory]
    [InlineData("plan", "--bogus")]
    [InlineData("release", "huge")]
    [InlineData("plan", "--bump", "giant")]
    [InlineData("version", "--next", "--pre", "rc.1")]
    [InlineData("version", "--next", "--pre", "-x")]
    [InlineData("frobnicate")]
    public void A_usage_error_is_one_line_and_exit_2(params string[] args)
    {
        using var repo = new GitRepo();
        repo.Commit("fix: a");
        Expect.OneLineError(repo.Slipway(args), 2);
    }

    [Theory]
    [InlineData("version")]
    [InlineData("plan")]
    [InlineData("release")]
    public void Help_shows_examples(string command)
    {
        using var dir = new TempDirectory();
        var result = SlipwayCli.Run(dir.Path, command, "--help");
        Expect.Success(result);
        Assert.Contains("Examples:", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"slipway {command}", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Piped_output_has_no_colour_codes_even_without_NO_COLOR()
    {
        using var repo = new GitRepo();
        repo.Commit("fix: a");
        repo.WriteFile("dirty.txt", "x");
        var result = repo.Slipway(new Dictionary<string, string?> { ["NO_COLOR"] = null, ["TERM"] = "xterm-256color" }, "plan");
        Expect.Success(result);
        Assert.DoesNotContain("\u001b[", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", result.StandardError, StringComparison.Ordinal);
    }
}
