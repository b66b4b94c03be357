using System.Text.Json;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Packages;

/// <summary>
/// A repository built like conventional-changelog: several packages, old (`conventional-changelog-angular@5.0.12`) and new
/// (`angular-v5.1.0`) tag styles, a shared `proto/` folder, and a workspace dependency (cli's package.json on core-lib);
/// planned and released with the CLI as a process, pushed to a bare remote.
/// </summary>
public sealed class MonorepoReleaseTests
{
    private const string Config = """
        versioning:
          bump: conventional
        packages:
          - name: core
            path: packages/core
            also_paths: [proto]
            bump_files: [{ path: packages/core/package.json }]
          - name: angular
            path: packages/angular
            tag: ["{name}-v{version}", "conventional-changelog-{name}@{version}"]
          - name: cli
            path: packages/cli
            bump_files: [{ path: packages/cli/package.json }]
          - name: docs
            path: docs
            changelog: false
        """;

    private const string CliManifest = """
        {
          "name": "cli-tool",
          "version": "2.0.0",
          "dependencies": {
            "core-lib": "^1.0.0",
            "left-pad": "^1.3.0"
          }
        }

        """;

    /// <summary>Released once: core 1.0.0, angular 5.0.12 (old style), cli 2.0.0, docs 0.3.0; then a fix in proto/ and a feat in angular.</summary>
    private static GitRepo Monorepo(BareRemote remote, string config = Config)
    {
        var repo = new GitRepo();
        repo.Git("remote", "add", "origin", remote.Url);
        repo.WriteFile("slipway.yml", config);
        repo.WriteFile("packages/core/package.json", "{\n  \"name\": \"core-lib\",\n  \"version\": \"1.0.0\"\n}\n");
        repo.WriteFile("packages/cli/package.json", CliManifest);
        repo.WriteFile("packages/angular/index.js", "module.exports = {};\n");
        repo.WriteFile("docs/index.md", "# docs\n");
        repo.WriteFile("proto/api.proto", "syntax = \"proto3\";\n");
        repo.Git("add", ".");
        repo.Commit("chore: the monorepo");
        repo.Tag("core-v1.0.0");
        repo.Tag("conventional-changelog-angular@5.0.12");
        repo.Tag("cli-v2.0.0");
        repo.Tag("docs-v0.3.0");
        repo.Commit("fix(proto): a field was missing", "proto/api.proto");
        repo.Commit("feat(angular): a new preset", "packages/angular/preset.js");
        repo.Commit("chore: root tooling", "tools/lint.sh");
        repo.Git("push", "--quiet", "origin", "main", "--tags");
        return repo;
    }

    [Fact]
    public void Plan_proposes_releases_only_for_packages_with_commits_and_their_dependents()
    {
        using var remote = new BareRemote();
        using var repo = Monorepo(remote);

        var plan = repo.Slipway("plan", "--json");
        Expect.Success(plan);
        using var json = JsonDocument.Parse(plan.StandardOutput);
        var byName = json.RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("package").GetString()!);
        Assert.Equal(["core", "angular", "cli", "docs"], byName.Keys);
        // core: the fix in proto/ (its also_paths); angular: the feat, after the old-style tag 5.0.12.
        Assert.Equal("core-v1.0.1", byName["core"].GetProperty("next").GetProperty("tag").GetString());
        Assert.Equal("angular-v5.1.0", byName["angular"].GetProperty("next").GetProperty("tag").GetString());
        Assert.Equal("conventional-changelog-angular@5.0.12", byName["angular"].GetProperty("current").GetProperty("tag").GetString());
        // cli has no commit of its own, but its package.json depends on core-lib: a patch.
        Assert.Equal("cli-v2.0.1", byName["cli"].GetProperty("next").GetProperty("tag").GetString());
        Assert.Contains("depends on core", byName["cli"].GetProperty("reason").GetString(), StringComparison.Ordinal);
        // docs: nothing touched it (the root commit is nobody's).
        Assert.False(byName["docs"].GetProperty("releases").GetBoolean());
        Assert.Equal("nothingToRelease", byName["docs"].GetProperty("next").GetProperty("status").GetString());
        Assert.True(byName["core"].GetProperty("releases").GetBoolean());

