using Slipway.Core.Deployments;
using Slipway.Core.Rollouts;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Deployments;

/// <summary>
/// `rollout:` through the real CLI against a real Prometheus: the canary's steps reach helm (the stand-in records their
/// values), each step is judged by a query over requests whose error rate the test controls, and the ledger says how it ended.
/// </summary>
public sealed class CanaryRolloutTests(CanaryRolloutTests.SharedPrometheus shared) : IClassFixture<CanaryRolloutTests.SharedPrometheus>
{
    private const string ErrorRatio = """sum(rate(http_requests_total{code=~"5.."}[5s])) / sum(rate(http_requests_total[5s]))""";

    /// <summary>One Prometheus for the class (its start is the slow part); each test sets how the requests fail.</summary>
    public sealed class SharedPrometheus : IDisposable
    {
        public Prometheus Server { get; } = new();

        public void Dispose() => Server.Dispose();
    }

    private Prometheus Prometheus => shared.Server;

    [Fact]
    public void A_healthy_canary_goes_through_10_50_and_100_percent_and_status_shows_the_step_while_it_runs()
    {
        using var example = Example(ErrorRatio);
        Calm();
        Assert.Equal(0, example.Slipway("deploy", "staging", "1.3.0").ExitCode);

        var dryRun = example.Slipway("deploy", "staging", "1.3.1", "--dry-run");
        Assert.Contains($"  rollout: canary steps 10% for 3s, 50% for 3s, 100%, each judged by prometheus query '{ErrorRatio}' < 0.01", dryRun.StandardOutput, StringComparison.Ordinal);

        using var deploy = example.Start("deploy", "staging", "1.3.1");
        string? during = null;
        Wait.Until(() => deploy.HasExited || (during = example.Slipway("status").StandardOutput).Contains("canary step 2/3", StringComparison.Ordinal),
            TimeSpan.FromSeconds(60), "status to show the canary at step 2");
        var result = deploy.WaitForExit(TimeSpan.FromSeconds(120));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("deployed 1.3.1 to staging through canary steps 10%, 50%, 100%\n", result.StandardOutput);
        Assert.Matches(@"\nstaging\s+1\.3\.1\s+rolling out \(canary step 2/3 at 50%\)\s+\S+\s+Ada Lovelace <ada@example.com>\s+1\.3\.0\n", during);
        Assert.Equal(
        [
            ["image.tag=v1.3.0"],
            ["image.tag=v1.3.0", "canary.weight=10", "canary.image.tag=v1.3.1"],
            ["image.tag=v1.3.0", "canary.weight=50", "canary.image.tag=v1.3.1"],
            ["image.tag=v1.3.1", "canary.weight=0"],
        ], example.Helm.Upgrades.Select(Values));
        var record = example.RemoteLedger()[^1];
        Assert.Equal(("1.3.1", DeploymentOutcome.Succeeded, null), (record.Version, record.Outcome, record.Rollout));
        Assert.Equal([1, 2, 3], example.RemoteLines().Where(l => l.Id == record.Id && l.Outcome == DeploymentOutcome.Unknown).Select(l => l.Rollout!.Step));
        Assert.Matches(@"\nstaging\s+1\.3\.1\s+succeeded\s+.*\s1\.3\.1\n", example.Slipway("status").StandardOutput);
    }

