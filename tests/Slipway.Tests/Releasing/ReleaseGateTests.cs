using System.Text.Json;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Releasing;

/// <summary>`release.gates` as a user meets them: release refused by a failed gate with its fix (nothing tagged, nothing pushed),
/// --skip-gate with a reason recorded in the tag, and plan showing the verdicts; GitHub played by the contract-enforcing double.</summary>
public sealed class ReleaseGateTests
{
    private static GitRepo RepoWithRemote(BareRemote remote, string gates, params string[] commits)
    {
        var repo = new GitRepo();
        repo.Git("remote", "add", "origin", remote.Url);
        repo.WriteFile("slipway.yml", $"release:\n  gates: {gates}\n");
        repo.Commit("fix: first");
        repo.Tag("v1.2.0");
        repo.Git("push", "--quiet", "origin", "main", "v1.2.0");
        foreach (var message in commits.Length == 0 ? ["feat: add the thing"] : commits)
        {
            repo.Commit(message);
        }

        return repo;
    }

    private static Dictionary<string, string?> Env(GitHubApi github) => new(github.Environment) { ["GH_TOKEN"] = null };

    [Fact]
    public void Release_is_refused_by_ci_green_when_a_check_run_failed_and_nothing_is_tagged_or_pushed()
    {
        using var github = new GitHubApi();
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote, "[ci_green]");
        var before = remote.BranchCommit();
        github.AddCheckRun(repo.Head, "build");
        github.AddCheckRun(repo.Head, "test", conclusion: "failure");

        var refused = repo.Slipway(Env(github), "release", "minor", "--yes");

