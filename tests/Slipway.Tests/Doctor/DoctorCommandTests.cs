using Slipway.Tests.Deployments;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Doctor;

/// <summary>`slipway doctor` in the agent-bus example, run as a user runs it: what passes here, and each break turning exactly its check to failed.</summary>
public sealed class DoctorCommandTests
{
    private static readonly string[] Passing = ["config", "workflows", "tag-trigger", "permissions", "dockerfile", "registry", "registry-push", "github", "helm", "chart:staging", "chart:production", "ledger"];

    [Fact]
    public void In_the_example_every_check_that_can_run_here_passes_and_the_cluster_checks_are_skipped_saying_why()
    {
        RealHelm.Require();
        using var example = new DoctorExample();

        var (result, checks) = example.DoctorJson();

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(Passing.Order(StringComparer.Ordinal), checks.Where(c => c.Value.Status == "passed").Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.Equal(["cluster:production", "cluster:staging"], checks.Where(c => c.Value.Status == "skipped").Select(c => c.Key).Order(StringComparer.Ordinal));
        Assert.StartsWith("no kubeconfig here", checks["cluster:staging"].Detail, StringComparison.Ordinal);
        Assert.Equal("the next tag v1.2.4 starts .github/workflows/release.yml (on.push.tags [v*.*.*])", checks["tag-trigger"].Detail);
        Assert.Contains("lints and renders 6 resource(s) with helm/agent-bus/values-staging.yaml", checks["chart:staging"].Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(example.Registry.Password, result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(example.GitHub.Token, result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        // Push access was tried without writing anything: no tag, no blob.
        Assert.Equal(0, example.Registry.CountRequests("PUT", "tefj-fun/agent_bus") + example.Registry.CountRequests("PATCH", "tefj-fun/agent_bus"));
        Assert.True(example.Registry.CountRequests("DELETE", "tefj-fun/agent_bus/blobs/uploads/") > 0, "the upload doctor started was not cancelled");
        Assert.Empty(example.GitHub.Violations);
    }

    [Fact]
    public void The_text_report_lists_each_check_with_its_mark_and_a_summary_line()
    {
        RealHelm.Require();
        using var example = new DoctorExample();

        var result = example.Doctor("--offline");

        Assert.True(result.ExitCode == 0, result.ToString());
        var lines = result.StandardOutput.Split('\n');
        Assert.Equal("Checks", lines[0]);
        Assert.Matches(@"^  ok   tag-trigger +the next tag v1\.2\.4 starts \.github/workflows/release\.yml", lines.Single(l => l.Contains("tag-trigger", StringComparison.Ordinal)));
        Assert.Matches("^  skip registry +--offline: the network is not asked$", lines.Single(l => l.StartsWith("  skip registry ", StringComparison.Ordinal)));
        Assert.EndsWith("\n8 passed, 0 failed, 6 skipped\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StandardError);
    }

    [Fact]
    public void A_tag_pattern_the_next_tag_does_not_match_fails_only_the_tag_trigger_check_with_its_fix()
    {
        RealHelm.Require();
        using var example = new DoctorExample();
        example.Repo.WriteFile(".github/workflows/release.yml", example.Repo.ReadFile(".github/workflows/release.yml").Replace("tags: [\"v*.*.*\"]", "tags: [\"release-*\"]", StringComparison.Ordinal));

        var (result, checks) = example.DoctorJson();

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["tag-trigger"], DoctorExample.Failed(checks));
        Assert.Equal("the next tag v1.2.4 does not match on.push.tags [release-*] in .github/workflows/release.yml:8, so pushing it starts no release", checks["tag-trigger"].Detail);
        Assert.StartsWith("set on: { push: { tags: [\"v*.*.*\"] } } in .github/workflows/release.yml", checks["tag-trigger"].Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Removing_packages_write_from_the_image_job_fails_only_the_permissions_check_naming_the_job()
    {
        RealHelm.Require();
        using var example = new DoctorExample();
        example.Repo.WriteFile(".github/workflows/release.yml", example.Repo.ReadFile(".github/workflows/release.yml").Replace("      packages: write   # push to ghcr.io\n", string.Empty, StringComparison.Ordinal));

        var (result, checks) = example.DoctorJson();

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["permissions"], DoctorExample.Failed(checks));
        Assert.Equal(".github/workflows/release.yml:55: job 'image' has no packages: write (docker/build-push-action pushes the image to ghcr.io)", checks["permissions"].Detail);
        Assert.Equal("add packages: write to the permissions: of job 'image' in .github/workflows/release.yml", checks["permissions"].Fix);
    }

    [Fact]
    public void A_stopped_registry_fails_the_registry_check_and_skips_the_push_check()
    {
        RealHelm.Require();
        using var example = new DoctorExample();
        example.Registry.Stop();

        var (result, checks) = example.DoctorJson();

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["registry"], DoctorExample.Failed(checks));
        Assert.StartsWith($"registry {example.Registry.Host}: cannot reach http://{example.Registry.Host}/v2/", checks["registry"].Detail, StringComparison.Ordinal);
        Assert.Equal("skipped", checks["registry-push"].Status);
    }

    [Fact]
    public void A_wrong_registry_password_fails_only_the_push_check_and_is_never_printed()
    {
        RealHelm.Require();
        using var example = new DoctorExample();
        example.Password = "wrong-" + Guid.NewGuid().ToString("N");

        var (result, checks) = example.DoctorJson();

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["registry-push"], DoctorExample.Failed(checks));
        Assert.Contains("refused the credentials from REGISTRY_USERNAME/REGISTRY_PASSWORD for user ci", checks["registry-push"].Detail, StringComparison.Ordinal);
        Assert.NotNull(checks["registry-push"].Fix);
        Assert.DoesNotContain(example.Password, result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_read_only_github_token_fails_the_github_check()
    {
        RealHelm.Require();
        using var example = new DoctorExample();
        example.GitHub.CanPush = false;

        var (result, checks) = example.DoctorJson();

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["github"], DoctorExample.Failed(checks));
        Assert.Equal("the token can read tefj-fun/agent_bus but not write to it, so releases cannot be created", checks["github"].Detail);
    }

    [Fact]
    public void A_workflow_that_is_not_yaml_is_one_failed_check_naming_the_file_and_line()
    {
        RealHelm.Require();
        using var example = new DoctorExample();
        example.Repo.WriteFile(".github/workflows/lint.yml", "on: push\njobs:\n  lint: [\n");

        var (result, checks) = example.DoctorJson();

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["workflows"], DoctorExample.Failed(checks));
        Assert.StartsWith(".github/workflows/lint.yml:4: not valid YAML", checks["workflows"].Detail, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.StandardError);
    }

    [Fact]
    public void A_registry_that_answers_an_html_page_is_one_failed_registry_check()
    {
        RealHelm.Require();
        using var example = new DoctorExample();
        using var page = new HtmlServer();
        example.Repo.WriteFile("slipway.yml", example.Repo.ReadFile("slipway.yml").Replace(example.Registry.Host, page.Host, StringComparison.Ordinal));

        var (result, checks) = example.DoctorJson();

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["registry"], DoctorExample.Failed(checks));
        Assert.Equal($"registry {page.Host}: http://{page.Host}/v2/ answered 200 with an HTML page (text/html), not the registry API", checks["registry"].Detail);
    }

    [Fact]
    public void A_chart_template_error_fails_each_environments_chart_check_naming_the_template_and_line()
    {
        RealHelm.Require();
        using var example = new DoctorExample();
        example.Repo.WriteFile("helm/agent-bus/templates/service.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Values.name | nosuchfunction }}\n");

        var (result, checks) = example.DoctorJson();

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["chart:production", "chart:staging"], DoctorExample.Failed(checks));
        Assert.Contains("templates/service.yaml:4", checks["chart:staging"].Detail, StringComparison.Ordinal);
        Assert.StartsWith("fix the chart ./helm/agent-bus or helm/agent-bus/values-staging.yaml", checks["chart:staging"].Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_named_environment_is_checked_with_env_and_an_unknown_one_is_a_usage_error()
    {
        RealHelm.Require();
        using var example = new DoctorExample();

        var (result, checks) = example.DoctorJson("--env", "staging", "--offline");
        var unknown = example.Doctor("--env", "qa");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("chart:staging", checks.Keys);
        Assert.DoesNotContain("chart:production", checks.Keys);
        Expect.OneLineError(unknown, 2, "unknown environment 'qa'", "staging, production");
    }

    [Fact]
    public void Every_problem_of_a_slipway_yml_that_does_not_load_is_listed_in_the_config_check()
    {
        RealHelm.Require();
        using var example = new DoctorExample();
        example.Repo.WriteFile("slipway.yml", "branch: main\ntag:\n  prefx: v\nversioning:\n  bump: sideways\nimage:\n  name: \"ghcr.io/a/b\"\n");

        var (result, checks) = example.DoctorJson();

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["config"], DoctorExample.Failed(checks));
        Assert.Contains("slipway.yml:3", checks["config"].Detail, StringComparison.Ordinal);
        Assert.Contains("slipway.yml:5", checks["config"].Detail, StringComparison.Ordinal);
        Assert.Equal("skipped", checks["registry"].Status);
    }

    [Fact]
    public void A_kubeconfig_that_is_garbage_fails_each_cluster_check_naming_the_file_and_line_and_not_its_contents()
    {
        RealHelm.Require();
        using var example = new DoctorExample();
        File.WriteAllText(example.KubeconfigPath, "apiVersion: v1\nusers: [{ name: ci, user: { token: secret-kube-token } }]\nclusters: [\n");

        var (result, checks) = example.DoctorJson("--offline");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["cluster:production", "cluster:staging"], DoctorExample.Failed(checks));
        Assert.Equal($"{example.KubeconfigPath}:4: not valid YAML", checks["cluster:staging"].Detail);
        Assert.DoesNotContain("secret-kube-token", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_kube_context_missing_from_the_kubeconfig_fails_the_cluster_check_with_the_contexts_there()
    {
        RealHelm.Require();
        using var example = new DoctorExample();
        File.WriteAllText(example.KubeconfigPath, "apiVersion: v1\ncontexts: [{ name: kind-dev, context: { cluster: dev } }]\ncurrent-context: prod-eu\n");

        var (result, checks) = example.DoctorJson("--offline", "--env", "staging");

        Assert.Equal(3, result.ExitCode);
        Assert.Equal(["cluster:staging"], DoctorExample.Failed(checks));
        Assert.Equal($"the kube context 'prod-eu' is not in the kubeconfig ({example.KubeconfigPath})", checks["cluster:staging"].Detail);
        Assert.Equal("use one of: kind-dev", checks["cluster:staging"].Fix);
    }
}
