using Slipway.Adapters.Helm;
using Slipway.Core.Deployments;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Deployments;

/// <summary>The real helm binary (no cluster needed) on the agent_bus-shaped chart, with the arguments Slipway builds.</summary>
public sealed class HelmChartTests
{
    [Theory]
    [InlineData("values-staging.yaml")]
    [InlineData("values-prod.yaml")]
    public void The_agent_bus_chart_lints_clean_with_each_environments_values(string values)
    {
        var chart = RealHelm.AgentBusChart();

        var result = Run.Process(RealHelm.Require(), ["lint", chart, "-f", Path.Combine(chart, values), "--set", "image.tag=v1.3.0"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("1 chart(s) linted, 0 chart(s) failed", result.StandardOutput, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("agent-bus-staging", "values-staging.yaml", "maxReplicas: 5", "letsencrypt-staging")]
    [InlineData("agent-bus-prod", "values-prod.yaml", "maxReplicas: 10", "letsencrypt-prod")]
    public async Task Helm_template_with_slipways_arguments_renders_the_version_into_the_image(string ns, string values, string apiReplicas, string issuer)
    {
        var chart = RealHelm.AgentBusChart();
        var release = new HelmRelease { Release = "agent-bus", Chart = chart, Values = [Path.Combine(chart, values)], Namespace = ns };

        var result = await new HelmClient(chart, RealHelm.Require()).RunAsync(HelmClient.TemplateArguments(release, "v1.3.0"), default);

        Assert.True(result.Succeeded, result.ErrorOutput);
        Assert.Equal(2, CountOf(result.Output, "image: \"ghcr.io/tefj-fun/agent_bus:v1.3.0\""));
        Assert.Contains(apiReplicas, result.Output, StringComparison.Ordinal);
        Assert.Contains(issuer, result.Output, StringComparison.Ordinal);
        Assert.Contains($"namespace: {ns}", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_canary_steps_values_render_a_canary_api_deployment_beside_the_stable_one_and_weight_0_renders_none()
    {
        var chart = RealHelm.AgentBusChart();
        var release = new HelmRelease { Release = "agent-bus", Chart = chart, Set = [new("api.replicas", "4")] };
        var plan = new Slipway.Core.Rollouts.RolloutPlan(
            new Slipway.Core.Rollouts.Rollout { Steps = [new(50, TimeSpan.Zero), new(100, TimeSpan.Zero)], Analysis = new() { Health = true } },
            new("1.3.0", "v1.3.0", null), new("1.3.1", "v1.3.1", null));
        var helm = new HelmClient(chart, RealHelm.Require());

        var canary = await helm.RunAsync(Template(HelmClient.UpgradeArguments(release, plan.Step(0).Chart(release.ImageKey, release.DigestKey))), default);
        var promoted = await helm.RunAsync(Template(HelmClient.UpgradeArguments(release, plan.Step(1).Chart(release.ImageKey, release.DigestKey))), default);

        Assert.True(canary.Succeeded, canary.ErrorOutput);
        Assert.Contains("name: agent-bus-api-canary", canary.Output, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(canary.Output, "image: \"ghcr.io/tefj-fun/agent_bus:v1.3.1\""));
        Assert.Equal(2, CountOf(canary.Output, "replicas: 2"));
        Assert.True(promoted.Succeeded, promoted.ErrorOutput);
        Assert.DoesNotContain("api-canary", promoted.Output, StringComparison.Ordinal);
        Assert.Equal(2, CountOf(promoted.Output, "image: \"ghcr.io/tefj-fun/agent_bus:v1.3.1\""));

        // The same values helm upgrade would get, given to helm template (no cluster): the rest of the arguments stay as they are.
        static IReadOnlyList<string> Template(IReadOnlyList<string> upgrade) =>
            ["template", .. upgrade.Skip(2).TakeWhile(a => a != "--wait")];
    }

    [Fact]
    public async Task Helm_template_without_the_image_tag_fails_with_the_charts_own_message()
    {
        var chart = RealHelm.AgentBusChart();
        var release = new HelmRelease { Release = "agent-bus", Chart = chart, ImageKey = "image.version" };

        var result = await new HelmClient(chart, RealHelm.Require()).RunAsync(HelmClient.TemplateArguments(release, "v1.3.0"), default);

        Assert.False(result.Succeeded);
        Assert.StartsWith("Error: execution error", result.Problem, StringComparison.Ordinal);
        Assert.Contains("image.tag is required", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Dry_run_prints_the_shell_quoted_helm_command_and_renders_the_chart_for_real_and_records_nothing()
    {
        RealHelm.Require();
        using var example = new DeployExample(DeployExample.StagingAndProduction.Replace("create_namespace: true }\n    on_release", "create_namespace: true,\n            set: { api.note: \"it's fine\" } }\n    on_release", StringComparison.Ordinal));

        var result = example.Slipway("deploy", "staging", "1.3.0", "--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("  helm upgrade --install agent-bus ./helm/agent-bus --set image.tag=v1.3.0 --set 'api.note=it'\\''s fine' -f helm/agent-bus/values-staging.yaml --namespace agent-bus-staging --create-namespace --wait --timeout 5m\n",
            result.StandardOutput, StringComparison.Ordinal);
        Assert.EndsWith("helm template: ok, 6 resources rendered with image.tag=v1.3.0\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(example.Helm.Upgrades);
        Assert.Equal("template", Assert.Single(example.Helm.Calls)[0]);
        Assert.Empty(example.RemoteLedger());
    }

    [Fact]
    public void Dry_run_of_a_chart_that_does_not_render_exits_1_with_helms_error()
    {
        RealHelm.Require();
        using var example = new DeployExample("""
            environments:
              staging:
                helm: { release: agent-bus, chart: ./helm/agent-bus, image_key: image.version }
            """);

        var result = example.Slipway("deploy", "staging", "1.3.0", "--dry-run");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("slipway: helm template of ./helm/agent-bus failed: Error: execution error", line, StringComparison.Ordinal);
        Assert.Empty(example.RemoteLedger());
    }

    [Fact]
    public void Dry_run_of_a_promotion_shows_what_the_requirements_would_say()
    {
        RealHelm.Require();
        using var example = new DeployExample();
        Assert.Equal(0, example.Slipway("deploy", "staging", "1.3.0").ExitCode);

        var result = example.Slipway("deploy", "production", "1.3.1", "--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("  requires promoted_from staging: REFUSED: production only takes versions that are good in staging, and 1.3.1 was never deployed to staging\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("  requires approval: would be asked at a terminal (exit 3 without one)\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Single(example.RemoteLedger());
    }

    private static int CountOf(string text, string what) => (text.Length - text.Replace(what, string.Empty, StringComparison.Ordinal).Length) / what.Length;
}
