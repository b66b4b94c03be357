using Slipway.Adapters.Configuration;
using Slipway.Core.Errors;

namespace Slipway.Tests.Deployments;

/// <summary>An environment's `rollout:` in slipway.yml: the full shape, defaults, and one-line errors naming file, line and key.</summary>
public sealed class RolloutConfigTests
{
    [Fact]
    public void Steps_canary_values_and_analysis_are_read_with_defaults_for_what_is_left_out()
    {
        var config = ConfigLoader.Parse("""
            environments:
              staging:
                helm: { release: agent-bus, chart: ./helm/agent-bus }
                health: { url: "http://127.0.0.1:8000/health" }
                rollout:
                  steps: [{ weight: 10, pause: 5m }, { weight: 50, pause: 10m }, { weight: 100 }]
                  canary_values: { weight_key: canary.percent }
                  analysis:
                    prometheus:
                      url: http://prometheus.monitoring:9090
                      query: 'sum(rate(http_requests_total{code=~"5.."}[5m])) / sum(rate(http_requests_total[5m]))'
                      threshold: "< 0.01"
                    health: true
            """, "slipway.yml");

        var rollout = Assert.Single(config.Environments).Rollout!;
        Assert.Equal([(10, TimeSpan.FromMinutes(5)), (50, TimeSpan.FromMinutes(10)), (100, TimeSpan.Zero)], rollout.Steps.Select(s => (s.Weight, s.Pause)));
        Assert.Equal(("canary.percent", "canary.image.tag", "canary.image.digest"), (rollout.Values.WeightKey, rollout.Values.ImageKey, rollout.Values.DigestKey));
        Assert.Equal("http://prometheus.monitoring:9090/", rollout.Analysis.Prometheus!.Url.AbsoluteUri);
        Assert.Equal("< 0.01", rollout.Analysis.Prometheus.Threshold.ToString());
        Assert.StartsWith("sum(rate(http_requests_total{code=~\"5..\"}[5m]))", rollout.Analysis.Prometheus.Query, StringComparison.Ordinal);
        Assert.True(rollout.Analysis.Health);
    }

