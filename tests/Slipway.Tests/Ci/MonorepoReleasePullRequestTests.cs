using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Ci;

/// <summary>`slipway ci release-pr` and `slipway ci release` in a monorepo (`packages:`): three packages, two with changes (core's fix,
/// cli's feature; cli's package.json depends on core's), one release pull request for both (or one each with release_pr.separate),
/// merged by squash and tagged on the merged commit. Against a bare remote and the GitHub double.</summary>
public sealed class MonorepoReleasePullRequestTests
{
    private const string Config = """
        versioning:
          bump: conventional
        release:
          github: { repo: acme/app }
          flow: pull_request
        packages:
          - name: core
            path: packages/core
            changelog: packages/core/CHANGELOG.md
            bump_files: [{ path: packages/core/package.json }]
          - name: cli
            path: packages/cli
            changelog: packages/cli/CHANGELOG.md
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
            "core-lib": "^1.0.0"
          }
        }

        """;

    /// <summary>Released once (core 1.0.0, cli 2.0.0, docs 0.3.0), then a fix in core (with a hostile subject) and a feature in cli are pushed.</summary>
    private static ReleasePullRequestSetup Monorepo(string config = Config, bool cliFeature = true)
    {
        var setup = new ReleasePullRequestSetup(config, dev =>
        {
            dev.WriteFile("packages/core/package.json", "{\n  \"name\": \"core-lib\",\n  \"version\": \"1.0.0\"\n}\n");
            dev.WriteFile("packages/core/CHANGELOG.md", "# Changelog\n");
            dev.WriteFile("packages/cli/package.json", CliManifest);
            dev.WriteFile("packages/cli/CHANGELOG.md", "# Changelog\n");
            dev.WriteFile("docs/index.md", "# docs\n");
            dev.Commit("chore: the monorepo");
            dev.Tag("core-v1.0.0");
            dev.Tag("cli-v2.0.0");
            dev.Tag("docs-v0.3.0");
        });
        setup.Push("fix(core): <script>alert(1)</script> no longer crashes", "packages/core/index.js");
        if (cliFeature)
        {
            setup.Push("feat(cli): a --json flag", "packages/cli/index.js");
        }

        return setup;
    }

    /// <summary>$GITHUB_OUTPUT as the runner reads it: the last value of each key.</summary>
    private static Dictionary<string, string> Outputs(ReleasePullRequestSetup setup) =>
        GitHubOutputFile.Parse(File.ReadAllText(setup.OutputPath)).GroupBy(o => o.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);

