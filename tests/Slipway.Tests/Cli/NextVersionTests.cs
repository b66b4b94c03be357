using System.Text.Json;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Cli;

/// <summary>
/// `slipway version --next` prints only a version that `release` with the same options would cut: never one that exists,
/// never one lower than the current version. When release would cut none it says why, prints nothing and exits 3.
/// </summary>
public sealed class NextVersionTests
{
    private static void Refused(RunResult result, params string[] fragments)
    {
        Expect.OneLineError(result, 3, fragments);
        Assert.Equal(string.Empty, result.StandardOutput);
    }

    private static JsonElement PlanJson(GitRepo repo, params string[] arguments)
    {
        var result = repo.Slipway(["plan", "--json", .. arguments]);
        Expect.Success(result);
        return JsonDocument.Parse(result.StandardOutput).RootElement;
    }

    [Fact]
    public void At_a_commit_that_already_carries_a_release_no_higher_version_is_printed()
    {
        using var repo = new GitRepo();
        repo.Commit("fix: a");
        repo.Tag("v1.0.0");
        repo.Commit("feat: b");
        repo.Tag("v1.0.1");

        Refused(repo.Slipway("version", "--next", "--bump", "auto"), "HEAD is already released as v1.0.1");
        Refused(repo.Slipway("version", "--next"), "HEAD is already released as v1.0.1");
        Assert.Equal("1.0.1\n", repo.Slipway("version").StandardOutput);
    }

    [Fact]
    public void Plan_and_plan_bump_auto_agree_on_the_base_at_a_tagged_head()
    {
        using var repo = new GitRepo();
        repo.Commit("fix: a");
        repo.Tag("v17.10.0");
        repo.Commit("feat: b");
        repo.Tag("v17.11.0");

        foreach (var arguments in new[] { Array.Empty<string>(), ["--bump", "auto"], ["--bump", "patch"], ["--bump", "major"] })
        {
            var plan = PlanJson(repo, arguments);
            Assert.Equal("v17.10.0", plan.GetProperty("base").GetProperty("tag").GetString());
            Assert.Equal("17.11.0", plan.GetProperty("next").GetProperty("version").GetString());
            Assert.True(plan.GetProperty("next").GetProperty("tagExistsAtHead").GetBoolean());
            Assert.Equal("alreadyTagged", plan.GetProperty("next").GetProperty("status").GetString());
            Assert.Equal(1, plan.GetProperty("commits").GetArrayLength());
        }
    }

    [Fact]
    public void Nothing_to_release_is_exit_3_not_the_last_stable_version()
    {
        using var repo = new GitRepo();
        repo.Commit("Add a");
        repo.Tag("v7.0.0");
        repo.Commit("Prepare 8.0");
        repo.Tag("v8.0.0-rc.1");

        // MinVer's history: HEAD is the release candidate and no commit since 7.0.0 is conventional.
        Refused(repo.Slipway("version", "--next", "--bump", "auto"), "nothing to release", "since v7.0.0");
        Assert.Equal("8.0.0-rc.1\n", repo.Slipway("version").StandardOutput);
        var plan = PlanJson(repo, "--bump", "auto");
        Assert.Equal("nothingToRelease", plan.GetProperty("next").GetProperty("status").GetString());
    }

    [Fact]
    public void A_prerelease_of_a_version_already_released_is_never_printed()
    {
        using var repo = new GitRepo();
        repo.Commit("feat: a");
        repo.Tag("v1.0.0-rc.1");
        repo.Commit("fix: b");
        repo.Tag("v1.0.0");
        repo.Commit("docs: c");

        Refused(repo.Slipway("version", "--next", "--bump", "auto", "--pre", "rc"), "nothing to release");
    }

    [Fact]
    public void Right_after_a_minor_release_the_next_minor_is_not_the_one_just_cut()
    {
        using var remote = new BareRemote();
        using var repo = new GitRepo();
        repo.Git("remote", "add", "origin", remote.Url);
        repo.Commit("feat: a");
        repo.Tag("v0.1.0");
        repo.Commit("feat: b");
        Expect.Success(repo.Slipway("release", "minor", "--yes"));

        Refused(repo.Slipway("version", "--next", "--bump", "minor"), "HEAD is already released as v0.2.0");
        repo.Commit("feat: c");
        Assert.Equal("0.3.0\n", repo.Slipway("version", "--next", "--bump", "minor").StandardOutput);
    }