        // The repository's files answer this (one walk for every package's range, the folders' trees compared); git alone
        // (a common ancestor, git log and git log --name-only) gives the same plan.
        var byGit = repo.Slipway(new Dictionary<string, string?> { ["SLIPWAY_GIT_ONLY"] = "1" }, "plan", "--json");
        Expect.Success(byGit);
        Assert.Equal(plan.StandardOutput, byGit.StandardOutput);

        var text = repo.Slipway("plan");
        Expect.Success(text);
        Assert.Contains("Packages to release (3 of 4)", text.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("nothing to release: docs", text.StandardOutput, StringComparison.Ordinal);

        var one = repo.Slipway("plan", "--package", "angular", "--json");
        Expect.Success(one);
        using var single = JsonDocument.Parse(one.StandardOutput);
        Assert.Equal("angular", Assert.Single(single.RootElement.EnumerateArray()).GetProperty("package").GetString());
    }

    [Fact]
    public void Release_pushes_every_tag_atomically_and_a_rerun_after_a_refused_push_finishes_it()
    {
        using var remote = new BareRemote();
        using var repo = Monorepo(remote);
        var before = remote.BranchCommit();
        remote.RefusePushes();

        var refused = repo.Slipway("release", "--yes");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("refused the push", refused.StandardError, StringComparison.Ordinal);
        Assert.Equal(before, remote.BranchCommit());
        Assert.DoesNotContain(remote.Tags().Keys, t => t is "core-v1.0.1" or "angular-v5.1.0" or "cli-v2.0.1");

        remote.Heal();
        var finished = repo.Slipway("release", "--yes");
        Expect.Success(finished);
        Assert.Equal("released core-v1.0.1, angular-v5.1.0, cli-v2.0.1\n", finished.StandardOutput);
        Assert.Contains("files: already done", finished.StandardError, StringComparison.Ordinal);
        Assert.Contains("tag: already done", finished.StandardError, StringComparison.Ordinal);
        var tags = remote.Tags();
        Assert.Equal(repo.Head, tags["core-v1.0.1"]);
        Assert.Equal(repo.Head, tags["angular-v5.1.0"]);
        Assert.Equal(repo.Head, tags["cli-v2.0.1"]);
        Assert.Equal(repo.Head, remote.BranchCommit());
        Assert.Equal("chore(release): core-v1.0.1, angular-v5.1.0, cli-v2.0.1", repo.Git("log", "-1", "--format=%s"));

        // One release commit: each package's changelog and version, and cli's dependency moved with its operator kept.
        Assert.Contains("\"version\": \"1.0.1\"", repo.ReadFile("packages/core/package.json"), StringComparison.Ordinal);
        var cli = repo.ReadFile("packages/cli/package.json");
        Assert.Contains("\"version\": \"2.0.1\"", cli, StringComparison.Ordinal);
        Assert.Contains("\"core-lib\": \"^1.0.1\"", cli, StringComparison.Ordinal);
        Assert.Contains("\"left-pad\": \"^1.3.0\"", cli, StringComparison.Ordinal);
        Assert.Contains("a field was missing", repo.ReadFile("packages/core/CHANGELOG.md"), StringComparison.Ordinal);
        var angular = repo.ReadFile("packages/angular/CHANGELOG.md");
        Assert.Contains("## [5.1.0]", angular, StringComparison.Ordinal);
        Assert.DoesNotContain("a field was missing", angular, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(repo.Path, "docs", "CHANGELOG.md")));
        // The tag message is the package's own notes.
        Assert.Contains("a new preset", remote.Git("tag", "-l", "--format=%(contents)", "angular-v5.1.0"), StringComparison.Ordinal);
        Assert.DoesNotContain("a new preset", remote.Git("tag", "-l", "--format=%(contents)", "core-v1.0.1"), StringComparison.Ordinal);

