using Slipway.Core.Commits;
using Slipway.Core.Configuration;
using Slipway.Core.Packages;
using Slipway.Core.Releases;
using Slipway.Core.Versioning;

namespace Slipway.Tests.Core.Packages;

/// <summary>The monorepo's pure rules: tag namings, which package a file belongs to, dependencies from manifests, and the plans released together.</summary>
public sealed class PackageRulesTests
{
    private static PackageConfig Package(string name, string path, params string[] tags) =>
        new() { Name = name, Path = path, Tags = tags.Length == 0 ? [PackageConfig.DefaultTag] : tags };

    [Theory]
    [InlineData("{name}-v{version}", "api", "api-v")]
    [InlineData("{name}@{version}", "@acme/api", "@acme/api@")]
    [InlineData("conventional-changelog-{name}@{version}", "angular", "conventional-changelog-angular@")]
    [InlineData("{version}", "api", "")]
    public void A_template_is_a_prefix(string template, string name, string prefix) =>
        Assert.Equal(prefix, PackageNaming.Prefix(template, name));

    [Theory]
    [InlineData("{name}")]
    [InlineData("{name}-{version}-x")]
    [InlineData("{version}-{version}")]
    [InlineData("{name}-{major}.{version}")]
    public void A_template_without_version_last_or_with_other_placeholders_is_refused(string template) =>
        Assert.NotNull(PackageNaming.Problem(template));

    [Fact]
    public void Tags_of_one_package_never_read_as_another_s()
    {
        // "a-v" starts "a-b-v", but "b-v1.0.0" is no version: the two namings are apart.
        Assert.Null(PackageNaming.Clash([Package("a", "a"), Package("a-b", "ab")]));
        Assert.Equal(("a", "b", "a-v"), PackageNaming.Clash([Package("a", "a"), Package("b", "b", "a-v{version}")]));
        // "{version}" for x reads y's "1.0.0"-style tags: with "" as a prefix, any tag "1.2.3" is x's.
        Assert.NotNull(PackageNaming.Clash([Package("x", "x", "{version}"), Package("y", "y", "{version}")]));
        var naming = PackageNaming.For(Package("angular", "p", "{name}-v{version}", "conventional-changelog-{name}@{version}"));
        Assert.True(naming.TryParse("conventional-changelog-angular@5.0.12", out var old));
        Assert.Equal(new SemanticVersion(5, 0, 12), old);
        Assert.Equal("angular-v5.1.0", naming.TagFor(new SemanticVersion(5, 1, 0)));
        Assert.False(naming.TryParse("conventional-changelog-v8.1.3", out _));
    }

    [Theory]
    [InlineData("packages/api/src/a.ts", true)]
    [InlineData("packages/api", true)]
    [InlineData("packages/api-client/a.ts", false)]
    [InlineData("proto/a.proto", true)]
    [InlineData("protocol/a", false)]
    [InlineData("README.md", false)]
    public void A_file_belongs_to_the_package_whose_path_or_also_paths_hold_it(string file, bool touches) =>
        Assert.Equal(touches, PackagePaths.Touches(Package("api", "packages/api") with { AlsoPaths = ["proto"] }, file));

    [Fact]
    public void Dependencies_come_from_package_json_names_csproj_references_and_pyproject_paths()
    {
        PackageConfig[] packages = [Package("core", "packages/core"), Package("cli", "packages/cli"), Package("net", "src/Net"), Package("py", "py/app"), Package("pylib", "py/lib"), Package("plugin", "packages/plugin")];
        PackageManifest[] manifests =
        [
            new("core", "packages/core/package.json", """{ "name": "@acme/core", "version": "1.0.0" }"""),
            new("cli", "packages/cli/package.json", """{ "name": "cli", "devDependencies": { "@acme/core": "workspace:*", "left-pad": "1.0.0" } }"""),
            new("net", "src/Net/Net.csproj", """<Project><ItemGroup><ProjectReference Include="..\..\packages\core\Core.csproj" /></ItemGroup></Project>"""),
            new("py", "py/app/pyproject.toml", "[tool.poetry.dependencies]\npylib = { path = \"../lib\", develop = true }\n"),
            // A peer range names the hosts a plugin works with: no dependent (release-please's default too).
            new("plugin", "packages/plugin/package.json", """{ "name": "plugin", "peerDependencies": { "@acme/core": "^1.0.0" } }"""),
        ];

        var found = PackageDependencies.Find(packages, manifests);

        Assert.Equal(
            [("cli", "core", "devDependencies"), ("net", "core", null), ("py", "pylib", null)],
            found.Select(d => (d.Dependent, d.Dependency, d.JsonPath?[0])));
        Assert.Null(PackageDependencies.Cycle(found));
        Assert.Equal(["a", "b", "a"], PackageDependencies.Cycle([new("a", "b", "m", null), new("b", "a", "m", null)]));
    }

