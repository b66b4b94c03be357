using System.Globalization;
using Slipway.Core.Errors;

namespace Slipway.Core.Rollouts;

/// <summary>
/// A canary step's analysis: passed, failed (the query's value missed the threshold: roll the canary back), or an error (the
/// query cannot decide anything: it does not parse or matched no series), each with the one line that says why.
/// </summary>
public sealed record AnalysisVerdict(bool Passed, string Summary, SlipwayError? Error = null)
{
    /// <summary>The verdict on what Prometheus answered to the analysis' query.</summary>
    public static AnalysisVerdict Of(PrometheusAnalysis analysis, PrometheusAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(answer);
        var query = $"prometheus query '{analysis.Query}'";
        if (answer.Error is { } error)
        {
            return Broken(SlipwayError.Usage($"{query} failed: {error}",
                "fix rollout.analysis.prometheus.query in slipway.yml (try it in Prometheus' /graph page first)"));
        }

        if (answer.Values.Count == 0)
        {
            return Broken(SlipwayError.Failed($"{query} returned no series, so it cannot judge the canary",
                "check the metric and label names, and wrap a ratio's parts in sum() so their labels match (sum(rate(a[5m])) / sum(rate(b[5m])))"));
        }

        // Every series must pass: the worst one is the value on record.
        var failing = answer.Values.FirstOrDefault(v => !analysis.Threshold.Passes(v), double.NaN);
        var failed = answer.Values.Any(v => !analysis.Threshold.Passes(v));
        var value = failed ? failing : answer.Values[0];
        var text = $"{query} = {Number(value)} (threshold {analysis.Threshold})";
        return failed
            ? new AnalysisVerdict(false, double.IsNaN(value) ? $"{text}: no value to judge (no traffic in the query's window?)" : text)
            : new AnalysisVerdict(true, text);
    }

    /// <summary>
    /// The query asked once before the first step moves any traffic. Prometheus' own error (a query that does not parse, a
    /// range where one value is needed) can only repeat at every step: it blocks the rollout before it starts (exit 3). No series
    /// is not an error yet: a query about the canary alone (`{track="canary"}`) has none before the canary runs; it passes with a
    /// warning, and the steps' analysis still fails on it. A value is not judged: no canary traffic exists yet to judge.
    /// </summary>
    public static AnalysisVerdict BeforeTraffic(PrometheusAnalysis analysis, PrometheusAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(answer);
        var query = $"prometheus query '{analysis.Query}'";
        if (answer.Error is { } error)
        {
            return Broken(SlipwayError.Precondition($"{query} failed before the canary started: {error}",
                "fix rollout.analysis.prometheus.query in slipway.yml (try it in Prometheus' /graph page first); nothing was deployed"));
        }

        return answer.Values.Count == 0
            ? new AnalysisVerdict(true, $"warning: {query} returns no series yet; fine if it only counts the canary's requests, else each step's analysis will fail on it")
            : new AnalysisVerdict(true, $"{query} = {string.Join(", ", answer.Values.Select(Number))} before the canary (threshold {analysis.Threshold})");
    }

    /// <summary>The value as Prometheus writes it (NaN, +Inf), else the shortest round-trip number.</summary>
    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(value) => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static AnalysisVerdict Broken(SlipwayError error) => new(false, error.Message, error);
}
