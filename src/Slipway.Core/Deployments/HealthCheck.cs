namespace Slipway.Core.Deployments;

/// <summary>What proves a deployment healthy: an HTTP URL answering 2xx, or a command exiting 0, tried <see cref="Retries"/> times.</summary>
public sealed record HealthCheck
{
    public string? Url { get; init; }

    public IReadOnlyList<string>? Run { get; init; }

    /// <summary>How long one try may take.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many tries after the first one fails.</summary>
    public int Retries { get; init; } = 5;

    /// <summary>The pause between tries.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);
}