    [Theory]
    [InlineData("^1.0.0", "^1.2.0")]
    [InlineData("~1.0.0", "~1.2.0")]
    [InlineData("1.0.0", "1.2.0")]
    [InlineData(">=1.0.0", ">=1.2.0")]
    [InlineData("workspace:*", "workspace:*")]
    [InlineData("file:../core", "file:../core")]
    [InlineData("*", "*")]
    public void A_dependents_range_moves_with_its_operator(string before, string after)
    {
        var text = $"{{\n  \"dependencies\": {{\n    \"lodash.merge\": \"4.0.0\",\n    \"core\": \"{before}\"\n  }}\n}}\n";
        Assert.Equal(text.Replace($"\"{before}\"", $"\"{after}\"", StringComparison.Ordinal), PackageDependencies.Update(text, ["dependencies", "core"], "1.2.0"));
    }

    [Theory]
    [InlineData("^1.0.0", "^1.2.0")]
    [InlineData("~1.1.9", "~1.2.0")]
    [InlineData("^1.2.0", "^1.2.0")]
    [InlineData("^1.3.0", "^1.3.0")]
    [InlineData("^2.0.0-rc.1", "^2.0.0-rc.1")]
    [InlineData("workspace:*", "workspace:*")]
    public void A_package_s_own_pull_request_raises_its_range_on_a_dependency_and_never_lowers_it(string before, string after)
    {
        var text = $"{{\n  \"dependencies\": {{\n    \"core\": \"{before}\"\n  }}\n}}\n";
        Assert.Equal(text.Replace($"\"{before}\"", $"\"{after}\"", StringComparison.Ordinal),
            PackageDependencies.Raise(text, ["dependencies", "core"], SemanticVersion.Parse("1.2.0")));
    }

    private static readonly Commit Fix = new(new string('a', 40), [], "A", "a@example.com", DateTimeOffset.UnixEpoch, "fix: x");

    private static ReleasePlan PlanFor(PackageConfig package, BumpDecision bump, SemanticVersion current, bool withCommit)
    {
        var naming = PackageNaming.For(package);
        var tag = new VersionTag(naming.TagFor(current), current, new string('b', 40));
        return ReleasePlanner.Plan(new ReleaseLine(tag, tag), [], withCommit ? [Fix] : [], bump, null, new SemanticVersion(0, 1, 0), naming, [tag]);
    }

    [Fact]
    public void Dependents_get_a_patch_transitively_and_groups_one_version()
    {
        var (core, cli, app, web, docs) = (Package("core", "core"), Package("cli", "cli"), Package("app", "app"), Package("web", "web"), Package("docs", "docs"));
        var versions = new Dictionary<string, SemanticVersion>
        {
            ["core"] = new(1, 0, 0),
            ["cli"] = new(2, 0, 0),
            ["app"] = new(3, 4, 5),
            ["web"] = new(5, 0, 12),
            ["docs"] = new(5, 1, 3),
        };
        ReleasePlan Replan(PackageConfig p, BumpDecision bump) => PlanFor(p, bump, versions[p.Name], withCommit: false);
        List<PackagePlan> own =
        [
            new(core, PlanFor(core, BumpDecision.Requested(BumpKind.Patch), versions["core"], withCommit: true)),
            new(cli, Replan(cli, BumpDecision.Default(BumpKind.Patch))),
            new(app, Replan(app, BumpDecision.Default(BumpKind.Patch))),
            new(web, PlanFor(web, BumpDecision.Requested(BumpKind.Minor), versions["web"], withCommit: true)),
            new(docs, Replan(docs, BumpDecision.Default(BumpKind.Patch))),
        ];
        Assert.Equal(ReleaseStatus.NothingToRelease, own[1].Plan.Status);

        var plans = MonorepoPlanner.Decide(own, [new("cli", "core", "m", null), new("app", "cli", "m", null)], [new PackageGroup("site", ["web", "docs"])], Replan)
            .ToDictionary(p => p.Name);

        Assert.Equal("1.0.1", plans["core"].Plan.Next.ToString());
        Assert.Equal("2.0.1", plans["cli"].Plan.Next.ToString());
        Assert.Equal("3.4.6", plans["app"].Plan.Next.ToString());
        Assert.Contains("depends on cli", plans["app"].Plan.Bump.Reason, StringComparison.Ordinal);
        // web's minor from 5.0.12 is 5.1.0, docs' minor from 5.1.3 is 5.2.0: the group goes to the highest.
        Assert.Equal("5.2.0", plans["web"].Plan.Next.ToString());
        Assert.Equal("5.2.0", plans["docs"].Plan.Next.ToString());
        Assert.All(plans.Values, p => Assert.True(p.Releases, p.Name));
    }

    [Fact]
    public void Release_commits_name_every_tag_they_release()
    {
        var commit = Fix with { Message = ReleaseCommit.Message(["core-v1.0.1", "cli-v2.0.1"]) };
        Assert.Equal(["core-v1.0.1", "cli-v2.0.1"], ReleaseCommit.Tags(commit));
        Assert.True(ReleaseCommit.Is(commit, PackageNaming.For(Package("cli", "cli"))));
        Assert.Empty(ReleaseCommit.Tags(Fix));
    }
}
