using System.Text.Json;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Publishing;

public sealed class PublishTests
{
    [Fact]
    public void Publishing_twice_creates_one_release_with_the_changelog_and_then_changes_nothing()
    {
        using var setup = new ReleasedRepo();
        setup.Release("1.2.0", "feat: first");
        var fixSha = setup.Repo.Commit("fix: crash on empty input");
        setup.Release("1.3.0", "feat: export to CSV");

        var first = setup.Publish("1.3.0");
        var second = setup.Publish("1.3.0");

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.StartsWith("release v1.3.0 created [latest]: https://github.invalid/acme/app/releases/tag/v1.3.0", first.StandardOutput, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.StartsWith("release v1.3.0 is up to date, nothing changed", second.StandardOutput, StringComparison.Ordinal);
        var release = Assert.Single(setup.Api.Releases);
        Assert.Equal("v1.3.0", release.TagName);
        Assert.Equal("v1.3.0", release.Name);
        Assert.False(release.Prerelease);
        Assert.False(release.Draft);
        Assert.Equal("v1.3.0", setup.Api.LatestTag);
        Assert.StartsWith("## What's Changed\n", release.Body, StringComparison.Ordinal);
        Assert.Contains($"### Fixed\n\n- crash on empty input ({fixSha[..7]})\n", release.Body, StringComparison.Ordinal);
        Assert.Contains("### Added\n\n- export to CSV (", release.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("first", release.Body, StringComparison.Ordinal);
        Assert.Single(setup.Api.Requests, r => r.OperationId == "repos/create-release");
        Assert.DoesNotContain(setup.Api.Requests, r => r.OperationId == "repos/update-release");
    }

    [Fact]
    public void A_release_whose_notes_differ_is_updated_and_only_its_notes_change()
    {
        using var setup = new ReleasedRepo();
        setup.Release("1.3.0", "feat: export");
        setup.Api.AddRelease("v1.3.0", body: "edited by hand");

        var result = setup.Publish("1.3.0");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("release v1.3.0 updated (notes) [latest]", result.StandardOutput, StringComparison.Ordinal);
        var release = Assert.Single(setup.Api.Releases);
        Assert.Contains("- export (", release.Body, StringComparison.Ordinal);
        var patch = Assert.Single(setup.Api.Requests, r => r.OperationId == "repos/update-release");
        Assert.Equal("true", JsonDocument.Parse(patch.Body!).RootElement.GetProperty("make_latest").GetString());
    }

    [Fact]
    public void A_prerelease_version_is_published_as_a_prerelease_and_never_latest()
    {
        using var setup = new ReleasedRepo();
        setup.Release("1.2.0", "feat: first");
        setup.Api.AddRelease("v1.2.0");
        setup.Release("1.3.0-rc.1", "feat: candidate");

        var result = setup.Publish("1.3.0-rc.1", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = JsonDocument.Parse(result.StandardOutput).RootElement;
        Assert.True(json.GetProperty("prerelease").GetBoolean());
        Assert.False(json.GetProperty("latest").GetBoolean());
        Assert.Equal("created", json.GetProperty("action").GetString());
        Assert.True(setup.Api.Release("v1.3.0-rc.1")!.Prerelease);
        Assert.Equal("v1.2.0", setup.Api.LatestTag);
        var create = Assert.Single(setup.Api.Requests, r => r.OperationId == "repos/create-release");
        Assert.Equal("false", JsonDocument.Parse(create.Body!).RootElement.GetProperty("make_latest").GetString());
    }

    [Fact]
    public void Patch_on_an_older_line_does_not_move_latest()
    {
        using var setup = new ReleasedRepo();
        setup.Release("1.1.0", "feat: one");
        setup.Repo.Branch("release-1.1");
        setup.Repo.Switch("main");
        setup.Release("1.2.0", "feat: two");
        setup.Api.AddRelease("v1.2.0");
        setup.Repo.Switch("release-1.1");
        setup.Release("1.1.5", "fix: backported");

        var result = setup.Publish("1.1.5");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("release v1.1.5 created: ", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("v1.2.0", setup.Api.LatestTag);
        var create = Assert.Single(setup.Api.Requests, r => r.OperationId == "repos/create-release");
        var body = JsonDocument.Parse(create.Body!).RootElement;
        Assert.Equal(JsonValueKind.String, body.GetProperty("make_latest").ValueKind);
        Assert.Equal("false", body.GetProperty("make_latest").GetString());
        Assert.Contains("- backported (", setup.Api.Release("v1.1.5")!.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("two", setup.Api.Release("v1.1.5")!.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Draft_creates_an_unpublished_release_and_a_later_run_without_it_publishes_it()
    {
        using var setup = new ReleasedRepo();
        setup.Release("2.0.0", "feat!: new API");

        var draft = setup.Publish("2.0.0", "--draft");
        var publish = setup.Publish("2.0.0");

        Assert.True(draft.ExitCode == 0, draft.ToString());
        Assert.True(publish.ExitCode == 0, publish.ToString());
        Assert.StartsWith("release v2.0.0 updated (published) [latest]", publish.StandardOutput, StringComparison.Ordinal);
        var release = Assert.Single(setup.Api.Releases);
        Assert.False(release.Draft);
        Assert.Equal("v2.0.0", setup.Api.LatestTag);
    }

    [Fact]
    public void Dry_run_says_what_would_happen_and_changes_nothing()
    {
        using var setup = new ReleasedRepo();
        setup.Release("1.0.0", "feat: first");

        var result = setup.Publish("1.0.0", "--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("release v1.0.0 would be created [latest]: in acme/app", result.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(setup.Api.Releases);
        Assert.DoesNotContain(setup.Api.Requests, r => r.Method != "GET");
    }

    [Fact]
    public void The_tag_must_be_pushed_before_it_is_published()
    {
        using var setup = new ReleasedRepo();
        setup.Release("1.0.0", "feat: first");
        setup.Repo.Commit("feat: second");
        setup.Repo.Tag("v1.1.0");

        var result = setup.Publish("1.1.0");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("slipway: tag v1.1.0 is not on the remote 'origin'; push it first: git push origin v1.1.0", result.StandardError.Trim());
        Assert.Empty(setup.Api.Requests);
    }

    [Fact]
    public void A_version_without_a_tag_is_refused()
    {
        using var setup = new ReleasedRepo();
        setup.Release("1.0.0", "feat: first");

        var result = setup.Publish("1.4.0");

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("slipway: tag v1.4.0 does not exist in this repository;", result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }

    [Fact]
    public void Not_a_version_is_a_usage_error()
    {
        using var setup = new ReleasedRepo();
        setup.Release("1.0.0", "feat: first");

        var result = setup.Publish("1.x");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("slipway: '1.x' is not a version", result.StandardError, StringComparison.Ordinal);
        Assert.Single(result.StandardError.Trim().Split('\n'));
    }
}