    [Fact]
    public void A_version_lower_than_the_current_release_candidate_is_refused_by_version_plan_and_release()
    {
        using var remote = new BareRemote();
        using var repo = new GitRepo();
        repo.Git("remote", "add", "origin", remote.Url);
        repo.Commit("fix: a");
        repo.Tag("v1.2.5");
        repo.Commit("feat: b");
        repo.Tag("v1.3.0-rc.2");
        repo.Commit("fix: c");

        Refused(repo.Slipway("version", "--next", "--bump", "patch"), "1.2.6 is not higher than the current version 1.3.0-rc.2", "--bump minor");
        Assert.Equal("notHigher", PlanJson(repo, "--bump", "patch").GetProperty("next").GetProperty("status").GetString());
        Expect.OneLineError(repo.Slipway("release", "patch", "--yes"), 3, "version: 1.2.6 is not higher");
        Assert.Empty(remote.Tags());

        Assert.Equal("1.3.0\n", repo.Slipway("version", "--next", "--bump", "minor").StandardOutput);
        Assert.Equal("1.3.0-rc.3\n", repo.Slipway("version", "--next", "--bump", "minor", "--pre", "rc").StandardOutput);
    }

    [Fact]
    public void A_version_that_exists_on_another_branch_is_refused()
    {
        using var repo = new GitRepo();
        repo.Commit("fix: a");
        repo.Tag("v1.0.0");
        repo.Branch("next");
        repo.Commit("feat: side");
        repo.Tag("v1.1.0");
        repo.Switch("main");
        repo.Commit("feat: main");

        Refused(repo.Slipway("version", "--next", "--bump", "minor"), "1.1.0 already exists: tag v1.1.0");
        Assert.Equal("versionExists", PlanJson(repo, "--bump", "minor").GetProperty("next").GetProperty("status").GetString());
        Assert.Equal("1.0.1\n", repo.Slipway("version", "--next").StandardOutput);
        Assert.Equal("ready", PlanJson(repo).GetProperty("next").GetProperty("status").GetString());
    }

    [Fact]
    public void Bump_and_pre_without_next_ask_for_the_next_version()
    {
        using var repo = new GitRepo();
        repo.Commit("fix: a");
        repo.Tag("v1.2.3");
        repo.Commit("feat: b");

        Assert.Equal("1.2.3\n", repo.Slipway("version").StandardOutput);
        Assert.Equal("1.3.0\n", repo.Slipway("version", "--bump", "auto").StandardOutput);
        Assert.Equal("1.2.4-rc.1\n", repo.Slipway("version", "--pre", "rc").StandardOutput);
        Assert.Equal(repo.Slipway("version", "--next", "--bump", "major").StandardOutput, repo.Slipway("version", "--bump", "major").StandardOutput);
    }

    [Fact]
    public void With_versioning_bump_unset_plan_says_what_conventional_bumps_would_give()
    {
        using var repo = new GitRepo();
        repo.Commit("fix: a");
        repo.Tag("v1.2.3");
        repo.Commit("feat: b");

        var plan = repo.Slipway("plan");
        Assert.Contains("Next      1.2.4", plan.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("versioning.bump: conventional in slipway.yml would give minor: 1 feat since v1.2.3", plan.StandardOutput, StringComparison.Ordinal);
        Assert.StartsWith("versioning.bump: conventional", PlanJson(repo).GetProperty("hint").GetString(), StringComparison.Ordinal);

        // Said only when nobody chose, and only when it would be more than the patch.
        repo.WriteFile("slipway.yml", "versioning:\n  bump: manual\n");
        Assert.Equal(JsonValueKind.Null, PlanJson(repo).GetProperty("hint").ValueKind);
        repo.WriteFile("slipway.yml", "branch: main\n");
        Assert.Equal(JsonValueKind.Null, PlanJson(repo, "--bump", "minor").GetProperty("hint").ValueKind);
        repo.Commit("Not conventional at all");
        repo.Git("tag", "-a", "v1.2.4", "-m", "Release v1.2.4", "HEAD~1");
        repo.Commit("Neither is this");
        Assert.Equal(JsonValueKind.Null, PlanJson(repo).GetProperty("hint").ValueKind);
    }
}
