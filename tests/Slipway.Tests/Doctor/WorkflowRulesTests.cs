using Slipway.Adapters.Actions;
using Slipway.Core.Doctor;

namespace Slipway.Tests.Doctor;

/// <summary>actionlint's rules that doctor checks natively, and the write permissions a job's steps need.</summary>
public sealed class WorkflowRulesTests
{
    private static Workflow Read(string yaml) => WorkflowReader.Parse(yaml, "ci.yml").Workflow!;

    [Fact]
    public void Unknown_events_jobs_without_runs_on_and_needs_naming_no_job_are_problems_with_their_lines()
    {
        var workflow = Read("""
            on: [push, pul_request]
            jobs:
              build:
                steps: [{ run: make }]
              test:
                runs-on: ubuntu-latest
                needs: [build, lint]
              call:
                uses: ./.github/workflows/other.yml
            """);

        Assert.Equal([
            "ci.yml:1: unknown event 'pul_request'",
            "ci.yml:3: job 'build' has no runs-on",
            "ci.yml:7: job 'test' needs 'lint', which is not a job of this workflow",
        ], WorkflowRules.Problems(workflow));
    }

    [Fact]
    public void Text_that_is_not_yaml_or_not_a_mapping_is_a_problem_naming_the_file_and_line()
    {
        Assert.StartsWith("ci.yml:4: not valid YAML", WorkflowReader.Parse("on: push\njobs:\n  a: [\n", "ci.yml").Problem, StringComparison.Ordinal);
        Assert.Equal("ci.yml:1: not a workflow (expected a mapping with on: and jobs:)", WorkflowReader.Parse("- just\n- a list\n", "ci.yml").Problem);
    }

    [Fact]
    public void A_job_that_pushes_to_ghcr_io_without_packages_write_lacks_it_and_a_job_without_permissions_is_not_judged()
    {
        var workflow = Read("""
            on: { push: { tags: ["v*.*.*"] } }
            permissions: {}
            jobs:
              image:
                runs-on: ubuntu-latest
                permissions:
                  contents: read
                steps:
                  - uses: docker/login-action@v3
                    with: { registry: ghcr.io }
                  - uses: docker/build-push-action@v6
                    with: { push: true }
              release:
                runs-on: ubuntu-latest
                permissions: write-all
                steps:
                  - run: slipway release patch --yes
            """);

        var missing = Assert.Single(WorkflowRules.UngrantedScopes(workflow, imageOnGhcr: false));
        Assert.Equal("ci.yml:6: job 'image' has no packages: write (docker/build-push-action pushes the image to ghcr.io)", missing.ToString());
        Assert.Empty(WorkflowRules.UngrantedScopes(Read("on: push\njobs:\n  r:\n    runs-on: x\n    steps: [{ run: slipway release }]\n"), imageOnGhcr: true));
    }

    [Fact]
    public void Slipway_ci_release_needs_contents_write_and_packages_write_for_an_image_in_ghcr_io()
    {
        var job = Read("""
            on: push
            jobs:
              release:
                runs-on: ubuntu-latest
                steps:
                  - uses: slipway-dev/slipway@v0
                    with: { command: ci release }
            """).Jobs[0];

        Assert.Equal(["contents", "packages"], WorkflowRules.Needs(job, imageOnGhcr: true).Select(n => n.Scope));
        Assert.Equal(["contents"], WorkflowRules.Needs(job, imageOnGhcr: false).Select(n => n.Scope));
    }

    [Fact]
    public void The_next_tag_that_the_release_workflow_does_not_match_fails_with_the_patterns_that_would()
    {
        var workflow = Read("on: { push: { tags: [\"release-*\"] } }\njobs: { a: { runs-on: x } }\n");

        var check = TagTriggerRule.Check("release.yml", workflow, exists: true, "v1.3.0", ["v*.*.*"]);

        Assert.Equal(CheckStatus.Failed, check.Status);
        Assert.Equal("the next tag v1.3.0 does not match on.push.tags [release-*] in release.yml:1, so pushing it starts no release", check.Detail);
        Assert.Equal("set on: { push: { tags: [\"v*.*.*\"] } } in release.yml (or tag.prefix in slipway.yml to the prefix the workflow expects)", check.Fix);
        Assert.Equal(CheckStatus.Passed, TagTriggerRule.Check("release.yml", workflow, exists: true, "release-1", ["v*.*.*"]).Status);
        Assert.Equal(CheckStatus.Failed, TagTriggerRule.Check("release.yml", null, exists: false, "v1.3.0", ["v*.*.*"]).Status);
    }
}
