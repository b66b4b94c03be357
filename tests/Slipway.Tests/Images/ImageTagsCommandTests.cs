using System.Text.Json;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Images;

/// <summary>`slipway image tags` through the real CLI, in a scratch repository, under GitHub Actions events and locally.</summary>
public sealed class ImageTagsCommandTests : IDisposable
{
    private const string Config = "image:\n  name: ghcr.io/Owner/App\n";
    private readonly GitRepo _repo = new();

    public ImageTagsCommandTests()
    {
        _repo.WriteFile("slipway.yml", Config);
        _repo.Commit("feat: first");
        _repo.Tag("v1.2.0");
    }

    public void Dispose() => _repo.Dispose();

    private static Dictionary<string, string?> Actions(string eventName, string reference, string sha) => new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_EVENT_NAME"] = eventName,
        ["GITHUB_REF"] = reference,
        ["GITHUB_SHA"] = sha,
        ["GITHUB_SERVER_URL"] = "https://github.com",
        ["GITHUB_REPOSITORY"] = "owner/app",
    };

    private static string Short(string sha) => sha[..7];

    [Fact]
    public void Tag_push_gets_version_tags_and_the_release_branch_in_the_sha_tag()
    {
        var sha = _repo.Commit("feat: second");
        _repo.Tag("v1.3.0");
        _repo.Git("checkout", "--quiet", "--detach", "v1.3.0"); // actions/checkout leaves HEAD detached on the tag

        var result = _repo.Slipway(Actions("push", "refs/tags/v1.3.0", sha), "image", "tags");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"ghcr.io/owner/app:v1.3.0\nghcr.io/owner/app:v1.3\nghcr.io/owner/app:v1\nghcr.io/owner/app:main-{Short(sha)}\nghcr.io/owner/app:latest\n", result.StandardOutput);
    }

    [Fact]
    public void Tag_push_json_carries_the_oci_labels()
    {
        var sha = _repo.Commit("feat: second");
        _repo.Tag("v1.3.0");
        var environment = Actions("push", "refs/tags/v1.3.0", sha);
        environment["SOURCE_DATE_EPOCH"] = "1767225600";

        var result = _repo.Slipway(environment, "image", "tags", "--json");

        Assert.Equal(0, result.ExitCode);
        var json = JsonDocument.Parse(result.StandardOutput).RootElement;
        var labels = json.GetProperty("labels");
        Assert.Equal("v1.3.0", labels.GetProperty("org.opencontainers.image.version").GetString());
        Assert.Equal(sha, labels.GetProperty("org.opencontainers.image.revision").GetString());
        Assert.Equal("https://github.com/owner/app", labels.GetProperty("org.opencontainers.image.source").GetString());
        Assert.Equal("2026-01-01T00:00:00.000Z", labels.GetProperty("org.opencontainers.image.created").GetString());
        Assert.Equal("1.3.0", json.GetProperty("release").GetString());
        Assert.Equal("main", json.GetProperty("build").GetProperty("release_branch").GetString());
        Assert.True(json.GetProperty("latest").GetBoolean());
    }

    [Fact]
    public void Branch_push_that_is_not_a_release_gets_only_its_branch_and_sha_tag()
    {
        var sha = _repo.Commit("feat: unreleased");

        var result = _repo.Slipway(Actions("push", "refs/heads/main", sha), "image", "tags");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"ghcr.io/owner/app:main-{Short(sha)}\n", result.StandardOutput);
    }

    [Fact]
    public void Pull_request_gets_its_number_and_its_source_branch()
    {
        _repo.WriteFile("slipway.yml", Config + "  tags: |\n    type=ref,event=pr\n    type=sha,prefix={{branch}}-\n    type=raw,value=into-{{base_ref}}\n");
        var sha = _repo.Commit("feat: proposal");
        var environment = Actions("pull_request", "refs/pull/7/merge", sha);
        environment["GITHUB_HEAD_REF"] = "feature/login";
        environment["GITHUB_BASE_REF"] = "main";

        var result = _repo.Slipway(environment, "image", "tags", "--format", "csv");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"ghcr.io/owner/app:pr-7,ghcr.io/owner/app:into-main,ghcr.io/owner/app:feature-login-{Short(sha)}\n", result.StandardOutput);
    }

    [Fact]
    public void Local_repository_with_a_version_tag_on_head_is_that_release()
    {
        var sha = _repo.Commit("feat: second");
        _repo.Tag("v1.3.0");

        var result = _repo.Slipway("image", "tags", "--format", "docker-args");

        Assert.Equal(0, result.ExitCode);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["--tag=ghcr.io/owner/app:v1.3.0", "--tag=ghcr.io/owner/app:v1.3", "--tag=ghcr.io/owner/app:v1", $"--tag=ghcr.io/owner/app:main-{Short(sha)}", "--tag=ghcr.io/owner/app:latest"],
            lines.Where(l => l.StartsWith("--tag=", StringComparison.Ordinal)));
        Assert.Contains($"--label=org.opencontainers.image.revision={sha}", lines);
        Assert.Contains("--label=org.opencontainers.image.version=v1.3.0", lines);
    }

    [Fact]
    public void Patch_on_an_older_line_gets_its_minor_tag_but_not_v1_or_latest()
    {
        var v110 = _repo.Commit("feat: 1.1");
        _repo.Tag("v1.1.0");
        _repo.Commit("feat: 1.2 line");
        _repo.Tag("v1.2.5");
        _repo.Git("switch", "--quiet", "-c", "release/1.1", v110);
        var sha = _repo.Commit("fix: backport");
        _repo.Tag("v1.1.5");

        var result = _repo.Slipway("image", "tags");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"ghcr.io/owner/app:v1.1.5\nghcr.io/owner/app:v1.1\nghcr.io/owner/app:release-1.1-{Short(sha)}\n", result.StandardOutput);
        Assert.Contains("v1 not given: 1.2.5 is higher", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("latest not given: 1.2.5 is higher", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Prerelease_gets_only_its_exact_tag()
    {
        var sha = _repo.Commit("feat: next");
        _repo.Tag("v1.3.0-rc.1");

        var result = _repo.Slipway(Actions("push", "refs/tags/v1.3.0-rc.1", sha), "image", "tags");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"ghcr.io/owner/app:v1.3.0-rc.1\nghcr.io/owner/app:main-{Short(sha)}\n", result.StandardOutput);
    }

    [Fact]
    public void Version_argument_overrides_the_tag_on_head()
    {
        _repo.Commit("feat: second");

        var result = _repo.Slipway("image", "tags", "v1.2.1", "--json");

        Assert.Equal(0, result.ExitCode);
        var tags = JsonDocument.Parse(result.StandardOutput).RootElement.GetProperty("tag_names").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Equal(["v1.2.1", "v1.2", "v1", "latest"], tags.Where(t => !t!.StartsWith("main-", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("1.2", "'1.2' is not a version")]
    [InlineData("--format=xml", "'xml' not recognized")]
    public void Bad_argument_is_one_line_with_exit_2(string argument, string mentioned)
    {
        var result = _repo.Slipway("image", "tags", argument);

        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.StandardError.TrimEnd('\n').Split('\n'));
        Assert.Contains(mentioned, result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_tag_rule_in_slipway_yml_names_the_line()
    {
        _repo.WriteFile("slipway.yml", Config + "  tags: |\n    type=semver,pattern=v{{version}}\n    type=sha,format=medium\n");

        var result = _repo.Slipway("image", "tags");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("slipway: slipway.yml:3: image.tags: image tag rule 'type=sha,format=medium': format 'medium' is not short or long", result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.TrimEnd('\n').Split('\n'));
    }
}