    [Theory]
    [InlineData("steps: []", "environments.staging.rollout.steps: is empty")]
    [InlineData("steps: [{ weight: 50 }, { weight: 10 }, { weight: 100 }]", "environments.staging.rollout.steps[1].weight: 10 is not above the step before (50); list the weights in increasing order, ending with 100")]
    [InlineData("steps: [{ weight: 10 }, { weight: 50 }]", "environments.staging.rollout.steps[1]: the last step's weight is 50, not 100")]
    [InlineData("steps: [{ weight: 0 }, { weight: 100 }]", "environments.staging.rollout.steps[0].weight: '0' is not a whole number between 1 and 100")]
    [InlineData("steps: [{ weight: 10, pause: soon }, { weight: 100 }]", "environments.staging.rollout.steps[0].pause: 'soon' is not a duration")]
    [InlineData("steps: [{ weight: 100, pause: 5m }]", "environments.staging.rollout.steps[0].pause: is on the promotion")]
    [InlineData("steps: [{ weight: 10, wait: 5m }, { weight: 100 }]", "environments.staging.rollout.steps[0].wait: unknown key")]
    [InlineData("analysis: { health: true }", "environments.staging.rollout.analysis.health: needs the environment's health: check")]
    [InlineData("analysis: { }", "environments.staging.rollout.analysis: judges nothing")]
    [InlineData("analysis: { prometheus: { url: 'ftp://p', query: up, threshold: '< 1' } }", "environments.staging.rollout.analysis.prometheus.url: 'ftp://p' is not an http(s) URL of Prometheus")]
    [InlineData("analysis: { prometheus: { url: 'http://p', threshold: '< 1' } }", "environments.staging.rollout.analysis.prometheus.query: is required")]
    [InlineData("analysis: { prometheus: { url: 'http://p', query: up, threshold: 'below 1' } }", "environments.staging.rollout.analysis.prometheus.threshold: 'below 1' is not a threshold; write an operator and a number")]
    [InlineData("canary_values: { weight_key: image.tag }", "environments.staging.rollout.canary_values: two of the keys are the same")]
    [InlineData("canary_values: { weight_key: '--post-renderer' }", "environments.staging.rollout.canary_values.weight_key: '--post-renderer' is not a Helm values key")]
    public void A_bad_rollout_is_a_one_line_usage_error_naming_file_line_and_key(string replace, string expected)
    {
        var key = replace[..replace.IndexOf(':', StringComparison.Ordinal)];
        var parts = new Dictionary<string, string>
        {
            ["steps"] = "steps: [{ weight: 10, pause: 1m }, { weight: 100 }]",
            ["analysis"] = "analysis: { prometheus: { url: 'http://p:9090', query: up, threshold: '> 0' } }",
            ["canary_values"] = "canary_values: { weight_key: canary.weight }",
        };
        parts[key] = replace;

        var error = Assert.Throws<SlipwayException>(() => ConfigLoader.Parse($"""
            environments:
              staging:
                helm: {"{"} release: agent-bus, chart: ./chart {"}"}
                rollout:
                  {parts["steps"]}
                  {parts["analysis"]}
                  {parts["canary_values"]}
            """, "slipway.yml"));

        Assert.Equal(ExitCode.Usage, error.Error.Code);
        Assert.Contains("slipway.yml:", error.Error.OneLine(), StringComparison.Ordinal);
        Assert.Contains(expected, error.Error.OneLine(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Error.OneLine());
    }

    [Fact]
    public void A_rollout_on_a_command_environment_is_refused()
    {
        var error = Assert.Throws<SlipwayException>(() => ConfigLoader.Parse("""
            environments:
              dev:
                kind: command
                command: { run: [docker, compose, up, -d] }
                rollout: { steps: [{ weight: 100 }], analysis: { prometheus: { url: 'http://p', query: up, threshold: '> 0' } } }
            """, "slipway.yml"));

        Assert.Contains("environments.dev.rollout: is for kind: helm or gitops, not kind: command", error.Error.OneLine(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rollout_on_a_gitops_values_file_is_read_with_its_canary_keys()
    {
        var config = ConfigLoader.Parse("""
            environments:
              staging:
                kind: gitops
                gitops: { repo: https://example.com/gitops.git, file: apps/values.yaml, set: { image.tag: "{tag}" } }
                rollout:
                  steps: [{ weight: 10, pause: 1m }, { weight: 100 }]
                  canary_values: { weight_key: canary.percent }
                  analysis: { prometheus: { url: 'http://p', query: up, threshold: '> 0' } }
            """, "slipway.yml");

        var rollout = Assert.Single(config.Environments).Rollout!;
        Assert.Equal(("canary.percent", "canary.image.tag"), (rollout.Values.WeightKey, rollout.Values.ImageKey));
    }

    [Theory]
    [InlineData("kustomize: { image: ghcr.io/acme/app }", "environments.staging.rollout: needs gitops.set (a Helm values file with the canary's values), not images[name=ghcr.io/acme/app]")]
    [InlineData("flux: { policy: flux-system:app }", "environments.staging.rollout: needs gitops.set")]
    [InlineData("set: { image.tag: \"{tag}\" }, via: pull_request", "environments.staging.rollout: cannot step through pull requests (gitops.via: pull_request)")]
    [InlineData("set: { canary.weight: \"{tag}\" }", "environments.staging.rollout.canary_values: two of the keys are the same")]
    public void A_rollout_a_gitops_environment_cannot_step_is_a_one_line_usage_error_naming_the_key_and_why(string edit, string expected)
    {
        var error = Assert.Throws<SlipwayException>(() => ConfigLoader.Parse($$"""
            environments:
              staging:
                kind: gitops
                gitops: { repo: https://example.com/gitops.git, file: apps/values.yaml, {{edit}} }
                rollout:
                  steps: [{ weight: 10 }, { weight: 100 }]
                  canary_values: { weight_key: canary.weight }
                  analysis: { prometheus: { url: 'http://p', query: up, threshold: '> 0' } }
            """, "slipway.yml"));

        Assert.Equal(ExitCode.Usage, error.Error.Code);
        Assert.Contains(expected, error.Error.OneLine(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Error.OneLine());
    }
}
