using Slipway.Adapters.Ledger;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;
using Slipway.Core.Rollouts;
using Slipway.Core.Versioning;

namespace Slipway.Tests.Core;

/// <summary>The canary rollout's decisions: thresholds, what Prometheus answered, the verdict, each step's chart values, the progress.</summary>
public sealed class RolloutTests
{
    private static readonly PrometheusAnalysis ErrorRatio = new(new Uri("http://prometheus:9090"), "sum(rate(errors[5m])) / sum(rate(requests[5m]))", Threshold.Parse("< 0.01")!);

    [Theory]
    [InlineData("< 0.01", 0.009, true)]
    [InlineData("< 0.01", 0.01, false)]
    [InlineData("<= 5", 5, true)]
    [InlineData("<=5", 5.5, false)]
    [InlineData("> 0.9", 0.95, true)]
    [InlineData(" >= 0.9 ", 0.9, true)]
    [InlineData("> 0.9", 0.9, false)]
    [InlineData("< 1e-3", 0.0001, true)]
    public void A_threshold_is_an_operator_and_a_number_that_a_value_meets_or_not(string text, double value, bool passes)
    {
        var threshold = Threshold.Parse(text);

        Assert.NotNull(threshold);
        Assert.Equal(passes, threshold.Passes(value));
    }

    [Theory]
    [InlineData("")]
    [InlineData("0.01")]
    [InlineData("== 1")]
    [InlineData("< abc")]
    [InlineData("< NaN")]
    [InlineData("<")]
    public void What_is_not_an_operator_and_a_number_is_no_threshold(string text) => Assert.Null(Threshold.Parse(text));

    [Fact]
    public void NaN_meets_no_threshold() => Assert.False(Threshold.Parse("< 1")!.Passes(double.NaN) || Threshold.Parse("> 1")!.Passes(double.NaN));

    [Fact]
    public void A_vector_answer_gives_each_series_value_and_a_scalar_its_one_value()
    {
        var vector = PrometheusAnswer.Parse("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1718000000.5,"0.02"]},{"metric":{"pod":"b"},"value":[1718000000.5,"NaN"]}]}}""");
        var scalar = PrometheusAnswer.Parse("""{"status":"success","data":{"resultType":"scalar","result":[1718000000,"+Inf"]}}""");

        Assert.Equal(0.02, vector!.Values[0]);
        Assert.True(double.IsNaN(vector.Values[1]));
        Assert.Null(vector.Error);
        Assert.Equal([double.PositiveInfinity], scalar!.Values);
    }

    [Fact]
    public void An_error_answer_carries_prometheus_own_error_text_and_other_json_is_not_an_answer()
    {
        var error = PrometheusAnswer.Parse("""{"status":"error","errorType":"bad_data","error":"invalid parameter \"query\": 1:30: parse error: unclosed left parenthesis"}""");

        Assert.Equal("bad_data: invalid parameter \"query\": 1:30: parse error: unclosed left parenthesis", error!.Error);
        Assert.Null(PrometheusAnswer.Parse("<html>login</html>"));
        Assert.Null(PrometheusAnswer.Parse("""{"ok":true}"""));
        Assert.NotNull(PrometheusAnswer.Parse("""{"status":"success","data":{"resultType":"matrix","result":[]}}""")!.Error);
    }

    [Fact]
    public void A_value_under_the_threshold_passes_and_one_over_fails_naming_the_query_and_the_value()
    {
        var low = AnalysisVerdict.Of(ErrorRatio, new PrometheusAnswer([0.002], null));
        var high = AnalysisVerdict.Of(ErrorRatio, new PrometheusAnswer([0.004, 0.25], null));

        Assert.True(low.Passed);
        Assert.False(high.Passed);
        Assert.Null(high.Error);
        Assert.Equal("prometheus query 'sum(rate(errors[5m])) / sum(rate(requests[5m]))' = 0.25 (threshold < 0.01)", high.Summary);
    }

    [Fact]
    public void No_series_and_a_query_prometheus_refuses_are_errors_naming_the_query_and_the_fix()
    {
        var none = AnalysisVerdict.Of(ErrorRatio, new PrometheusAnswer([], null));
        var refused = AnalysisVerdict.Of(ErrorRatio, new PrometheusAnswer([], "bad_data: parse error"));

        Assert.False(none.Passed || refused.Passed);
        Assert.Equal(ExitCode.Failed, none.Error!.Code);
        Assert.StartsWith("prometheus query 'sum(rate(errors[5m])) / sum(rate(requests[5m]))' returned no series, so it cannot judge the canary; check the metric", none.Error.OneLine(), StringComparison.Ordinal);
        Assert.Equal(ExitCode.Usage, refused.Error!.Code);
        Assert.Equal("prometheus query 'sum(rate(errors[5m])) / sum(rate(requests[5m]))' failed: bad_data: parse error; fix rollout.analysis.prometheus.query in slipway.yml (try it in Prometheus' /graph page first)",
            refused.Error.OneLine());
    }

