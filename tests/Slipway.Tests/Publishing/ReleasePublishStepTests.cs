using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Publishing;

/// <summary>`slipway release` ends with publish when release.github is configured, and a re-run after a failed publish only publishes.</summary>
public sealed class ReleasePublishStepTests
{
    private const string Config = "release:\n  github: { repo: acme/app }\n";

    private static ReleasedRepo Setup(string config = Config)
    {
        var setup = new ReleasedRepo(config);
        setup.Release("1.2.0", "feat: first");
        setup.Repo.Commit("feat: second");
        return setup;
    }

    private static RunResult Release(ReleasedRepo setup, IReadOnlyDictionary<string, string?>? environment = null) =>
        setup.Repo.Slipway(environment ?? setup.Api.Environment, "release", "minor", "--yes");

    [Fact]
    public void Release_tags_pushes_and_publishes_the_GitHub_release()
    {
        using var setup = Setup();

        var result = Release(setup);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("v1.3.0", setup.Remote.Tags().Keys);
        var release = Assert.Single(setup.Api.Releases);
        Assert.Equal("v1.3.0", release.TagName);
        Assert.Contains("- second (", release.Body, StringComparison.Ordinal);
        Assert.Contains("> publish: create or update the GitHub release v1.3.0", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_re_run_after_a_failed_publish_only_publishes()
    {
        using var setup = Setup();
        setup.Api.Fail("repos/create-release", 403, message: "Resource not accessible by integration");

        var failed = Release(setup);
        var tagged = setup.Remote.Tags()["v1.3.0"];
        var rerun = Release(setup);

        Assert.Equal(3, failed.ExitCode);
        Assert.Contains("lacks the contents: write permission", failed.StandardError, StringComparison.Ordinal);
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Contains("- tag: already done", rerun.StandardError, StringComparison.Ordinal);
        Assert.Contains("- push: already done", rerun.StandardError, StringComparison.Ordinal);
        Assert.Contains("> publish:", rerun.StandardError, StringComparison.Ordinal);
        Assert.Equal(tagged, setup.Remote.Tags()["v1.3.0"]);
        Assert.Equal(["v1.2.0", "v1.3.0"], setup.Remote.Tags().Keys.Order(StringComparer.Ordinal));
        Assert.Equal("v1.3.0", Assert.Single(setup.Api.Releases).TagName);
    }

    [Fact]
    public void A_third_run_finds_everything_done()
    {
        using var setup = Setup();
        Release(setup);

        var again = Release(setup);

        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal("v1.3.0 is already released", again.StandardOutput.Trim());
        Assert.Single(setup.Api.Requests, r => r.OperationId == "repos/create-release");
        Assert.DoesNotContain(setup.Api.Requests, r => r.OperationId == "repos/update-release");
    }

    [Fact]
    public void Without_release_github_release_does_not_call_GitHub()
    {
        using var setup = Setup(config: "branch: main\n");

        var result = Release(setup);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(setup.Api.Requests);
        Assert.Contains("- publish: skipped", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Release_without_a_token_fails_before_it_tags_anything()
    {
        using var setup = Setup();
        var environment = setup.Api.Environment;
        environment["GITHUB_TOKEN"] = null;

        var result = Release(setup, environment);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("slipway: no GitHub token", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("v1.3.0", setup.Repo.Git("tag", "--list"), StringComparison.Ordinal);
        Assert.DoesNotContain("v1.3.0", setup.Remote.Tags().Keys);
    }
}
