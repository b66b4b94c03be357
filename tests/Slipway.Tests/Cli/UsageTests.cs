using Slipway.Cli;
using Slipway.Cli.Usage;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Cli;

/// <summary>
/// Usage errors are one line and exit 2, naming the wrong word and the nearest right ones; `slipway --help` is a short list and
/// each command's help has its examples; output has no colour when piped or under NO_COLOR.
/// </summary>
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
    [InlineData("'frobnicate' is not a `slipway` command; the commands are version, plan, release, publish, deploy, promote, rollback, status, history, metrics, changelog, notes, image, ci, init, schema, doctor or notify; see `slipway --help`", "frobnicate")]
    [InlineData("'checkup' is not a `slipway` command; the commands are version, plan,", "checkup")]
    [InlineData("'relase' is not a `slipway` command; did you mean `slipway release`? see `slipway --help`", "relase")]
    [InlineData("'stauts' is not a `slipway` command; did you mean `slipway status`?", "stauts")]
    [InlineData("'tags' is not a `slipway` command; did you mean `slipway image tags`?", "tags")]
    [InlineData("'help' is not a `slipway` command; did you mean `slipway --help`?", "help")]
    [InlineData("'hlep' is not a `slipway image` command; did you mean `slipway image --help`?", "image", "hlep")]
    [InlineData("'frob' is not a `slipway image` command; the commands are tags, promote or scan; see `slipway image --help`", "image", "frob")]
    [InlineData("'tag' is not a `slipway image` command; did you mean `slipway image tags`?", "image", "tag")]
    [InlineData("'frob' is not a `slipway ci` command; the commands are image-tags, release or release-pr; see `slipway ci --help`", "ci", "frob")]
    [InlineData("unknown option '--jsn' for `slipway plan`; did you mean --json? see `slipway plan --help`", "plan", "--jsn")]
    [InlineData("unknown option '--dryrun' for `slipway release`; did you mean --dry-run?", "release", "--dryrun")]
    [InlineData("unknown option '--verbsoe' for `slipway status`; did you mean --verbose?", "status", "--verbsoe")]
    [InlineData("unknown option '--bogus' for `slipway plan`; see `slipway plan --help`", "plan", "--bogus")]
    [InlineData("unknown option '-x' for `slipway plan`; see `slipway plan --help`", "plan", "-x")]
    [InlineData("unexpected argument 'staging' for `slipway status`; see `slipway status --help`", "status", "staging")]
    [InlineData("`slipway image` needs a command: tags, promote or scan; see `slipway image --help`", "image")]
    [InlineData("`slipway` needs a command: version, plan,", new string[0])]
    public void An_unknown_word_is_named_with_the_nearest_commands_or_options(string message, params string[] args)
    {
        using var dir = new TempDirectory();
        var line = Expect.OneLineError(SlipwayCli.Run(dir.Path, args), 2);
        Assert.StartsWith("slipway: " + message, line, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_word_holding_control_characters_stays_one_line()
    {
        using var dir = new TempDirectory();
        var line = Expect.OneLineError(SlipwayCli.Run(dir.Path, "rel\nease\u001b[31m"), 2, "is not a `slipway` command");
        Assert.DoesNotContain("\u001b", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void The_top_level_help_is_a_short_list_of_the_commands(string option)
    {
        using var dir = new TempDirectory();
        var result = SlipwayCli.Run(dir.Path, option);
        Expect.Success(result);
        var help = result.StandardOutput;
        Assert.InRange(help.Split('\n').Length, 10, 41);
        Assert.DoesNotContain("Example", help, StringComparison.Ordinal);
        Assert.Contains("Usage: slipway <command> [options]", help, StringComparison.Ordinal);
        Assert.Contains("\n  release [auto|patch|minor|major]  ", help, StringComparison.Ordinal);
        Assert.Contains("\n  deploy <environment> [version]  ", help, StringComparison.Ordinal);
        Assert.Contains("\n  promote <from> <to>  ", help, StringComparison.Ordinal);
        Assert.Contains("\n  image tags [version]  ", help, StringComparison.Ordinal);
        Assert.Contains("\n  notes <version>  ", help, StringComparison.Ordinal);
        Assert.Contains("\n  status  ", help, StringComparison.Ordinal);
        Assert.Contains("Run `slipway <command> --help` for a command's options and examples.", help, StringComparison.Ordinal);
        foreach (var (_, path) in CommandPath.Descendants(CommandTree.Create()).Where(d => d.Command.Subcommands.Count == 0))
        {
            Assert.Contains("\n  " + path["slipway ".Length..] + " ", help, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("image", "tags [version]", "promote <source>", "scan [version]")]
    [InlineData("ci", "image-tags [version]")]
    public void A_command_with_commands_under_it_lists_them_in_its_help(string command, params string[] lines)
    {
        using var dir = new TempDirectory();
        var result = SlipwayCli.Run(dir.Path, command, "--help");
        Expect.Success(result);
        Assert.Contains($"Usage: slipway {command} <command> [options]", result.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("Example", result.StandardOutput, StringComparison.Ordinal);
        foreach (var line in lines)
        {
            Assert.Contains("\n  " + line + "  ", result.StandardOutput, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_command_list_has_a_summary_for_every_command()
    {
        var listed = CommandOverview.Groups.SelectMany(g => g.Commands).Select(c => c.Path).Order(StringComparer.Ordinal);
        var commands = CommandPath.Descendants(CommandTree.Create()).Where(d => d.Command.Subcommands.Count == 0).Select(d => d.Path).Order(StringComparer.Ordinal);
        Assert.Equal(commands, listed);
    }

    public static TheoryData<string> Commands() =>
        [.. CommandPath.Descendants(CommandTree.Create()).Where(d => d.Command.Subcommands.Count == 0).Select(d => d.Path["slipway ".Length..])];

    [Theory]
    [MemberData(nameof(Commands))]
    public void Every_command_has_its_usage_and_examples_in_its_own_help(string command)
    {
        using var dir = new TempDirectory();
        var result = SlipwayCli.Run(dir.Path, [.. command.Split(' '), "--help"]);
        Expect.Success(result);
        Assert.Contains($"Usage:\n  slipway {command}", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Example", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("--verbose", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StandardError);
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