    [Fact]
    public void No_traffic_NaN_fails_and_says_why()
    {
        var verdict = AnalysisVerdict.Of(ErrorRatio, new PrometheusAnswer([double.NaN], null));

        Assert.False(verdict.Passed);
        Assert.EndsWith("= NaN (threshold < 0.01): no value to judge (no traffic in the query's window?)", verdict.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Before_any_traffic_a_query_prometheus_refuses_blocks_no_series_only_warns_and_a_value_is_not_judged()
    {
        var refused = AnalysisVerdict.BeforeTraffic(ErrorRatio, new PrometheusAnswer([], "bad_data: parse error"));
        var none = AnalysisVerdict.BeforeTraffic(ErrorRatio, new PrometheusAnswer([], null));
        var high = AnalysisVerdict.BeforeTraffic(ErrorRatio, new PrometheusAnswer([0.5], null));

        Assert.Equal((false, ExitCode.Precondition), (refused.Passed, refused.Error!.Code));
        Assert.Contains("failed before the canary started: bad_data: parse error", refused.Error.Message, StringComparison.Ordinal);
        Assert.Equal((true, null), (none.Passed, none.Error));
        Assert.StartsWith("warning: prometheus query", none.Summary, StringComparison.Ordinal);
        Assert.True(high.Passed, high.Summary);
    }

    [Theory]
    [InlineData("10m")]
    [InlineData("1s")]
    [InlineData("1h30m")]
    [InlineData("2m500ms")]
    public void A_duration_is_written_back_as_slipway_yml_writes_it(string text)
    {
        Assert.True(Duration.TryParse(text, out var value));
        Assert.Equal(text, Duration.Format(value));
    }

    [Fact]
    public void Each_step_keeps_the_stable_image_and_sets_the_canary_the_last_promotes_and_an_abort_sets_the_canary_to_0()
    {
        var rollout = new Rollout
        {
            Steps = [new(10, TimeSpan.FromMinutes(5)), new(50, TimeSpan.FromMinutes(10)), new(100, TimeSpan.Zero)],
            Values = new CanaryValues { WeightKey = "canary.replicasPercent" },
            Analysis = new RolloutAnalysis { Health = true },
        };
        var plan = new RolloutPlan(rollout, new CanaryImage("1.3.0", "v1.3.0", "sha256:aaa"), new CanaryImage("1.3.1", "v1.3.1", "sha256:bbb"));

        Assert.Equal(["image.tag=v1.3.0", "image.digest=sha256:aaa", "canary.replicasPercent=10", "canary.image.tag=v1.3.1", "canary.image.digest=sha256:bbb"],
            Chart(plan.Step(0)).Select(v => v.ToString()));
        Assert.Equal("canary.replicasPercent=50", Chart(plan.Step(1))[2].ToString());
        Assert.Equal(["image.tag=v1.3.1", "image.digest=sha256:bbb", "canary.replicasPercent=0"], Chart(plan.Step(2)).Select(v => v.ToString()));
        Assert.Equal(["image.tag=v1.3.0", "image.digest=sha256:aaa", "canary.replicasPercent=0", "canary.image.tag=v1.3.1", "canary.image.digest=sha256:bbb"],
            Chart(plan.Abort()).Select(v => v.ToString()));
        // Digests are text whatever helm would guess; weights are numbers for the chart's arithmetic.
        Assert.Equal([false, true, false, false, true], Chart(plan.Step(0)).Select(v => v.Text));
        Assert.Equal(("1.3.1", "1.3.0"), (plan.Step(2).Stable.Version, plan.Abort().Stable.Version));
        Assert.Equal(["canary step 1/3 at 10%", "canary step 2/3 at 50%", "canary step 3/3: promoting to 100%"], RolloutProgress.Of(rollout).Select(p => p.Text()));
    }

    [Fact]
    public void A_rollouts_progress_survives_the_ledger_line_and_makes_each_steps_line_its_own()
    {
        var record = new DeploymentRecord
        {
            Id = "abc",
            Environment = "staging",
            Version = SemanticVersion.Parse("1.3.1"),
            Action = DeploymentAction.Deploy,
            Outcome = DeploymentOutcome.Unknown,
            At = DateTimeOffset.UnixEpoch,
            Actor = "ada",
            Rollout = new RolloutProgress(2, 3, 50),
        };

        var read = LedgerJson.Parse(LedgerJson.Line(record));

        Assert.Equal(new RolloutProgress(2, 3, 50), read!.Rollout);
        Assert.NotEqual(LedgerJson.Key(record), LedgerJson.Key(record with { Rollout = new RolloutProgress(1, 3, 10) }));
        Assert.Null(LedgerJson.Parse(LedgerJson.Line(record with { Rollout = null }))!.Rollout);
        Assert.Equal("1.3.1", new DeploymentHistory([record with { Rollout = new RolloutProgress(1, 3, 10) }, record]).Current("staging")!.Version.ToString());
    }

    private static IReadOnlyList<HelmValue> Chart(RolloutValues values) => values.Chart("image.tag", "image.digest");
}
