namespace Slipway.Core.Metrics;

/// <summary>From the first change failure to the next good attempt in the environment; <see cref="RestoredAt"/> is null while none has come.</summary>
public sealed record Incident(DateTimeOffset Start, DateTimeOffset? RestoredAt)
{
    public TimeSpan? TimeToRestore => RestoredAt - Start;
}
