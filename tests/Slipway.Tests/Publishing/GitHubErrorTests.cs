using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Publishing;

/// <summary>Every way GitHub can say no becomes one line on stderr, the right exit code, and never the token.</summary>
public sealed class GitHubErrorTests
{
    private static readonly string Canary = "ghp_canary" + Guid.NewGuid().ToString("N");

    private static ReleasedRepo Setup()
    {
        var setup = new ReleasedRepo();
        setup.Api.Token = Canary;
        setup.Release("1.0.0", "feat: first");
        return setup;
    }

    private static void AssertOneLine(RunResult result, int exitCode, params string[] fragments)
    {
        Assert.True(result.ExitCode == exitCode, result.ToString());
        var lines = result.StandardError.TrimEnd('\n').Split('\n');
        Assert.True(lines.Length == 1, result.ToString());
        Assert.StartsWith("slipway: ", lines[0], StringComparison.Ordinal);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, lines[0], StringComparison.Ordinal);
        }

        Assert.DoesNotContain(Canary, result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void No_token_is_a_configuration_error_that_names_both_variables()
    {
        using var setup = Setup();
        var environment = setup.Api.Environment;
        environment["GITHUB_TOKEN"] = null;

        var result = setup.Publish(environment, "1.0.0");

        AssertOneLine(result, 2, "GITHUB_TOKEN and GH_TOKEN are not set", "contents: write");
        Assert.Empty(setup.Api.Requests);
    }

    [Fact]
    public void GH_TOKEN_is_used_when_GITHUB_TOKEN_is_not_set()
    {
        using var setup = Setup();
        var environment = setup.Api.Environment;
        environment["GITHUB_TOKEN"] = null;
        environment["GH_TOKEN"] = Canary;

        var result = setup.Publish(environment, "1.0.0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(setup.Api.Releases);
        Assert.All(setup.Api.Requests, r => Assert.Equal($"Bearer {Canary}", r.Authorization));
    }

    [Fact]
    public void A_rejected_token_is_a_401_that_says_which_permission_a_valid_one_needs()
    {
        using var setup = Setup();
        var environment = setup.Api.Environment;
        environment["GITHUB_TOKEN"] = Canary + "-expired";

        var result = setup.Publish(environment, "1.0.0");

        AssertOneLine(result, 3, "GitHub rejected the token (401: Bad credentials)", "GITHUB_TOKEN or GH_TOKEN", "contents: write");
        Assert.Empty(setup.Api.Releases);
    }

    [Fact]
    public void A_token_without_contents_write_gets_a_403_naming_the_permission()
    {
        using var setup = Setup();
        setup.Api.Fail("repos/create-release", 403, message: "Resource not accessible by integration");

        var result = setup.Publish("1.0.0");

        AssertOneLine(result, 3, "may not create the release v1.0.0 in acme/app", "Resource not accessible by integration", "lacks the contents: write permission", "permissions: contents: write");
        Assert.Empty(setup.Api.Releases);
    }

    [Fact]
    public void An_unknown_repository_is_a_404_naming_it()
    {
        using var setup = Setup();
        var environment = setup.Api.Environment;
        environment["GITHUB_REPOSITORY"] = "acme/elsewhere";

        var result = setup.Publish(environment, "1.0.0");

        AssertOneLine(result, 3, "404", "acme/elsewhere", "does not exist or the token cannot see it", "contents: write");
    }

    [Fact]
    public void A_server_error_is_retried_and_the_release_is_created_once()
    {
        using var setup = Setup();
        setup.Api.Fail("repos/create-release", 500);

        var result = setup.Publish("1.0.0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, setup.Api.Requests.Count(r => r.OperationId == "repos/create-release"));
        Assert.Single(setup.Api.Releases);
    }

    [Fact]
    public void Server_errors_that_persist_fail_after_a_bounded_number_of_tries()
    {
        using var setup = Setup();
        setup.Api.Fail("repos/list-releases", 502, times: 100);

        var result = setup.Publish("1.0.0");

        AssertOneLine(result, 1, "GitHub failed to list the releases of acme/app (502", "after 4 tries", "run the same command again");
        Assert.Equal(4, setup.Api.Requests.Count(r => r.OperationId == "repos/list-releases"));
    }

    [Fact]
    public void A_primary_rate_limit_is_waited_out_until_its_reset()
    {
        using var setup = Setup();
        var reset = DateTimeOffset.UtcNow.AddSeconds(1).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        setup.Api.Fail("repos/list-releases", 403, headers: new Dictionary<string, string> { ["x-ratelimit-remaining"] = "0", ["x-ratelimit-reset"] = reset },
            message: "API rate limit exceeded");

        var result = setup.Publish("1.0.0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, setup.Api.Requests.Count(r => r.OperationId == "repos/list-releases"));
        Assert.Single(setup.Api.Releases);
    }

    [Fact]
    public void A_429_is_retried_after_the_Retry_After_seconds()
    {
        using var setup = Setup();
        setup.Api.Fail("repos/create-release", 429, headers: new Dictionary<string, string> { ["Retry-After"] = "1" }, message: "secondary rate limit");

        var started = DateTime.UtcNow;
        var result = setup.Publish("1.0.0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, setup.Api.Requests.Count(r => r.OperationId == "repos/create-release"));
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(1), "the retry came before Retry-After");
    }

    [Fact]
    public void A_rate_limit_that_lifts_in_an_hour_fails_at_once_and_says_when()
    {
        using var setup = Setup();
        var reset = DateTimeOffset.UtcNow.AddHours(1);
        setup.Api.Fail("repos/list-releases", 403, headers: new Dictionary<string, string>
        {
            ["x-ratelimit-remaining"] = "0",
            ["x-ratelimit-reset"] = reset.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, message: "API rate limit exceeded");

        var result = setup.Publish("1.0.0");

        AssertOneLine(result, 1, "rate limit stopped list the releases of acme/app (403: API rate limit exceeded)", "lifts at", "UTC");
        Assert.Single(setup.Api.Requests, r => r.OperationId == "repos/list-releases");
    }

    [Fact]
    public void An_unreachable_API_is_one_line_after_bounded_retries()
    {
        using var setup = Setup();
        var environment = setup.Api.Environment;
        environment["GITHUB_API_URL"] = $"http://127.0.0.1:{FreePort.Next()}";

        var result = setup.Publish(environment, "1.0.0");

        AssertOneLine(result, 1, "cannot reach GitHub at 127.0.0.1", "after 4 tries", "GITHUB_API_URL");
    }

    [Fact]
    public void A_bad_API_URL_is_a_configuration_error()
    {
        using var setup = Setup();
        var environment = setup.Api.Environment;
        environment["GITHUB_API_URL"] = "ftp://example.com";

        AssertOneLine(setup.Publish(environment, "1.0.0"), 2, "GITHUB_API_URL 'ftp://example.com' is not an http(s) URL");
    }

    [Fact]
    public void The_token_never_appears_in_any_output()
    {
        using var setup = Setup();
        var outputs = new List<RunResult>
        {
            setup.Publish("1.0.0", "--verbose", "--dry-run"),
            setup.Publish("1.0.0", "--verbose", "--json"),
            setup.Publish("1.0.0", "--verbose"),
        };
        setup.Api.Fail(null, 500, times: 100);
        outputs.Add(setup.Publish("1.0.0", "--verbose"));
        var wrong = setup.Api.Environment;
        wrong["GITHUB_TOKEN"] = Canary + "x";
        outputs.Add(setup.Publish(wrong, "1.0.0", "--verbose"));

        Assert.Equal([0, 0, 0, 1, 3], outputs.Select(o => o.ExitCode));
        Assert.All(outputs, o => Assert.DoesNotContain(Canary, o.StandardOutput + o.StandardError, StringComparison.Ordinal));
        Assert.Contains("GET /repos/acme/app/releases -> 200", outputs[0].StandardError, StringComparison.Ordinal);
    }
}
