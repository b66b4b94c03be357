using Slipway.Adapters.Actions;
using Slipway.Cli.Output;

namespace Slipway.Tests.Adapters;

/// <summary>What a command learns from the GitHub Actions run it is part of (its environment variables and event file), without a process.</summary>
public sealed class ActionsContextTests
{
    private static ActionsContext Run(params (string Name, string Value)[] variables)
    {
        var set = variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return ActionsContext.From(name => set.GetValueOrDefault(name));
    }

    [Fact]
    public void Outside_Actions_there_is_no_run_no_tag_no_page_and_the_project_is_the_folder()
    {
        var local = Run();

        Assert.False(local.InActions);
        Assert.False(local.HasEvent);
        Assert.Null(local.PushedTag);
        Assert.Null(local.RunUrl);
        Assert.Null(local.RepositoryUrl);
        Assert.Equal("agent-bus", local.ProjectName("/home/me/src/agent-bus/"));
    }

    [Fact]
    public void A_tag_push_names_its_tag_by_ref_name_or_by_ref()
    {
        Assert.Equal("v1.3.0", Run(("GITHUB_REF_TYPE", "tag"), ("GITHUB_REF_NAME", "v1.3.0"), ("GITHUB_REF", "refs/tags/v1.3.0")).PushedTag);
        Assert.Equal("api-v2.0.0", Run(("GITHUB_REF", "refs/tags/api-v2.0.0")).PushedTag);
        Assert.Null(Run(("GITHUB_REF_TYPE", "branch"), ("GITHUB_REF_NAME", "main"), ("GITHUB_REF", "refs/heads/main")).PushedTag);
    }

    [Fact]
    public void A_run_has_a_page_and_the_project_is_the_repository_name()
    {
        var run = Run(("GITHUB_ACTIONS", "true"), ("GITHUB_SERVER_URL", "https://ghe.example/"), ("GITHUB_REPOSITORY", "acme/agent-bus"),
            ("GITHUB_RUN_ID", "42"), ("GITHUB_ACTOR", "octocat"), ("GITHUB_EVENT_NAME", "push"));

        Assert.True(run.InActions);
        Assert.True(run.HasEvent);
        Assert.Equal("https://ghe.example/acme/agent-bus/actions/runs/42", run.RunUrl);
        Assert.Equal("https://ghe.example/acme/agent-bus", run.RepositoryUrl);
        Assert.Equal("agent-bus", run.ProjectName("/work/checkout"));
        Assert.Equal("octocat", run.Actor);
    }

    [Fact]
    public void The_repository_page_defaults_to_github_com_and_a_repository_without_owner_is_not_a_project_name()
    {
        Assert.Equal("https://github.com/acme/app", Run(("GITHUB_REPOSITORY", "acme/app")).RepositoryUrl);
        Assert.Null(Run(("GITHUB_REPOSITORY", "acme/app"), ("GITHUB_RUN_ID", "7")).RunUrl);
        Assert.Equal("checkout", Run(("GITHUB_REPOSITORY", "app")).ProjectName("/work/checkout"));
    }

    [Fact]
    public void The_event_file_gives_the_default_branch_and_base_refs_and_a_missing_or_broken_one_gives_none()
    {
        var folder = Directory.CreateTempSubdirectory("slipway-event-");
        try
        {
            var path = Path.Combine(folder.FullName, "event.json");
            File.WriteAllText(path, """{"repository":{"default_branch":"trunk"},"base_ref":"refs/heads/release/1.x","pull_request":{"base":{"ref":"main"}}}""");
            Assert.Equal(new GitHubEvent("trunk", "refs/heads/release/1.x", "main"), Run(("GITHUB_EVENT_PATH", path)).ReadEvent());

            File.WriteAllText(path, "{not json");
            Assert.Equal(GitHubEvent.None, Run(("GITHUB_EVENT_PATH", path)).ReadEvent());
            Assert.Equal(GitHubEvent.None, Run(("GITHUB_EVENT_PATH", Path.Combine(folder.FullName, "missing.json"))).ReadEvent());
            Assert.Equal(GitHubEvent.None, Run().ReadEvent());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData(null, null, false, true)]
    [InlineData("1", null, false, false)]
    [InlineData(null, "dumb", false, false)]
    [InlineData(null, "xterm", true, false)]
    public void Colour_only_on_a_terminal_without_NO_COLOR_or_a_dumb_TERM(string? noColor, string? term, bool redirected, bool colour)
    {
        var set = new Dictionary<string, string?>(StringComparer.Ordinal) { ["NO_COLOR"] = noColor, ["TERM"] = term };
        Assert.Equal(colour, Terminal.WantsColour(name => set.GetValueOrDefault(name), redirected));
    }
}
