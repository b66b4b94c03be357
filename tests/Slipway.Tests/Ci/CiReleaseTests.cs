using Slipway.Core.Deployments;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Ci;

/// <summary>`slipway ci release` as the tag push's workflow runs it: the real CLI, real git with a bare remote, the real registry, the GitHub double, the helm stand-in.</summary>
public sealed class CiReleaseTests
{
    private static readonly string[] VersionTags = ["v1.3.0", "v1.3", "v1", "latest"];

    [Fact]
    public void The_first_run_tags_the_image_publishes_the_release_and_deploys_staging_and_the_second_changes_nothing()
    {
        using var setup = new CiReleaseSetup();
        var digest = setup.PushBuild();

        var first = setup.CiRelease();

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.EndsWith("released v1.3.0: image, publish, deploy staging\n", first.StandardOutput, StringComparison.Ordinal);
        foreach (var tag in VersionTags)
        {
            Assert.Equal(digest, Skopeo.Digest($"{setup.Registry.Host}/acme/app:{tag}"));
        }

        var release = Assert.Single(setup.Api.Releases);
        Assert.Equal("v1.3.0", release.TagName);
        Assert.Contains($"docker pull {setup.Registry.Host}/acme/app:v1.3.0", release.Body!, StringComparison.Ordinal);
        var deployed = Assert.Single(setup.Example.RemoteLedger("staging"));
        Assert.Equal(("1.3.0", DeploymentOutcome.Succeeded, digest, setup.Commit), (deployed.Version.ToString(), deployed.Outcome, deployed.Digest, deployed.Commit));
        var upgrade = Assert.Single(setup.Example.Helm.Upgrades);
        Assert.Equal(["--set", "image.tag=v1.3.0", "--set-string", $"image.digest={digest}"], upgrade[4..8]);

        var puts = setup.Registry.CountRequests("PUT", "/manifests/");
        var uploads = setup.Registry.CountRequests("POST", "/blobs/uploads");
        var second = setup.CiRelease();

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal("v1.3.0 is already released: nothing to do\n", second.StandardOutput);
        Assert.Contains("- image: already done", second.StandardError, StringComparison.Ordinal);
        Assert.Contains("- publish: already done", second.StandardError, StringComparison.Ordinal);
        Assert.Contains("- deploy staging: already done", second.StandardError, StringComparison.Ordinal);
        Assert.Equal(puts, setup.Registry.CountRequests("PUT", "/manifests/"));
        Assert.Equal(uploads, setup.Registry.CountRequests("POST", "/blobs/uploads"));
        Assert.Single(setup.Api.Releases);
        Assert.Single(setup.Example.RemoteLedger("staging"));
        Assert.Single(setup.Example.Helm.Upgrades);
        Assert.Empty(setup.Example.RemoteLedger("production"));
        foreach (var tag in VersionTags)
        {
            Assert.Equal(digest, Skopeo.Digest($"{setup.Registry.Host}/acme/app:{tag}"));
        }
    }

    [Fact]
    public void The_outputs_and_the_summary_say_what_was_released_and_where()
    {
        using var setup = new CiReleaseSetup();
        var digest = setup.PushBuild();

        var first = setup.CiRelease();
        var outputs = setup.Outputs();
        var summary = setup.Summary();

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Equal("1.3.0", outputs["version"]);
        Assert.Equal("v1.3.0", outputs["tag"]);
        Assert.Equal("true", outputs["released"]);
        Assert.Equal(string.Join('\n', VersionTags.Select(t => $"{setup.Registry.Host}/acme/app:{t}")), outputs["image_tags"]);
        Assert.Equal($"https://github.invalid/{setup.Api.Repository}/releases/tag/v1.3.0", outputs["release_url"]);
        Assert.Equal("staging", outputs["deployed"]);
        Assert.StartsWith("## Released v1.3.0\n\n| Step | Outcome |\n|---|---|\n| image | done: ", summary, StringComparison.Ordinal);
        Assert.Contains($"\n- {setup.Registry.Host}/acme/app:v1.3.0\n", summary, StringComparison.Ordinal);
        Assert.Contains($"\nDigest: {digest}\n", summary, StringComparison.Ordinal);
        Assert.Contains($"\n### GitHub release\n\n[v1.3.0]({outputs["release_url"]})\n", summary, StringComparison.Ordinal);
        Assert.Contains("\n### Environments\n\n- staging: deployed 1.3.0\n", summary, StringComparison.Ordinal);
        Assert.Contains("\n### Changelog\n\n", summary, StringComparison.Ordinal);
        Assert.Contains("towards v1.3.0", summary[summary.IndexOf("### Changelog", StringComparison.Ordinal)..], StringComparison.Ordinal);

        var second = setup.CiRelease();
        outputs = setup.Outputs();

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Equal("false", outputs["released"]);
        Assert.Equal("staging", outputs["deployed"]);
        Assert.Equal($"https://github.invalid/{setup.Api.Repository}/releases/tag/v1.3.0", outputs["release_url"]);
        Assert.Contains("## Already released: v1.3.0\n", setup.Summary(), StringComparison.Ordinal);
        Assert.Contains("\n- staging: 1.3.0 was already running\n", setup.Summary(), StringComparison.Ordinal);
    }