    [Fact]
    public void A_canary_whose_errors_push_the_query_over_its_threshold_is_set_back_to_0_and_recorded_rolled_back_with_the_query_and_value()
    {
        using var example = Example(ErrorRatio);
        Calm();
        Assert.Equal(0, example.Slipway("deploy", "staging", "1.3.0").ExitCode);
        // 1.3.1 is broken: every request its canary takes fails, so the error ratio follows the canary's weight.
        Prometheus.ErrorRate = () => CanaryWeight(example.Helm, "v1.3.1") / 100.0;

        RunResult result;
        try
        {
            result = example.Slipway("deploy", "staging", "1.3.1");
        }
        finally
        {
            Prometheus.ErrorRate = () => 0;
        }

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches(@"^slipway: the canary of 1\.3\.1 in staging was rolled back: analysis failed at canary step 1/3 at 10%: prometheus query '"
            + System.Text.RegularExpressions.Regex.Escape(ErrorRatio) + @"' = 0\.\d+ \(threshold < 0\.01\); the canary was set back to 0 \(1\.3\.0 runs\); see `slipway history staging`", line);
        Assert.Equal(
        [
            ["image.tag=v1.3.0"],
            ["image.tag=v1.3.0", "canary.weight=10", "canary.image.tag=v1.3.1"],
            ["image.tag=v1.3.0", "canary.weight=0", "canary.image.tag=v1.3.1"],
        ], example.Helm.Upgrades.Select(Values));
        var record = example.RemoteLedger()[^1];
        Assert.Equal(("1.3.1", DeploymentOutcome.RolledBack, new RolloutProgress(1, 3, 10)), (record.Version, record.Outcome, record.Rollout));
        Assert.Contains($"prometheus query '{ErrorRatio}' = 0.", record.Detail, StringComparison.Ordinal);
        Assert.Matches(@"\nstaging\s+1\.3\.1\s+rolled_back\s+.*\s1\.3\.0\n", example.Slipway("status").StandardOutput);
    }

    [Theory]
    [InlineData("sum(rate(http_requests_total[5s])", 2, "failed: bad_data: ", "fix rollout.analysis.prometheus.query in slipway.yml")]
    [InlineData("sum(rate(no_such_metric_total[5s]))", 1, "returned no series, so it cannot judge the canary", "check the metric and label names")]
    public void A_query_that_cannot_judge_the_canary_is_a_one_line_error_naming_it_and_the_attempt_is_recorded_failed(string query, int exit, string problem, string fix)
    {
        using var example = Example(query);
        Calm();
        Assert.Equal(0, example.Slipway("deploy", "staging", "1.3.0").ExitCode);

        var result = example.Slipway("deploy", "staging", "1.3.1");

        Assert.Equal(exit, result.ExitCode);
        var line = Assert.Single(result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"slipway: deploying 1.3.1 to staging failed: prometheus query '{query}' {problem}", line, StringComparison.Ordinal);
        Assert.Contains($"; the canary was set back to 0 (1.3.0 runs); {fix}", line, StringComparison.Ordinal);
        Assert.Equal(["image.tag=v1.3.0", "canary.weight=0", "canary.image.tag=v1.3.1"], Values(example.Helm.Upgrades[^1]));
        var record = example.RemoteLedger()[^1];
        Assert.Equal(("1.3.1", DeploymentOutcome.Failed), (record.Version, record.Outcome));
        Assert.Contains(query, record.Detail, StringComparison.Ordinal);
    }

    private DeployExample Example(string query) => new($$"""
        environments:
          staging:
            helm: { release: agent-bus, chart: ./helm/agent-bus }
            rollout:
              steps: [{ weight: 10, pause: 3s }, { weight: 50, pause: 3s }, { weight: 100 }]
              analysis:
                prometheus: { url: "{{Prometheus.Url}}", query: '{{query}}', threshold: "< 0.01" }
        """);

    /// <summary>No request fails, and the query's window has forgotten any that did in an earlier test.</summary>
    private void Calm()
    {
        Prometheus.ErrorRate = () => 0;
        Prometheus.WaitFor(ErrorRatio, v => v == 0, "the error ratio to be 0");
    }

    /// <summary>The --set and --set-string values of a helm call, in order.</summary>
    private static string[] Values(string[] call) =>
        [.. call.Select((a, i) => (a, i)).Where(x => x.i > 0 && call[x.i - 1] is "--set" or "--set-string").Select(x => x.a)];

    /// <summary>The canary's weight in the last upgrade when it runs <paramref name="tag"/>, else 0.</summary>
    private static int CanaryWeight(HelmStandIn helm, string tag)
    {
        var upgrades = helm.Upgrades;
        if (upgrades.Count == 0)
        {
            return 0;
        }

        var values = Values(upgrades[^1]);
        return values.Contains($"canary.image.tag={tag}") && values.FirstOrDefault(v => v.StartsWith("canary.weight=", StringComparison.Ordinal)) is { } weight
            ? int.Parse(weight["canary.weight=".Length..], System.Globalization.CultureInfo.InvariantCulture)
            : 0;
    }
}
