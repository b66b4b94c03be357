namespace Slipway.Adapters.Checks;

/// <summary>How a gate or a health check ended, and what it said.</summary>
public sealed record CheckResult(bool Passed, string Detail);
