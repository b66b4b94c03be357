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
        Assert.Equal(("1.3.1", DeploymentOutcome.Succeeded, null), (record.Version.ToString(), record.Outcome, record.Rollout));
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
        Assert.Equal(("1.3.1", DeploymentOutcome.RolledBack, new RolloutProgress(1, 3, 10)), (record.Version.ToString(), record.Outcome, record.Rollout));
        Assert.Contains($"prometheus query '{ErrorRatio}' = 0.", record.Detail, StringComparison.Ordinal);
        Assert.Matches(@"\nstaging\s+1\.3\.1\s+rolled_back\s+.*\s1\.3\.0\n", example.Slipway("status").StandardOutput);
    }

    [Fact]
    public void A_query_with_no_series_passes_the_preflight_with_a_warning_and_fails_the_first_steps_analysis_which_sets_the_canary_back_to_0()
    {
        const string query = "sum(rate(no_such_metric_total[5s]))";
        using var example = Example(query);
        Calm();
        Assert.Equal(0, example.Slipway("deploy", "staging", "1.3.0").ExitCode);

        var result = example.Slipway("deploy", "staging", "1.3.1", "--verbose");

        Assert.Contains($"rollout: warning: prometheus query '{query}' returns no series yet", result.StandardError, StringComparison.Ordinal);
        var line = Expect.OneLineError(result, 1, $"slipway: deploying 1.3.1 to staging failed: prometheus query '{query}' returned no series, so it cannot judge the canary",
            "; the canary was set back to 0 (1.3.0 runs); check the metric and label names");
        Assert.StartsWith("slipway: deploying", line, StringComparison.Ordinal);
        Assert.Equal(["image.tag=v1.3.0", "canary.weight=0", "canary.image.tag=v1.3.1"], Values(example.Helm.Upgrades[^1]));
        var record = example.RemoteLedger()[^1];
        Assert.Equal(("1.3.1", DeploymentOutcome.Failed), (record.Version.ToString(), record.Outcome));
        Assert.Contains(query, record.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_query_prometheus_refuses_blocks_the_rollout_before_any_traffic_moves()
    {
        const string query = "sum(rate(http_requests_total[5s])";
        using var example = Example(query);
        Calm();
        Assert.Equal(0, example.Slipway("deploy", "staging", "1.3.0").ExitCode);

        var result = example.Slipway("deploy", "staging", "1.3.1");

        Expect.OneLineError(result, 3, $"1.3.1 was not deployed to staging: prometheus query '{query}' failed before the canary started: bad_data: ",
            "fix rollout.analysis.prometheus.query in slipway.yml (try it in Prometheus' /graph page first); nothing was deployed");
        Assert.Equal([["image.tag=v1.3.0"]], example.Helm.Upgrades.Select(Values));
        var record = example.RemoteLedger()[^1];
        Assert.Equal(("1.3.1", DeploymentOutcome.Blocked), (record.Version.ToString(), record.Outcome));
        Assert.Contains(query, record.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Signal.SigInt, 130)]
    [InlineData(Signal.SigTerm, 143)]
    public void Ctrl_c_during_a_canary_step_sets_the_canary_back_to_0_before_exiting_and_records_where_it_stopped(Signal signal, int exit)
    {
        using var example = new DeployExample($$"""
            environments:
              staging:
                helm: { release: agent-bus, chart: ./helm/agent-bus }
                rollout:
                  steps: [{ weight: 10, pause: 5m }, { weight: 100 }]
                  analysis:
                    prometheus: { url: "{{Prometheus.Url}}", query: '{{ErrorRatio}}', threshold: "< 0.01" }
            """);
        Calm();
        Assert.Equal(0, example.Slipway("deploy", "staging", "1.3.0").ExitCode);
        using var run = example.Start("deploy", "staging", "1.3.1");
        Wait.Until(() => run.HasExited || example.Helm.Upgrades.Count == 2, TimeSpan.FromSeconds(60), "the canary's first step to reach helm");

        run.Send(signal, group: false);
        var stopped = run.WaitForExit(TimeSpan.FromSeconds(60));

        Assert.Equal(exit, stopped.ExitCode);
        Assert.Equal("slipway: cancelled at step canary; the canary was set back to 0 (1.3.0 runs); run the same command to finish",
            stopped.StandardError.TrimEnd('\n').Split('\n')[^1]);
        Assert.Equal(["image.tag=v1.3.0", "canary.weight=0", "canary.image.tag=v1.3.1"], Values(example.Helm.Upgrades[^1]));
        Assert.Equal(3, example.Helm.Upgrades.Count);
        var record = example.RemoteLedger()[^1];
        Assert.Equal(("1.3.1", DeploymentOutcome.Failed, new RolloutProgress(1, 2, 10)), (record.Version.ToString(), record.Outcome, record.Rollout));
        Assert.Equal("cancelled during the canary rollout at canary step 1/2 at 10%; the canary was set back to 0 (1.3.0 runs)", record.Detail);
    }

    private const string CanaryValuesFile = """
        # agent-bus in staging: stable and canary Deployments (Argo CD application agent-bus-staging)
        image:
          repository: ghcr.io/tefj-fun/agent_bus
          tag: "v1.2.0"   # the stable Deployment's version, written by slipway
        canary:
          weight: 0       # percent of the replicas on the canary
          image:
            tag: ""       # the canary's version
        """;

    private const string GitOpsFile = "apps/agent-bus/values-staging.yaml";

    [Fact]
    public void A_gitops_canary_is_one_commit_per_step_then_the_promotion_with_the_values_files_comments_kept()
    {
        using var gitops = GitOpsRemote();
        using var example = GitOpsExample(gitops, ErrorRatio);
        Calm();
        Assert.Equal(0, example.Slipway("deploy", "staging", "1.3.0").ExitCode);

        var dryRun = example.Slipway("deploy", "staging", "1.3.1", "--dry-run");
        var result = example.Slipway("deploy", "staging", "1.3.1");

        Assert.Contains("  rollout: canary steps 10% for 3s, 50% for 3s, 100% (a commit each), each judged by prometheus query", dryRun.StandardOutput, StringComparison.Ordinal);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("deployed 1.3.1 to staging through canary steps 10%, 50%, 100%\n", result.StandardOutput);
        Assert.Equal(["deploy(staging): 1.3.1", "canary(staging): 1.3.1 at 50%", "canary(staging): 1.3.1 at 10%", "deploy(staging): 1.3.0", "apps: agent-bus"],
            gitops.Git("log", "--format=%s", "main").Split('\n'));
        Assert.Equal(ValuesAt(tag: "v1.3.0", weight: 10, canary: "v1.3.1"), gitops.Git("show", $"main~2:{GitOpsFile}"));
        Assert.Equal(ValuesAt(tag: "v1.3.0", weight: 50, canary: "v1.3.1"), gitops.Git("show", $"main~1:{GitOpsFile}"));
        Assert.Equal(ValuesAt(tag: "v1.3.1", weight: 0, canary: "v1.3.1"), gitops.Git("show", $"main:{GitOpsFile}"));
        var record = example.RemoteLedger()[^1];
        Assert.Equal(("1.3.1", DeploymentOutcome.Succeeded), (record.Version.ToString(), record.Outcome));
        Assert.Contains($"gitops: {gitops.BranchCommit()![..7]} on main", record.Detail, StringComparison.Ordinal);
        Assert.Contains($"Slipway-Deployment: {record.Id}", gitops.Git("log", "-1", "--format=%B", "main~2"), StringComparison.Ordinal);
        Assert.Equal([1, 2, 3], example.RemoteLines().Where(l => l.Id == record.Id && l.Outcome == DeploymentOutcome.Unknown).Select(l => l.Rollout!.Step));
        Assert.Empty(example.Helm.Calls);
    }

    [Fact]
    public void A_gitops_canary_that_fails_its_analysis_is_set_back_to_0_by_a_commit_and_recorded_rolled_back_with_the_query_and_value()
    {
        using var gitops = GitOpsRemote();
        using var example = GitOpsExample(gitops, ErrorRatio);
        Calm();
        Assert.Equal(0, example.Slipway("deploy", "staging", "1.3.0").ExitCode);
        // 1.3.1 is broken: every request its canary takes fails, so the error ratio follows the weight the GitOps file gives it.
        Prometheus.ErrorRate = () => GitOpsCanaryWeight(gitops, "v1.3.1") / 100.0;

        RunResult result;
        try
        {
            result = example.Slipway("deploy", "staging", "1.3.1");
        }
        finally
        {
            Prometheus.ErrorRate = () => 0;
        }

        Expect.OneLineError(result, 1, "the canary of 1.3.1 in staging was rolled back: analysis failed at canary step 1/3 at 10%: prometheus query '", "; the canary was set back to 0 (1.3.0 runs)");
        Assert.Equal(["canary(staging): 1.3.1 back to 0", "canary(staging): 1.3.1 at 10%", "deploy(staging): 1.3.0", "apps: agent-bus"],
            gitops.Git("log", "--format=%s", "main").Split('\n'));
        Assert.Equal(ValuesAt(tag: "v1.3.0", weight: 0, canary: "v1.3.1"), gitops.Git("show", $"main:{GitOpsFile}"));
        Assert.Contains("The canary of 1.3.1 stopped at canary step 1/3 at 10%: analysis failed at canary step 1/3 at 10%: prometheus query",
            gitops.Git("log", "-1", "--format=%B", "main"), StringComparison.Ordinal);
        var record = example.RemoteLedger()[^1];
        Assert.Equal(("1.3.1", DeploymentOutcome.RolledBack, new RolloutProgress(1, 3, 10)), (record.Version.ToString(), record.Outcome, record.Rollout));
        Assert.Contains($"prometheus query '{ErrorRatio}' = 0.", record.Detail, StringComparison.Ordinal);
        Assert.Matches(@"\nstaging\s+1\.3\.1\s+rolled_back\s+.*\s1\.3\.0\n", example.Slipway("status").StandardOutput);
    }

    [Fact]
    public void A_gitops_canary_whose_values_file_lacks_the_weight_key_is_blocked_before_anything_is_committed()
    {
        using var gitops = GitOpsRemote(CanaryValuesFile.Replace("  weight: 0       # percent of the replicas on the canary\n", string.Empty, StringComparison.Ordinal));
        using var example = GitOpsExample(gitops, ErrorRatio);
        Calm();
        Assert.Equal(0, example.Slipway("deploy", "staging", "1.3.0").ExitCode);
        var before = gitops.BranchCommit();

        var result = example.Slipway("deploy", "staging", "1.3.1");

        Expect.OneLineError(result, 2, $"gitops: {GitOpsFile}: there is no canary.weight in it; add canary.weight: to {GitOpsFile}");
        Assert.Equal(before, gitops.BranchCommit());
        Assert.Equal(DeploymentOutcome.Blocked, example.RemoteLedger()[^1].Outcome);
    }

    [Fact]
    public void Ctrl_c_during_a_gitops_canary_step_commits_the_canary_back_to_0_before_exiting()
    {
        using var gitops = GitOpsRemote();
        using var example = GitOpsExample(gitops, ErrorRatio, "[{ weight: 10, pause: 5m }, { weight: 100 }]");
        Calm();
        Assert.Equal(0, example.Slipway("deploy", "staging", "1.3.0").ExitCode);
        using var run = example.Start("deploy", "staging", "1.3.1");
        Wait.Until(() => run.HasExited || gitops.Git("log", "-1", "--format=%s", "main") == "canary(staging): 1.3.1 at 10%", TimeSpan.FromSeconds(60),
            "the canary's first step to be pushed");

        run.Send(Signal.SigInt, group: false);
        var stopped = run.WaitForExit(TimeSpan.FromSeconds(60));

        Assert.Equal(130, stopped.ExitCode);
        Assert.Equal("slipway: cancelled at step canary; the canary was set back to 0 (1.3.0 runs); run the same command to finish",
            stopped.StandardError.TrimEnd('\n').Split('\n')[^1]);
        Assert.Equal(["canary(staging): 1.3.1 back to 0", "canary(staging): 1.3.1 at 10%", "deploy(staging): 1.3.0", "apps: agent-bus"],
            gitops.Git("log", "--format=%s", "main").Split('\n'));
        Assert.Contains("The canary of 1.3.1 stopped at canary step 1/2 at 10%: cancelled.", gitops.Git("log", "-1", "--format=%B", "main"), StringComparison.Ordinal);
        Assert.Equal(ValuesAt(tag: "v1.3.0", weight: 0, canary: "v1.3.1"), gitops.Git("show", $"main:{GitOpsFile}"));
        var record = example.RemoteLedger()[^1];
        Assert.Equal(("1.3.1", DeploymentOutcome.Failed, new RolloutProgress(1, 2, 10)), (record.Version.ToString(), record.Outcome, record.Rollout));
    }

    [Fact]
    public void A_gitops_canary_step_argo_cd_reports_degraded_is_set_back_to_0_and_each_commit_is_waited_for()
    {
        using var gitops = GitOpsRemote();
        using var argo = new ArgoCdApi("agent-bus-staging", gitops);
        // The canary of 1.3.1 crashes in the cluster: Argo CD reports the revision that gives it replicas Degraded.
        argo.Health = revision => gitops.Git("show", $"{revision}:{GitOpsFile}").Contains("  weight: 10 ", StringComparison.Ordinal) ? "Degraded" : "Healthy";
        using var example = new DeployExample(GitOpsConfig(gitops, ErrorRatio, "[{ weight: 10, pause: 1s }, { weight: 100 }]")
            .Replace("set: { image.tag: \"{tag}\" } }", $"set: {{ image.tag: \"{{tag}}\" }}, argocd: {{ url: \"{argo.Url}\", application: agent-bus-staging, interval: 100ms, timeout: 20s }} }}",
                StringComparison.Ordinal));
        var env = new Dictionary<string, string?> { ["ARGOCD_TOKEN"] = argo.Token };
        Calm();
        Assert.True(example.Slipway(env, "deploy", "staging", "1.3.0").ExitCode == 0);

        var result = example.Slipway(env, "deploy", "staging", "1.3.1");

        Expect.OneLineError(result, 1, "deploying 1.3.1 to staging failed: argocd: agent-bus-staging sync Synced at", "health Degraded",
            "(canary step 1/2 at 10%); the canary was set back to 0 (1.3.0 runs)");
        Assert.Equal(["canary(staging): 1.3.1 back to 0", "canary(staging): 1.3.1 at 10%", "deploy(staging): 1.3.0", "apps: agent-bus"],
            gitops.Git("log", "--format=%s", "main").Split('\n'));
        var record = example.RemoteLedger()[^1];
        Assert.Equal(("1.3.1", DeploymentOutcome.Failed, new RolloutProgress(1, 2, 10)), (record.Version.ToString(), record.Outcome, record.Rollout));
        Assert.All(argo.Requests, r => Assert.Equal("GET /api/v1/applications/agent-bus-staging", r));
    }

    private static string ValuesAt(string tag, int weight, string canary) => CanaryValuesFile
        .Replace("tag: \"v1.2.0\"", $"tag: \"{tag}\"", StringComparison.Ordinal)
        .Replace("weight: 0 ", $"weight: {weight} ", StringComparison.Ordinal)
        .Replace("tag: \"\"", $"tag: \"{canary}\"", StringComparison.Ordinal);

    private static BareRemote GitOpsRemote(string values = CanaryValuesFile)
    {
        var remote = new BareRemote("gitops.git");
        using var seed = new GitRepo();
        seed.WriteFile(GitOpsFile, values);
        seed.Git("add", "--all");
        seed.Commit("apps: agent-bus");
        seed.Git("push", "--quiet", remote.Url, "main");
        return remote;
    }

    private DeployExample GitOpsExample(BareRemote gitops, string query, string steps = "[{ weight: 10, pause: 3s }, { weight: 50, pause: 3s }, { weight: 100 }]") =>
        new(GitOpsConfig(gitops, query, steps));

    private string GitOpsConfig(BareRemote gitops, string query, string steps) => $$"""
        environments:
          staging:
            kind: gitops
            gitops: { repo: "{{gitops.Url}}", file: {{GitOpsFile}}, set: { image.tag: "{tag}" } }
            rollout:
              steps: {{steps}}
              analysis:
                prometheus: { url: "{{Prometheus.Url}}", query: '{{query}}', threshold: "< 0.01" }
        """;

    /// <summary>The canary's weight in the GitOps file on the branch when its canary runs <paramref name="tag"/>, else 0.</summary>
    private static int GitOpsCanaryWeight(BareRemote gitops, string tag)
    {
        var text = gitops.Git("show", $"main:{GitOpsFile}");
        var weight = System.Text.RegularExpressions.Regex.Match(text, @"\n  weight: (\d+)");
        return text.Contains($"    tag: \"{tag}\"", StringComparison.Ordinal) && weight.Success
            ? int.Parse(weight.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : 0;
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
        // Over a window twice the analysis' (a loaded machine's scrapes can be seconds late, leaving [5s] without two samples):
        // no error there means none in the analysis' window either.
        Prometheus.WaitFor(ErrorRatio.Replace("[5s]", "[10s]", StringComparison.Ordinal), v => v == 0, "the error ratio to be 0");
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