    /// <summary>The `releases` output as a workflow's fromJSON reads it.</summary>
    private static List<(string?, string?, string?, bool)> Releases(string json)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(r => (r.GetProperty("package").GetString(), r.GetProperty("version").GetString(),
            r.GetProperty("tag").GetString(), r.GetProperty("released").GetBoolean()))];
    }

    [Fact]
    public void One_pull_request_proposes_both_packages_and_its_squash_merge_tags_both_on_the_merged_commit()
    {
        using var setup = Monorepo();

        var opened = setup.ReleasePr();

        Assert.True(opened.ExitCode == 0, opened.ToString());
        Assert.Equal("opened #1: chore(release): core-v1.0.1, cli-v2.1.0 (https://github.invalid/acme/app/pull/1)\n", opened.StandardOutput);
        Assert.Equal(("chore(release): core-v1.0.1, cli-v2.1.0", "slipway: pending"), (setup.Pull.Title, Assert.Single(setup.Pull.Labels)));
        var body = setup.Pull.Body!;
        Assert.Contains("### core-v1.0.1", body, StringComparison.Ordinal);
        Assert.Contains("### cli-v2.1.0", body, StringComparison.Ordinal);
        Assert.Contains("a --json flag", body, StringComparison.Ordinal);
        Assert.DoesNotContain("docs-v", body, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", body, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; no longer crashes", body, StringComparison.Ordinal);
        Assert.Equal(2, body.Split("<!-- slipway:release-pr:end -->").Length);
        Assert.Contains("`/slipway bump minor NAME` for one package's", body, StringComparison.Ordinal);

        // The release branch holds the commit `slipway release` would make: both changelogs and versions, cli's range on core, a trailer per tag.
        const string branch = ReleasePullRequestSetup.Branch;
        Assert.Equal(setup.Remote.BranchCommit(), setup.Remote.Git("rev-parse", branch + "^"));
        Assert.Equal("Slipway-Release: core-v1.0.1\nSlipway-Release: cli-v2.1.0",
            setup.Remote.Git("log", "-1", "--format=%(trailers:key=Slipway-Release)", branch).ReplaceLineEndings("\n").Trim('\n'));
        Assert.Equal(["packages/cli/CHANGELOG.md", "packages/cli/package.json", "packages/core/CHANGELOG.md", "packages/core/package.json"],
            setup.Remote.Git("diff", "--name-only", "main", branch).ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("\"version\": \"1.0.1\"", setup.Remote.Git("show", branch + ":packages/core/package.json"), StringComparison.Ordinal);
        var cliManifest = setup.Remote.Git("show", branch + ":packages/cli/package.json");
        Assert.Contains("\"version\": \"2.1.0\"", cliManifest, StringComparison.Ordinal);
        Assert.Contains("\"core-lib\": \"^1.0.1\"", cliManifest, StringComparison.Ordinal);
        Assert.Contains("## [1.0.1]", setup.Remote.Git("show", branch + ":packages/core/CHANGELOG.md"), StringComparison.Ordinal);

        // Nothing new: nothing written, to GitHub or to the release branch.
        var writes = setup.Api.Writes.Count;
        var tip = setup.Remote.BranchCommit(branch);
        var again = setup.ReleasePr();
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal("#1 already proposes core-v1.0.1, cli-v2.1.0\n", again.StandardOutput);
        Assert.Equal(writes, setup.Api.Writes.Count);
        Assert.Equal(tip, setup.Remote.BranchCommit(branch));

        // The squash merge, and a commit right after it in the same push: both tags go on the merged commit, pushed, each package published.
        var merged = setup.SquashMerge(1);
        setup.Push("docs: mention the --json flag", "README.md");
        File.Delete(setup.OutputPath);
        var release = setup.CiRelease();
        Assert.True(release.ExitCode == 0, release.ToString());
        Assert.Equal("released core-v1.0.1: publish, relabel\nreleased cli-v2.1.0: publish\n", release.StandardOutput);

        // The outputs name each package's release: its own keys, and the list; no key without a prefix says which of the two it is.
        var outputs = Outputs(setup);
        Assert.Equal(("true", "1.0.1", "core-v1.0.1", "true"), (outputs["released"], outputs["core--version"], outputs["core--tag"], outputs["core--released"]));
        Assert.Equal(("2.1.0", "cli-v2.1.0", "https://github.invalid/acme/app/releases/tag/cli-v2.1.0"),
            (outputs["cli--version"], outputs["cli--tag"], outputs["cli--release_url"]));
        Assert.False(outputs.ContainsKey("version") || outputs.ContainsKey("tag"));
        Assert.Equal([("core", "1.0.1", "core-v1.0.1", true), ("cli", "2.1.0", "cli-v2.1.0", true)], Releases(outputs["releases"]));
        var tags = setup.Remote.Tags();
        Assert.Equal((merged, merged), (tags["core-v1.0.1"], tags["cli-v2.1.0"]));
        Assert.StartsWith("Release core-v1.0.1\n", setup.Remote.Git("tag", "--list", "--format=%(contents)", "core-v1.0.1").ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("no longer crashes", setup.Remote.Git("tag", "--list", "--format=%(contents)", "core-v1.0.1"), StringComparison.Ordinal);
        Assert.DoesNotContain("--json", setup.Remote.Git("tag", "--list", "--format=%(contents)", "core-v1.0.1"), StringComparison.Ordinal);
        Assert.Equal(["core-v1.0.1", "cli-v2.1.0"], setup.Api.Releases.Select(r => r.TagName));
        Assert.Equal(["slipway: released"], setup.Pull.Labels);

        // Both commands once more: nothing changes; the release branch is gone, no new pull request.
        writes = setup.Api.Writes.Count;
        var releaseAgain = setup.CiRelease();
        Assert.True(releaseAgain.ExitCode == 0, releaseAgain.ToString());
        Assert.Equal("no release pull request merged in this push: nothing to release\n", releaseAgain.StandardOutput);
        var proposeAgain = setup.ReleasePr();
        Assert.True(proposeAgain.ExitCode == 0, proposeAgain.ToString());
        Assert.Equal("nothing to release\n", proposeAgain.StandardOutput);
        Assert.Equal(writes, setup.Api.Writes.Count);
        Assert.Null(setup.Remote.BranchCommit(branch));
        Assert.Single(setup.Api.Pulls);
        Assert.Equal(2, setup.Api.Releases.Count);
    }

    [Fact]
    public void A_bump_naming_a_package_moves_that_package_in_the_one_pull_request_and_a_bump_without_one_moves_every_package_in_it()
    {
        using var setup = Monorepo();
        Assert.Equal(0, setup.ReleasePr().ExitCode);

        // core's minor: its version, its changelog, and cli's range on it move; cli keeps its own bump.
        setup.Pull.Body += "\n/slipway bump minor core\n";
        var named = setup.ReleasePr();
        Assert.True(named.ExitCode == 0, named.ToString());
        Assert.Equal("updated #1: it proposes core-v1.1.0, cli-v2.1.0\n", named.StandardOutput);
        Assert.Equal("chore(release): core-v1.1.0, cli-v2.1.0", setup.Pull.Title);
        const string branch = ReleasePullRequestSetup.Branch;
        Assert.Contains("\"version\": \"1.1.0\"", setup.Remote.Git("show", branch + ":packages/core/package.json"), StringComparison.Ordinal);
        Assert.Contains("\"core-lib\": \"^1.1.0\"", setup.Remote.Git("show", branch + ":packages/cli/package.json"), StringComparison.Ordinal);
        Assert.Contains("## [1.1.0]", setup.Remote.Git("show", branch + ":packages/core/CHANGELOG.md"), StringComparison.Ordinal);

        // A later line without a package covers every package the pull request proposes (not docs, which has nothing to release);
        // a line naming a package with nothing to release forces its release; a name that is no package is left alone.
        setup.Pull.Body += "/slipway bump major\n/slipway bump patch docs\n/slipway bump major nosuch\n";
        var every = setup.ReleasePr();
        Assert.True(every.ExitCode == 0, every.ToString());
        Assert.Equal("updated #1: it proposes core-v2.0.0, cli-v3.0.0, docs-v0.3.1\n", every.StandardOutput);
        Assert.Equal("Slipway-Release: core-v2.0.0\nSlipway-Release: cli-v3.0.0\nSlipway-Release: docs-v0.3.1",
            setup.Remote.Git("log", "-1", "--format=%(trailers:key=Slipway-Release)", branch).ReplaceLineEndings("\n").Trim('\n'));

        // Merging it releases what it proposed.
        var merged = setup.SquashMerge(1);
        var release = setup.CiRelease();
        Assert.True(release.ExitCode == 0, release.ToString());
        var tags = setup.Remote.Tags();
        Assert.Equal((merged, merged, merged), (tags["core-v2.0.0"], tags["cli-v3.0.0"], tags["docs-v0.3.1"]));
    }

    [Fact]
    public void Separate_pull_requests_hold_one_package_each_and_merging_one_tags_only_that_package()
    {
        using var setup = Monorepo(Config + "release_pr: { separate: true }\n");

        var opened = setup.ReleasePr();

        Assert.True(opened.ExitCode == 0, opened.ToString());
        Assert.Equal("opened #1: chore(release): core-v1.0.1 (https://github.invalid/acme/app/pull/1)\n"
            + "opened #2: chore(release): cli-v2.1.0 (https://github.invalid/acme/app/pull/2)\n", opened.StandardOutput);
        Assert.Equal(["slipway/release-main-core", "slipway/release-main-cli"], setup.Api.Pulls.Select(p => p.Head));
        Assert.Equal(["packages/core/CHANGELOG.md", "packages/core/package.json"],
            setup.Remote.Git("diff", "--name-only", "main", "slipway/release-main-core").ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["packages/cli/CHANGELOG.md", "packages/cli/package.json"],
            setup.Remote.Git("diff", "--name-only", "main", "slipway/release-main-cli").ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("Slipway-Release: cli-v2.1.0", setup.Remote.Git("log", "-1", "--format=%(trailers:key=Slipway-Release)", "slipway/release-main-cli").Trim());
        Assert.Contains("a --json flag", setup.Api.Pulls[1].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("a --json flag", setup.Api.Pulls[0].Body, StringComparison.Ordinal);
        Assert.Contains("/slipway bump minor", setup.Api.Pulls[0].Body, StringComparison.Ordinal);

        var writes = setup.Api.Writes.Count;
        var again = setup.ReleasePr();
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Equal("#1 already proposes core-v1.0.1\n#2 already proposes cli-v2.1.0\n", again.StandardOutput);
        Assert.Equal(writes, setup.Api.Writes.Count);

        // A package's own pull request reads `/slipway bump minor` in its body: that package's proposal moves, the other's stays.
        setup.Api.Pulls[0].Body += "\n/slipway bump minor\n";
        var bumped = setup.ReleasePr();
        Assert.True(bumped.ExitCode == 0, bumped.ToString());
        Assert.Equal("updated #1: it proposes core-v1.1.0\n#2 already proposes cli-v2.1.0\n", bumped.StandardOutput);
        Assert.Contains("\"version\": \"1.1.0\"", setup.Remote.Git("show", "slipway/release-main-core:packages/core/package.json"), StringComparison.Ordinal);
        // cli's own pull request follows core's proposal in its range on core (core's pull request writes none of cli's files).
        Assert.Contains("\"core-lib\": \"^1.1.0\"", setup.Remote.Git("show", "slipway/release-main-cli:packages/cli/package.json"), StringComparison.Ordinal);
        Assert.DoesNotContain("packages/cli/", setup.Remote.Git("diff", "--name-only", "main", "slipway/release-main-core"), StringComparison.Ordinal);

        // Merging core's: core is tagged on the merged commit and its pull request relabelled; cli's stays pending, rebuilt on the new main.
        var merged = setup.SquashMerge(1);
        writes = setup.Api.Writes.Count;
        var waiting = setup.ReleasePr();
        Assert.True(waiting.ExitCode == 0, waiting.ToString());
        Assert.Equal("core-v1.1.0 is merged but not tagged yet: `slipway ci release` tags it; nothing to propose\n", waiting.StandardOutput);
        Assert.Equal(writes, setup.Api.Writes.Count);
        File.Delete(setup.OutputPath);
        var release = setup.CiRelease();
        Assert.True(release.ExitCode == 0, release.ToString());
        Assert.Equal("released core-v1.1.0: publish, relabel\n", release.StandardOutput);
        // One package released: the keys without a prefix name it too, as in a repository of one package.
        var outputs = Outputs(setup);
        Assert.Equal(("1.1.0", "core-v1.1.0", "true", "1.1.0"), (outputs["version"], outputs["tag"], outputs["released"], outputs["core--version"]));
        Assert.Equal([("core", "1.1.0", "core-v1.1.0", true)], Releases(outputs["releases"]));
        Assert.Equal(merged, setup.Remote.Tags()["core-v1.1.0"]);
        Assert.DoesNotContain("cli-v2.1.0", setup.Remote.Tags().Keys);
        Assert.Equal(["slipway: released"], setup.Api.Pulls[0].Labels);
        Assert.Equal(["slipway: pending"], setup.Api.Pulls[1].Labels);

        var next = setup.ReleasePr();
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Equal("core: nothing to release\nupdated #2: it proposes cli-v2.1.0\n", next.StandardOutput);
        Assert.Equal(merged, setup.Remote.Git("rev-parse", "slipway/release-main-cli^"));
        Assert.Null(setup.Remote.BranchCommit("slipway/release-main-core"));
        // core released: cli's range stays on the version core was released at, not the one main's manifest still names.
        Assert.Contains("\"core-lib\": \"^1.1.0\"", setup.Remote.Git("show", "slipway/release-main-cli:packages/cli/package.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void With_separate_pull_requests_a_dependent_with_no_commits_of_its_own_gets_its_own_patch_pull_request_with_the_new_range()
    {
        using var setup = Monorepo(Config + "release_pr: { separate: true }\n", cliFeature: false);

        var opened = setup.ReleasePr();

        Assert.True(opened.ExitCode == 0, opened.ToString());
        Assert.Equal("opened #1: chore(release): core-v1.0.1 (https://github.invalid/acme/app/pull/1)\n"
            + "opened #2: chore(release): cli-v2.0.1 (https://github.invalid/acme/app/pull/2)\n", opened.StandardOutput);
        Assert.Equal(["packages/core/CHANGELOG.md", "packages/core/package.json"],
            setup.Remote.Git("diff", "--name-only", "main", "slipway/release-main-core").ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["packages/cli/CHANGELOG.md", "packages/cli/package.json"],
            setup.Remote.Git("diff", "--name-only", "main", "slipway/release-main-cli").ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var cliManifest = setup.Remote.Git("show", "slipway/release-main-cli:packages/cli/package.json");
        Assert.Contains("\"version\": \"2.0.1\"", cliManifest, StringComparison.Ordinal);
        Assert.Contains("\"core-lib\": \"^1.0.1\"", cliManifest, StringComparison.Ordinal);

        // Merging the dependent's pull request tags only it; the dependency's stays proposed.
        var merged = setup.SquashMerge(2);
        var release = setup.CiRelease();
        Assert.True(release.ExitCode == 0, release.ToString());
        Assert.Equal(merged, setup.Remote.Tags()["cli-v2.0.1"]);
        Assert.DoesNotContain("core-v1.0.1", setup.Remote.Tags().Keys);
        var next = setup.ReleasePr();
        Assert.True(next.ExitCode == 0, next.ToString());
        Assert.Equal("updated #1: it proposes core-v1.0.1\ncli: nothing to release\n", next.StandardOutput);
    }

    [Fact]
    public void A_merged_release_one_of_whose_tags_already_exists_elsewhere_exits_3_with_one_line_and_tags_nothing()
    {
        using var setup = Monorepo();
        Assert.Equal(0, setup.ReleasePr().ExitCode);
        var elsewhere = setup.Remote.BranchCommit()!;
        var merged = setup.SquashMerge(1);
        setup.Dev.Git("tag", "cli-v2.1.0", elsewhere);
        setup.Dev.Git("push", "--quiet", "origin", "cli-v2.1.0");

        var result = setup.CiRelease();

        Assert.Equal(3, result.ExitCode);
        Assert.Equal($"slipway: tag cli-v2.1.0 already exists on {elsewhere[..7]}, not on the merged release commit {merged[..7]}; "
            + "someone released it already: delete that tag if it is wrong (git push --delete origin cli-v2.1.0), or let the next release pull request propose a new version\n",
            result.StandardError);
        Assert.DoesNotContain("core-v1.0.1", setup.Remote.Tags().Keys);
        Assert.Empty(setup.Api.Releases);
    }
}