        // Released: the same command changes nothing; a later commit in one package releases that package only.
        Assert.Equal("core-v1.0.1, angular-v5.1.0, cli-v2.0.1 already released\n", repo.Slipway("release", "--yes").StandardOutput);
        repo.Commit("fix(angular): a typo", "packages/angular/index.js");
        var next = repo.Slipway("release", "--yes");
        Expect.Success(next);
        Assert.Equal("released angular-v5.1.1\n", next.StandardOutput);
    }

    [Fact]
    public void A_forced_release_of_one_package_needs_no_commits_and_touches_no_other()
    {
        using var remote = new BareRemote();
        using var repo = Monorepo(remote);

        var nothing = repo.Slipway("release", "--package", "docs", "--yes");
        Expect.OneLineError(nothing, 3, "nothing to release in docs", "--package docs --bump patch");

        var forced = repo.Slipway("release", "patch", "--package", "docs", "--yes");
        Expect.Success(forced);
        Assert.Equal("released docs-v0.3.1\n", forced.StandardOutput);
        Assert.Equal(repo.Head, remote.Tags()["docs-v0.3.1"]);
        Assert.DoesNotContain("core-v1.0.1", remote.Tags().Keys);
        // docs writes no changelog and has no version file: no release commit, the tag is on HEAD as it was.
        Assert.Equal("chore: root tooling", repo.Git("log", "-1", "--format=%s"));
    }

    [Fact]
    public void Release_As_in_a_commit_applies_to_the_package_it_touches()
    {
        using var remote = new BareRemote();
        using var repo = Monorepo(remote, Config.Replace("bump: conventional", "bump: conventional\n  preset: release-please", StringComparison.Ordinal));
        repo.Commit("chore(docs): new guide\n\nRelease-As: 1.0.0", "docs/guide.md");

        var plan = repo.Slipway("plan", "--json");
        Expect.Success(plan);
        using var json = JsonDocument.Parse(plan.StandardOutput);
        var byName = json.RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("package").GetString()!);
        Assert.Equal("1.0.0", byName["docs"].GetProperty("next").GetProperty("version").GetString());
        Assert.Equal("5.1.0", byName["angular"].GetProperty("next").GetProperty("version").GetString());
    }

    [Fact]
    public void Groups_release_their_members_together_at_one_version()
    {
        using var remote = new BareRemote();
        using var repo = Monorepo(remote, Config + "\ngroups:\n  - name: web\n    packages: [angular, docs]\n");

        var plan = repo.Slipway("plan", "--json");
        Expect.Success(plan);
        using var json = JsonDocument.Parse(plan.StandardOutput);
        var byName = json.RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("package").GetString()!);
        // angular's feat is a minor; docs, with no commit, comes along at the group's version (the highest either would get).
        Assert.Equal("5.1.0", byName["angular"].GetProperty("next").GetProperty("version").GetString());
        Assert.Equal("5.1.0", byName["docs"].GetProperty("next").GetProperty("version").GetString());
        Assert.True(byName["docs"].GetProperty("releases").GetBoolean());
        Assert.Contains("group web", byName["docs"].GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("  - name: web\n    path: packages/missing\n", "packages: web: path 'packages/missing' does not exist")]
    [InlineData("  - name: core2\n    path: packages/other\n    tag: \"core-v{version}\"\n", "packages core and core2 name their tags alike")]
    [InlineData("  - name: inner\n    path: packages/core/inner\n", "the path of package inner is inside package core's")]
    [InlineData("  - name: bad\n    path: packages/other\n    tag: \"{name}-{version}-x\"\n", "must end with {version}")]
    public void Bad_packages_are_one_line_usage_errors(string extra, string message)
    {
        using var remote = new BareRemote();
        using var repo = Monorepo(remote);
        repo.WriteFile("packages/other/x.txt", "x\n");
        repo.WriteFile("packages/core/inner/x.txt", "x\n");
        repo.WriteFile("slipway.yml", Config + "\n" + extra);

        Expect.OneLineError(repo.Slipway("plan"), 2, message);
    }

    [Fact]
    public void A_dependency_cycle_is_a_usage_error_naming_it()
    {
        using var remote = new BareRemote();
        using var repo = Monorepo(remote);
        repo.WriteFile("packages/core/package.json", "{\n  \"name\": \"core-lib\",\n  \"version\": \"1.0.0\",\n  \"dependencies\": { \"cli-tool\": \"^2.0.0\" }\n}\n");

        Expect.OneLineError(repo.Slipway("plan"), 2, "cycle", "cli → core → cli");
    }

    [Fact]
    public void Release_gates_hold_a_package_release_and_a_skip_is_in_every_tag_s_message()
    {
        using var remote = new BareRemote();
        using var repo = Monorepo(remote, Config + "\nrelease:\n  gates: [{ name: smoke, run: [\"false\"] }]\n");

        var held = repo.Slipway("release", "--yes");
        Expect.OneLineError(held, 3, "gate smoke");
        Assert.DoesNotContain("core-v1.0.1", remote.Tags().Keys);
        Assert.Equal("chore: root tooling", repo.Git("log", "-1", "--format=%s"));

        var skipped = repo.Slipway("release", "--yes", "--skip-gate", "smoke", "--reason", "smoke box is down");
        Expect.Success(skipped);
        Assert.Contains("smoke box is down", remote.Git("tag", "-l", "--format=%(contents)", "core-v1.0.1"), StringComparison.Ordinal);
        Assert.Contains("smoke box is down", remote.Git("tag", "-l", "--format=%(contents)", "angular-v5.1.0"), StringComparison.Ordinal);

        // The deployment ledger records each tag's release too: which gate was skipped, why, on which commit.
        Assert.Contains("(recorded in the tag messages and the deployment ledger)", skipped.StandardError, StringComparison.Ordinal);
        var released = remote.Tags().Where(t => t.Key is not ("core-v1.0.0" or "conventional-changelog-angular@5.0.12" or "cli-v2.0.0" or "docs-v0.3.0"))
            .Select(t => t.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("core-v1.0.1", released);
        var commit = remote.Git("rev-parse", "core-v1.0.1^{commit}");
        Assert.Equal(released.Select(t => $"{t} released with gate smoke skipped (smoke box is down) on {commit}"), LedgerReleases(remote));

        // A run stopped after the push, before the ledger: the same command finishes it from the tags' messages, once.
        remote.Git("update-ref", "-d", "refs/slipway/ledger");
        repo.Git("update-ref", "-d", "refs/slipway/ledger");
        Expect.Success(repo.Slipway("release", "--yes"));
        Assert.Equal(released.Select(t => $"{t} released with gate smoke skipped (smoke box is down) on {commit}"), LedgerReleases(remote));
        Expect.Success(repo.Slipway("release", "--yes"));
        Assert.Equal(released.Count, LedgerReleases(remote).Count);
    }

    /// <summary>The release records of the remote's deployment ledger: each one's detail and commit, in tag order.</summary>
    private static List<string> LedgerReleases(BareRemote remote) =>
        [.. remote.Git("show", "refs/slipway/ledger:ledger.jsonl").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(r => r.GetProperty("action").GetString() == "release")
            .Select(r => $"{r.GetProperty("detail").GetString()} on {r.GetProperty("commit").GetString()}")
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void A_package_s_own_versioning_decides_its_bump()
    {
        using var remote = new BareRemote();
        var config = Config.Replace("""
                tag: ["{name}-v{version}", "conventional-changelog-{name}@{version}"]
            """, """
                tag: ["{name}-v{version}", "conventional-changelog-{name}@{version}"]
                versioning: { bump: conventional, rules: { feat: patch } }
            """, StringComparison.Ordinal);
        Assert.NotEqual(Config, config);
        using var repo = Monorepo(remote, config);

        var plan = repo.Slipway("plan", "--json");

        Expect.Success(plan);
        using var json = JsonDocument.Parse(plan.StandardOutput);
        var byName = json.RootElement.EnumerateArray().ToDictionary(p => p.GetProperty("package").GetString()!);
        // angular's feat is a patch by its own rules; core's fix is still the repository's patch.
        Assert.Equal("5.0.13", byName["angular"].GetProperty("next").GetProperty("version").GetString());
        Assert.Equal("1.0.1", byName["core"].GetProperty("next").GetProperty("version").GetString());
        Assert.Equal("5.0.13\n", repo.Slipway("version", "--next", "--package", "angular").StandardOutput);
    }
}