    [Fact]
    public void GitHub_failing_stops_at_publish_naming_it_and_the_re_run_finishes_what_is_left()
    {
        using var setup = new CiReleaseSetup();
        var digest = setup.PushBuild();
        setup.Api.Fail("repos/create-release", 500, times: 4); // every try of one run

        var failed = setup.CiRelease();

        Assert.Equal(1, failed.ExitCode);
        Assert.StartsWith("slipway: publish: ", failed.StandardError.Trim().Split('\n')[^1], StringComparison.Ordinal);
        Assert.True(failed.StandardOutput.Contains("::error title=slipway ci release%3A publish::publish: GitHub failed to create the release v1.3.0", StringComparison.Ordinal), failed.ToString());
        Assert.Equal(digest, Skopeo.Digest($"{setup.Registry.Host}/acme/app:v1.3.0"));
        Assert.Empty(setup.Api.Releases);
        Assert.Empty(setup.Example.RemoteLedger("staging"));
        Assert.Equal("true", setup.Outputs()["released"]); // the image step tagged the image
        Assert.Contains("| publish | **failed**: ", setup.Summary(), StringComparison.Ordinal);
        Assert.Contains("- staging: not deployed (an earlier step failed)", setup.Summary(), StringComparison.Ordinal);

        var rerun = setup.CiRelease();

        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Contains("- image: already done", rerun.StandardError, StringComparison.Ordinal);
        Assert.EndsWith("released v1.3.0: publish, deploy staging\n", rerun.StandardOutput, StringComparison.Ordinal);
        Assert.Single(setup.Api.Releases);
        Assert.Equal(DeploymentOutcome.Succeeded, Assert.Single(setup.Example.RemoteLedger("staging")).Outcome);
    }

    [Fact]
    public void Helm_failing_stops_at_the_deployment_naming_it_and_the_re_run_deploys_once()
    {
        using var setup = new CiReleaseSetup();
        setup.PushBuild();
        setup.Example.Helm.FailOn("v1.3.0");

        var failed = setup.CiRelease();

        Assert.Equal(1, failed.ExitCode);
        Assert.StartsWith("slipway: deploy staging: deploying 1.3.0 to staging failed: helm: ", failed.StandardError.Trim().Split('\n')[^1], StringComparison.Ordinal);
        Assert.Contains("::error title=slipway ci release%3A deploy staging::", failed.StandardOutput, StringComparison.Ordinal);
        Assert.Single(setup.Api.Releases);
        Assert.Equal(DeploymentOutcome.Failed, Assert.Single(setup.Example.RemoteLedger("staging")).Outcome);
        Assert.Equal(string.Empty, setup.Outputs()["deployed"]);

        setup.Example.Helm.Heal();
        var rerun = setup.CiRelease();

        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.EndsWith("released v1.3.0: deploy staging\n", rerun.StandardOutput, StringComparison.Ordinal);
        Assert.Equal([DeploymentOutcome.Failed, DeploymentOutcome.Succeeded], setup.Example.RemoteLedger("staging").Select(r => r.Outcome));
        Assert.Single(setup.Api.Releases);
        Assert.Equal("staging", setup.Outputs()["deployed"]);
    }

