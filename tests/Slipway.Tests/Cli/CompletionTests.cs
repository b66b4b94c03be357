using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Cli;

/// <summary>Shell completion: System.CommandLine's [suggest] directive, and the README's bash lines run in a real bash.</summary>
public sealed class CompletionTests
{
    [Theory]
    [InlineData("slipway rel", "release")]
    [InlineData("slipway stat", "status")]
    [InlineData("slipway release --dr", "--dry-run")]
    [InlineData("slipway plan --js", "--json")]
    [InlineData("slipway image pro", "promote")]
    [InlineData("slipway ci im", "image-tags")]
    [InlineData("/usr/local/bin/slipway rel", "release")]
    public void The_suggest_directive_completes_the_word_at_the_cursor(string line, string expected)
    {
        using var dir = new TempDirectory();
        var result = SlipwayCli.Run(dir.Path, $"[suggest:{line.Length}]", line);
        Expect.Success(result);
        Assert.Equal([expected], Lines(result.StandardOutput));
    }

    [Fact]
    public void After_a_command_the_suggestions_are_its_values_and_options()
    {
        using var dir = new TempDirectory();
        var result = SlipwayCli.Run(dir.Path, "[suggest:16]", "slipway release ");
        Expect.Success(result);
        var words = Lines(result.StandardOutput);
        Assert.Subset(words.ToHashSet(), new HashSet<string> { "auto", "patch", "minor", "major", "--dry-run", "--yes", "--pre", "--no-push", "--help", "--verbose" });
        Assert.DoesNotContain("plan", words);
    }

    [Fact]
    public void At_the_top_the_suggestions_are_every_command()
    {
        using var dir = new TempDirectory();
        var result = SlipwayCli.Run(dir.Path, "[suggest:8]", "slipway ");
        Expect.Success(result);
        Assert.Subset(Lines(result.StandardOutput).ToHashSet(), new HashSet<string>
        {
            "version", "plan", "release", "publish", "deploy", "promote", "rollback", "status", "history", "changelog", "notes", "image", "ci",
        });
    }

    [Theory]
    [InlineData("slipway rel", new[] { "release" })]
    [InlineData("slipway release --dr", new[] { "--dry-run" })]
    [InlineData("slipway image ", new[] { "--help", "--verbose", "-h", "-v", "promote", "scan", "tags" })]
    public void The_bash_lines_in_the_README_complete_in_bash(string line, string[] expected)
    {
        using var dir = new TempDirectory();
        // `slipway` on PATH, as an installed tool is.
        var bin = Directory.CreateDirectory(Path.Combine(dir.Path, "bin")).FullName;
        var slipway = Path.Combine(bin, "slipway");
        File.WriteAllText(slipway, $"#!/bin/sh\nexec dotnet '{Path.Combine(AppContext.BaseDirectory, "slipway.dll")}' \"$@\"\n");
        File.SetUnixFileMode(slipway, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var snippet = Path.Combine(dir.Path, "completion.bash");
        File.WriteAllText(snippet, ReadmeBlock("bash"));

        var script = """
            source "$1"
            COMP_LINE="$2"; COMP_POINT=${#2}
            read -ra COMP_WORDS <<< "$2"; COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            [ "${2: -1}" = " " ] && COMP_CWORD=${#COMP_WORDS[@]} && COMP_WORDS+=("")
            complete -p slipway >/dev/null
            _slipway slipway "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\n' "${COMPREPLY[@]}"
            """;
        var result = Run.Process("bash", ["-c", script, "bash", snippet, line], dir.Path,
            new Dictionary<string, string?> { ["PATH"] = bin + ":" + Environment.GetEnvironmentVariable("PATH") });
        Expect.Success(result);
        Assert.Equal(expected, Lines(result.StandardOutput).Order(StringComparer.Ordinal));
    }

    /// <summary>The first ```LANGUAGE block of the README's "Shell completion" section.</summary>
    private static string ReadmeBlock(string language)
    {
        var readme = File.ReadAllText(SourceTree.Path("README.md")).ReplaceLineEndings("\n");
        var section = readme[readme.IndexOf("\n### Shell completion\n", StringComparison.Ordinal)..];
        var start = section.IndexOf($"\n```{language}\n", StringComparison.Ordinal) + language.Length + 5;
        return section[start..section.IndexOf("\n```\n", start, StringComparison.Ordinal)] + "\n";
    }

    private static List<string> Lines(string output) => [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
