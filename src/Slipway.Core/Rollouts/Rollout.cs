namespace Slipway.Core.Rollouts;

/// <summary>An environment's `rollout:`: the canary steps, the chart's canary values keys, and the analysis that decides each step.</summary>
public sealed record Rollout
{
    /// <summary>The steps in order: weights increasing, the last one 100 (the promotion).</summary>
    public required IReadOnlyList<RolloutStep> Steps { get; init; }

    public CanaryValues Values { get; init; } = new();

    public required RolloutAnalysis Analysis { get; init; }
}

/// <summary>One canary step: the share of replicas (percent) that run the new version, and how long to wait before the analysis.</summary>
public sealed record RolloutStep(int Weight, TimeSpan Pause);

/// <summary>The chart's values keys that receive the canary's weight, image tag and digest.</summary>
public sealed record CanaryValues
{
    public string WeightKey { get; init; } = "canary.weight";

    public string ImageKey { get; init; } = "canary.image.tag";

    public string DigestKey { get; init; } = "canary.image.digest";
}

/// <summary>What decides a canary step: a Prometheus query against a threshold, and/or the environment's health check.</summary>
public sealed record RolloutAnalysis
{
    public PrometheusAnalysis? Prometheus { get; init; }

    /// <summary>The environment's `health:` check runs after each step's pause.</summary>
    public bool Health { get; init; }
}

/// <summary>A PromQL query (one value, or one value per series) that must meet <see cref="Threshold"/>.</summary>
public sealed record PrometheusAnalysis(Uri Url, string Query, Threshold Threshold);
