using System.Text.Json;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Packages;

/// <summary>
/// `--package NAME` on the commands that work on a version (version, changelog, notes, image tags, deploy, status, history):
/// the package's tags are the versions, its paths' commits the history, its own image and environments what ships.
/// </summary>
public sealed class PackageCommandTests
{
    private const string Config = """
        packages:
          - name: api
            path: services/api
            environments:
              api-dev:
                kind: command
                command: { run: [./deploy.sh, "{version}", "{tag}", "{environment}"] }
          - name: web
            path: services/web
            tag: "{name}@{version}"
            image: { name: ghcr.io/acme/web }
        """;

    private static GitRepo TwoServices(BareRemote remote)
    {
        var repo = new GitRepo();
        repo.Git("remote", "add", "origin", remote.Url);
        repo.WriteFile("slipway.yml", Config);
        repo.WriteFile("deploy.sh", "#!/bin/sh\necho \"$1 $2 $3\" >> \"$DEPLOY_LOG\"\n");
        File.SetUnixFileMode(Path.Combine(repo.Path, "deploy.sh"), (UnixFileMode)0b111_101_101);
        repo.WriteFile("services/api/main.go", "package main\n");
        repo.WriteFile("services/web/index.html", "<p>\n");
        repo.Git("add", ".");
        repo.Commit("chore: two services");
        repo.Tag("api-v1.0.0");
        repo.Tag("web@2.0.0");
        repo.Commit("feat(api): orders endpoint", "services/api/orders.go");
        repo.Commit("fix(web): the header", "services/web/header.html");
        repo.Tag("api-v1.1.0", "HEAD~1");
        repo.Tag("web@2.0.1");
        repo.Git("push", "--quiet", "origin", "main", "--tags");
        return repo;
    }

    [Fact]
    public void Each_command_sees_the_package_s_versions_history_image_and_environments()
    {
        using var remote = new BareRemote();
        using var repo = TwoServices(remote);
        using var log = new TempDirectory();
        var deployed = Path.Combine(log.Path, "deployed.txt");

        Assert.Equal("1.1.0\n", repo.Slipway("version", "--package", "api").StandardOutput);
        Assert.Equal("2.0.1\n", repo.Slipway("version", "--package", "web").StandardOutput);

        // api's notes are its commits between its tags: not web's fix, which came later and elsewhere.
        var notes = repo.Slipway("notes", "1.1.0", "--package", "api");
        Expect.Success(notes);
        Assert.Contains("orders endpoint", notes.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("the header", notes.StandardOutput, StringComparison.Ordinal);
        var changelog = repo.Slipway("changelog", "--package", "web");
        Expect.Success(changelog);
        Assert.Contains("the header", changelog.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("orders endpoint", changelog.StandardOutput, StringComparison.Ordinal);

        // web ships its own image, tagged from its own version.
        var tags = repo.Slipway(new Dictionary<string, string?> { ["GITHUB_ACTIONS"] = null }, "image", "tags", "2.0.1", "--package", "web", "--json");
        Expect.Success(tags);
        using (var json = JsonDocument.Parse(tags.StandardOutput))
        {
            var all = json.RootElement.GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
            Assert.Contains("ghcr.io/acme/web:v2.0.1", all);
            Assert.Contains("ghcr.io/acme/web:latest", all);
            Assert.DoesNotContain(all, t => t!.Contains("1.1.0", StringComparison.Ordinal) || t.Contains("/api", StringComparison.Ordinal));
        }

        // api's environment deploys api's version and tag; status shows it.
        var deploy = repo.Slipway(new Dictionary<string, string?> { ["DEPLOY_LOG"] = deployed }, "deploy", "api-dev", "--package", "api");
        Assert.True(deploy.ExitCode == 0, deploy.ToString());
        Assert.Equal(["1.1.0 api-v1.1.0 api-dev"], File.ReadAllLines(deployed));
        var status = repo.Slipway("status", "--package", "api");
        Expect.Success(status);
        Assert.Matches(@"api-dev\s+1\.1\.0", status.StandardOutput);
        // Without --package, the repository has no environment called api-dev: it is api's.
        Expect.OneLineError(repo.Slipway("deploy", "api-dev"), 2, "environment 'api-dev' is package api's", "--package api");
        Expect.OneLineError(repo.Slipway("version", "--package", "db"), 2, "--package db: there is no such package", "api, web");
    }

    [Fact]
    public void Doctor_checks_that_each_package_s_next_tag_starts_the_release_workflow()
    {
        using var remote = new BareRemote();
        using var repo = TwoServices(remote);
        repo.WriteFile(".github/workflows/release.yml", """
            name: release
            on:
              push:
                tags: ["api-v*.*.*"]
            permissions:
              contents: write
            jobs:
              release:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
            """);
        repo.Commit("ci: the release workflow");

        var doctor = repo.Slipway("doctor", "--offline", "--json");

        Assert.Equal(3, doctor.ExitCode);
        using var json = JsonDocument.Parse(doctor.StandardOutput);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);
        Assert.Equal("passed", checks["tag-trigger api"].GetProperty("status").GetString());
        Assert.Equal("failed", checks["tag-trigger web"].GetProperty("status").GetString());
        Assert.Contains("web@2.0.2", checks["tag-trigger web"].GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("web@*.*.*", checks["tag-trigger web"].GetProperty("fix").GetString(), StringComparison.Ordinal);
    }
}