    [Fact]
    public void Without_the_image_built_for_the_commit_the_image_step_exits_3_naming_the_tag()
    {
        using var setup = new CiReleaseSetup();

        var result = setup.CiRelease();

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith($"slipway: image: the image built for {setup.Commit[..7]} ({setup.Registry.Host}/acme/app:{setup.BuildTag}) is not in the registry",
            result.StandardError.Trim().Split('\n')[^1], StringComparison.Ordinal);
        Assert.Empty(setup.Api.Releases);
        Assert.Empty(setup.Example.RemoteLedger());
    }

    [Fact]
    public void Version_tags_the_workflow_already_pushed_with_the_same_digest_are_left_alone()
    {
        using var setup = new CiReleaseSetup();
        var digest = setup.PushBuild();
        foreach (var tag in VersionTags)
        {
            setup.Registry.Push("acme/app", tag, OciImage.Create("agent bus\n"));
        }

        var puts = setup.Registry.CountRequests("PUT", "/manifests/");
        var result = setup.CiRelease();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("- image: already done", result.StandardError, StringComparison.Ordinal);
        Assert.Equal(puts, setup.Registry.CountRequests("PUT", "/manifests/"));
        Assert.Equal(digest, Assert.Single(setup.Example.RemoteLedger("staging")).Digest);
    }

    [Fact]
    public void An_image_source_rule_names_the_build_to_tag()
    {
        using var setup = new CiReleaseSetup();
        setup.Example.Repo.WriteFile("slipway.yml", File.ReadAllText(Path.Combine(setup.Example.Repo.Path, "slipway.yml"))
            .Replace("  name: ", "  source: type=sha,prefix=build-,format=long\n  name: ", StringComparison.Ordinal));
        var digest = setup.Registry.Push("acme/app", $"build-{setup.Commit}", OciImage.Create());

        var result = setup.CiRelease();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(digest, Skopeo.Digest($"{setup.Registry.Host}/acme/app:v1.3.0"));
    }

    [Fact]
    public void Without_a_version_tag_on_HEAD_and_no_VERSION_it_exits_3_with_one_line()
    {
        using var setup = new CiReleaseSetup();
        setup.Example.Repo.Commit("fix: after the release");

        var result = setup.Example.Slipway(setup.Api.Environment, "ci", "release");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("slipway: HEAD has no version tag and no VERSION was given; run it on the tagged commit (a tag push's checkout), or pass the version: slipway ci release 1.3.0\n",
            result.StandardError);
        Assert.Empty(setup.Api.Requests);
    }

    [Fact]
    public void Outside_GitHub_Actions_it_works_from_the_version_tag_on_HEAD_or_a_given_VERSION()
    {
        using var setup = new CiReleaseSetup(image: false, github: false);

        var fromHead = setup.Example.Slipway("ci", "release");
        setup.Example.Repo.Commit("fix: after the release");
        var given = setup.Example.Slipway("ci", "release", "v1.2.0");

        Assert.True(fromHead.ExitCode == 0, fromHead.ToString());
        Assert.Equal("released v1.3.0: deploy staging\n", fromHead.StandardOutput[fromHead.StandardOutput.IndexOf("released", StringComparison.Ordinal)..]);
        Assert.True(given.ExitCode == 0, given.ToString());
        Assert.Equal(["1.3.0", "1.2.0"], setup.Example.RemoteLedger("staging").Select(r => r.Version.ToString()));
        Assert.DoesNotContain("::error", given.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_on_the_tagged_HEAD_lists_the_steps_ci_release_would_take_without_asking_the_registry_or_GitHub()
    {
        using var setup = new CiReleaseSetup();
        var registryRequests = setup.Registry.AccessLog().Count;

        var plan = setup.Example.Slipway(setup.Api.Environment, "plan");
        setup.Example.Repo.Commit("fix: after the release");
        var untagged = setup.Example.Slipway(setup.Api.Environment, "plan");

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.EndsWith("\nAfter the tag push (slipway ci release; each step is checked when it runs, and skipped when done)\n  image, publish, deploy staging\n",
            plan.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("After the tag push", untagged.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(setup.Api.Requests);
        Assert.Equal(registryRequests, setup.Registry.AccessLog().Count);
    }
}
