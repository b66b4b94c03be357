using Slipway.Adapters.Configuration;
using Slipway.Core.Errors;

namespace Slipway.Tests.Deployments;

/// <summary>The environments: section of slipway.yml: the full shape, defaults, and one-line errors with file, line and key.</summary>
public sealed class EnvironmentsConfigTests
{
    [Fact]
    public void The_product_briefs_example_and_every_key_are_read()
    {
        var config = ConfigLoader.Parse("""
            environments:
              staging:
                helm: { release: agent-bus, chart: ./helm/agent-bus, values: [helm/agent-bus/values-staging.yaml],
                        namespace: agent-bus-staging, create_namespace: true }
                on_release: true
                gates:
                  - { name: integration, run: [make, integration-test] }
                health: { url: "https://staging.example.com/health", timeout: 5s, retries: 3, interval: 2s }
                auto_rollback: true
              production:
                helm:
                  release: agent-bus
                  chart: oci://ghcr.io/tefj-fun/charts/agent-bus
                  values: [helm/agent-bus/values-prod.yaml]
                  namespace: agent-bus-prod
                  set: { api.replicas: "3", worker.replicas: "5" }
                  image_key: api.image.tag
                  timeout: 10m
                  kube_context: prod-cluster
                health: { run: [./scripts/smoke.sh, --prod] }
                requires: { approval: true, promoted_from: staging }
            """, "slipway.yml");

        Assert.Equal(["staging", "production"], config.Environments.Select(e => e.Name));
        var staging = config.Environments[0];
        Assert.Equal(("agent-bus", "./helm/agent-bus", "agent-bus-staging", true, "image.tag", "5m"),
            (staging.Helm!.Release, staging.Helm.Chart, staging.Helm.Namespace, staging.Helm.CreateNamespace, staging.Helm.ImageKey, staging.Helm.Timeout));
        Assert.True(staging.OnRelease && staging.AutoRollback);
        Assert.Equal(["make", "integration-test"], staging.Gates.Single().Run);
        Assert.Equal((TimeSpan.FromSeconds(5), 3, TimeSpan.FromSeconds(2)), (staging.Health!.Timeout, staging.Health.Retries, staging.Health.Interval));
        var production = config.Environments[1];
        Assert.Equal([new("api.replicas", "3"), new KeyValuePair<string, string>("worker.replicas", "5")], production.Helm!.Set);
        Assert.Equal(("api.image.tag", "10m", "prod-cluster"), (production.Helm.ImageKey, production.Helm.Timeout, production.Helm.KubeContext));
        Assert.Equal(["./scripts/smoke.sh", "--prod"], production.Health!.Run);
        Assert.True(production.Requires.Approval);
        Assert.Equal("staging", production.Requires.PromotedFrom);
        Assert.False(production.AutoRollback);
    }