        Expect.OneLineError(refused, 3, "gate ci_green: check run 'test' on", "concluded failure", "--skip-gate ci_green --reason TEXT");
        Assert.Equal(string.Empty, repo.Git("tag", "--list", "v1.3.0"));
        Assert.False(remote.Tags().ContainsKey("v1.3.0"));
        Assert.Equal(before, remote.BranchCommit());
        Assert.Contains(github.Requests, r => r.OperationId == "checks/list-for-ref" && r.Path.EndsWith($"/commits/{repo.Head}/check-runs", StringComparison.Ordinal));
    }

    [Fact]
    public void Release_passes_ci_green_when_every_check_run_and_status_succeeded_across_pages()
    {
        using var github = new GitHubApi();
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote, "[ci_green]");
        for (var i = 0; i < 101; i++)
        {
            github.AddCheckRun(repo.Head, $"job-{i}");
        }

        github.AddStatus(repo.Head, "ci/legacy", "success");

        var released = repo.Slipway(Env(github), "release", "minor", "--yes");

        Expect.Success(released);
        Assert.Equal(repo.Head, remote.Tags()["v1.3.0"]);
        Assert.Equal(2, github.Requests.Count(r => r.OperationId == "checks/list-for-ref"));
    }

    [Fact]
    public void A_failed_check_run_on_the_second_page_still_blocks_the_release()
    {
        using var github = new GitHubApi();
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote, "[ci_green]");
        for (var i = 0; i < 100; i++)
        {
            github.AddCheckRun(repo.Head, $"job-{i}");
        }

        github.AddCheckRun(repo.Head, "late", conclusion: "timed_out");

        Expect.OneLineError(repo.Slipway(Env(github), "release", "minor", "--yes"), 3, "check run 'late'", "concluded timed_out");
    }

    [Fact]
    public void Skip_gate_with_a_reason_releases_and_the_tag_message_records_it()
    {
        using var github = new GitHubApi();
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote, "[ci_green]");
        github.AddCheckRun(repo.Head, "test", conclusion: "failure");

        var released = repo.Slipway(Env(github), "release", "minor", "--yes", "--skip-gate", "ci_green", "--reason", "flaky runner, INC-42");

        Expect.Success(released);
        Assert.Contains("gate ci_green skipped: flaky runner, INC-42", released.StandardError, StringComparison.Ordinal);
        var message = remote.Git("tag", "-l", "--format=%(contents)", "v1.3.0");
        Assert.EndsWith("\n\nSkipped gate ci_green: flaky runner, INC-42", message, StringComparison.Ordinal);
        Assert.DoesNotContain(github.Requests, r => r.OperationId == "checks/list-for-ref");

        // The deployment ledger records the release too: who skipped which gate, and why (status shows it, in no environment).
        var tagged = remote.Git("rev-parse", "v1.3.0^{commit}");
        AssertLedgerRecordsTheSkip(repo, tagged);
        Assert.Single(remote.Git("show", "refs/slipway/ledger:ledger.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries));

        // A run stopped after the push, before the ledger: the same command finishes it from the tag message's record of the skip.
        remote.Git("update-ref", "-d", "refs/slipway/ledger");
        repo.Git("update-ref", "-d", "refs/slipway/ledger");
        var finished = repo.Slipway(Env(github), "release", "minor", "--yes");
        Expect.Success(finished);
        AssertLedgerRecordsTheSkip(repo, tagged);
        Assert.Equal("1.3.0", Assert.Single(repo.Git("tag", "-l", "v1.3*").Split('\n'))[1..]);
        Expect.Success(repo.Slipway(Env(github), "release", "minor", "--yes"));
        Assert.Single(remote.Git("show", "refs/slipway/ledger:ledger.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static void AssertLedgerRecordsTheSkip(GitRepo repo, string commit)
    {
        var status = repo.Slipway("status", "--json");
        Expect.Success(status);
        using var json = JsonDocument.Parse(status.StandardOutput);
        var release = Assert.Single(json.RootElement.GetProperty("releases").EnumerateArray());
        Assert.Equal("release", release.GetProperty("action").GetString());
        Assert.Equal("1.3.0", release.GetProperty("version").GetString());
        Assert.Equal(commit, release.GetProperty("commit").GetString());
        Assert.Equal("v1.3.0 released with gate ci_green skipped (flaky runner, INC-42)", release.GetProperty("detail").GetString());
        Assert.DoesNotContain(json.RootElement.GetProperty("environments").EnumerateArray(), e => e.GetProperty("current").ValueKind != JsonValueKind.Null);
        var text = repo.Slipway("status");
        Assert.Contains("Releases with skipped gates", text.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("gate ci_green skipped (flaky runner, INC-42)", text.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Skip_gate_without_a_reason_is_a_usage_error()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote, "[ci_green]");

        Expect.OneLineError(repo.Slipway("release", "minor", "--yes", "--skip-gate", "ci_green"), 2, "--skip-gate ci_green needs a reason", "--reason");
        Expect.OneLineError(repo.Slipway("release", "minor", "--yes", "--skip-gate", "green", "--reason", "x"), 2, "'green' is not a gate in release.gates", "ci_green");
        Assert.Equal(string.Empty, repo.Git("tag", "--list", "v1.3.0"));
    }

    [Fact]
    public void Without_a_token_release_fails_the_github_gates_and_plan_shows_them_skipped()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote, "[ci_green, reviewed]");
        var noToken = new Dictionary<string, string?> { ["GITHUB_TOKEN"] = null, ["GH_TOKEN"] = null, ["GITHUB_REPOSITORY"] = "acme/app" };

        Expect.OneLineError(repo.Slipway(noToken, "release", "minor", "--yes"), 3, "gate ci_green: cannot ask GitHub: no GitHub token", "GITHUB_TOKEN");

        var plan = repo.Slipway(noToken, "plan", "--bump", "minor");
        Expect.Success(plan);
        Assert.Contains("Gates (release.gates)", plan.StandardOutput, StringComparison.Ordinal);
        Assert.Matches(@"skip ci_green +skipped: no GITHUB_TOKEN", plan.StandardOutput);
        var json = JsonDocument.Parse(repo.Slipway(noToken, "plan", "--json").StandardOutput).RootElement.GetProperty("gates");
        Assert.Equal(["ci_green", "reviewed"], json.EnumerateArray().Select(g => g.GetProperty("name").GetString()));
        Assert.All(json.EnumerateArray(), g => Assert.Equal("skipped", g.GetProperty("status").GetString()));
    }

    [Fact]
    public void A_breaking_change_without_text_blocks_the_release_until_it_is_explained()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote, "[breaking_documented]", "feat!: drop the v1 endpoints");

        Expect.OneLineError(repo.Slipway("release", "major", "--yes"), 3, "gate breaking_documented: breaking change", "\"feat!: drop the v1 endpoints\" is not explained", "BREAKING CHANGE");
        Assert.Equal(string.Empty, repo.Git("tag", "--list", "v2.0.0"));

        repo.WriteFile("docs/migration/v2.md", "# Moving to v2\n\nCall /v2.\n");
        repo.Commit("docs: migration guide for v2", "docs/migration/v2.md");
        var released = repo.Slipway("release", "major", "--yes");
        Expect.Success(released);
        Assert.Equal(repo.Head, remote.Tags()["v2.0.0"]);
    }

    [Fact]
    public void The_reviewed_gate_blocks_a_commit_whose_pull_request_no_one_approved()
    {
        using var github = new GitHubApi();
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote, "[reviewed]", "feat: approved change", "fix: merged without approval");
        var approved = github.AddMergedPull([repo.Git("rev-parse", "HEAD~1")], repo.Git("rev-parse", "HEAD~1"));
        github.Review(approved, "ann", "APPROVED");
        var unapproved = github.AddMergedPull([repo.Head], repo.Head);
        github.Review(unapproved, "bob", "COMMENTED");

        Expect.OneLineError(repo.Slipway(Env(github), "release", "minor", "--yes"), 3,
            $"gate reviewed: commit {repo.Head[..7]} \"fix: merged without approval\" came through pull request #{unapproved.Number}, which no review approved");
        Assert.False(remote.Tags().ContainsKey("v1.3.0"));

        github.Review(unapproved, "ann", "APPROVED");
        Expect.Success(repo.Slipway(Env(github), "release", "minor", "--yes"));
        Assert.Equal(repo.Head, remote.Tags()["v1.3.0"]);
    }

    [Fact]
    public void A_command_gate_runs_with_the_version_and_blocks_when_it_fails()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote, "[{ name: smoke, run: [sh, -c, 'echo \"smoke failed for $SLIPWAY_VERSION\" >&2; exit 4'] }]");

        Expect.OneLineError(repo.Slipway("release", "minor", "--yes"), 3, "gate smoke: the command failed (exit 4: smoke failed for 1.3.0)");
        Assert.False(remote.Tags().ContainsKey("v1.3.0"));
    }

    [Fact]
    public void An_unknown_gate_name_in_slipway_yml_is_a_configuration_error_naming_the_key()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote, "[ci_green, all_green]");

        Expect.OneLineError(repo.Slipway("plan"), 2, "release.gates[1]", "'all_green' is not a release gate", "breaking_documented");
    }

    [Fact]
    public void Doctor_shows_the_gates_as_checks()
    {
        using var remote = new BareRemote();
        using var repo = RepoWithRemote(remote, "[ci_green, breaking_documented]");

        var doctor = repo.Slipway("doctor", "--offline", "--json");

        var checks = JsonDocument.Parse(doctor.StandardOutput).RootElement.GetProperty("checks").EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("skipped", checks["gate ci_green"]);
        Assert.Equal("passed", checks["gate breaking_documented"]);
    }
}