    [Theory]
    [InlineData("gates: [ { name: t, run: \"make test && rm -rf /\" } ]", "slipway.yml:4: environments.staging.gates[0].run: expected the command as a non-empty list of arguments")]
    [InlineData("requires: { promoted_from: qa }", "slipway.yml:4: environments.staging.requires.promoted_from: 'qa' is not another environment in this file")]
    [InlineData("requires: { aproval: true }", "slipway.yml:4: environments.staging.requires.aproval: unknown key")]
    [InlineData("healthcheck: { url: http://x }", "slipway.yml:4: environments.staging.healthcheck: unknown key")]
    [InlineData("health: { url: ftp://x/health }", "slipway.yml:4: environments.staging.health.url: 'ftp://x/health' is not an http(s) URL")]
    [InlineData("health: { url: http://x, run: [true] }", "slipway.yml:4: environments.staging.health: needs exactly one of url and run")]
    [InlineData("health: { url: http://x, interval: soon }", "slipway.yml:4: environments.staging.health.interval: 'soon' is not a duration")]
    [InlineData("auto_rollback: maybe", "slipway.yml:4: environments.staging.auto_rollback: 'maybe' is not true or false")]
    public void A_bad_environment_is_a_one_line_error_naming_file_line_and_key(string extra, string expected)
    {
        var error = Assert.Throws<SlipwayException>(() => ConfigLoader.Parse($"""
            environments:
              staging:
                helm: {"{"} release: agent-bus, chart: ./chart {"}"}
                {extra}
            """, "slipway.yml"));

        Assert.Equal(ExitCode.Usage, error.Error.Code);
        Assert.StartsWith(expected, error.Error.OneLine(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Error.OneLine());
    }

    [Theory]
    [InlineData("{ chart: ./chart }", "environments.staging.helm.release: is required")]
    [InlineData("{ release: Agent_Bus, chart: ./chart }", "environments.staging.helm.release: 'Agent_Bus' is not a valid name")]
    [InlineData("{ release: agent-bus, chart: --post-renderer=x }", "environments.staging.helm.chart: '--post-renderer=x' cannot be passed to helm")]
    [InlineData("{ release: agent-bus, chart: ./c, values: [-f] }", "environments.staging.helm.values: '-f' cannot be passed to helm")]
    [InlineData("{ release: agent-bus, chart: ./c, timeout: 5 minutes }", "environments.staging.helm.timeout: '5 minutes' is not a duration")]
    [InlineData("{ release: agent-bus, chart: ./c, set: { image.tag: latest } }", "environments.staging.helm.set.image.tag: is the image key")]
    [InlineData("{ release: agent-bus, chart: ./c, namespace: Prod }", "environments.staging.helm.namespace: 'Prod' is not a valid name")]
    public void Bad_helm_settings_are_refused_before_helm_ever_sees_them(string helm, string expected)
    {
        var error = Assert.Throws<SlipwayException>(() => ConfigLoader.Parse($"environments:\n  staging:\n    helm: {helm}\n", "slipway.yml"));

        Assert.Equal(ExitCode.Usage, error.Error.Code);
        Assert.Contains(expected, error.Error.OneLine(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_environment_reads_its_deploy_and_status_commands_with_their_placeholders()
    {
        var config = ConfigLoader.Parse("""
            environments:
              dev:
                kind: command
                command:
                  run: [docker, compose, up, -d, --wait]
                  status: [./scripts/running.sh, "{environment}", "image={tag}@{digest}"]
                  timeout: 3m
                health: { url: "http://127.0.0.1:8000/health" }
            """, "slipway.yml");

        var dev = Assert.Single(config.Environments);
        Assert.Equal(("command", null), (dev.Kind, dev.Helm));
        Assert.Equal(["docker", "compose", "up", "-d", "--wait"], dev.Command!.Run);
        Assert.Equal(TimeSpan.FromMinutes(3), dev.Command.Timeout);
        Assert.Equal(["./scripts/running.sh", "dev", "image=v1.2.0@"],
            Slipway.Core.Deployments.CommandDeploy.Expand(dev.Command.Status!, new("1.2.0", "v1.2.0", null, "dev")));
    }

    [Theory]
    [InlineData("kind: command\n    command: { run: [deploy, \"{verison}\"] }", "slipway.yml:4: environments.dev.command.run: {verison} is not a placeholder; use {version}, {tag}, {digest}, {environment}")]
    [InlineData("kind: command\n    helm: { release: a, chart: ./c }\n    command: { run: [deploy] }", "slipway.yml:4: environments.dev.helm: is for kind: helm")]
    [InlineData("kind: command\n    on_release: true", "slipway.yml:3: environments.dev.command: is required for kind: command")]
    [InlineData("command: { run: [deploy] }", "slipway.yml:3: environments.dev.command: is for kind: command; add kind: command under environments.dev")]
    [InlineData("kind: command\n    command: { run: \"docker compose up\" }", "slipway.yml:4: environments.dev.command.run: expected the command as a non-empty list of arguments")]
    [InlineData("kind: kubectl\n    command: { run: [deploy] }", "slipway.yml:3: environments.dev.kind: 'kubectl' is not an environment kind; use helm (the default), command or gitops")]
    public void A_bad_command_environment_is_a_one_line_error_naming_the_key(string yaml, string expected)
    {
        var error = Assert.Throws<SlipwayException>(() => ConfigLoader.Parse($"environments:\n  dev:\n    {yaml}\n", "slipway.yml"));

        Assert.Equal(ExitCode.Usage, error.Error.Code);
        Assert.StartsWith(expected, error.Error.OneLine(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_environment_without_helm_is_refused()
    {
        var error = Assert.Throws<SlipwayException>(() => ConfigLoader.Parse("environments:\n  staging:\n    on_release: true\n", "slipway.yml"));

        Assert.StartsWith("slipway.yml:3: environments.staging.helm: is required", error.Error.OneLine(), StringComparison.Ordinal);
    }
}
