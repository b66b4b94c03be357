namespace Slipway.Adapters.GitHub;

/// <summary>Whether to try again and after how long; <see cref="Until"/> is when a rate limit lifts, when it is one.</summary>
public readonly record struct RetryDecision(bool Retry, TimeSpan Delay, DateTimeOffset? Until)
{
    public static RetryDecision After(TimeSpan delay, DateTimeOffset? until) => new(true, delay, until);

    public static RetryDecision Stop(DateTimeOffset? until) => new(false, TimeSpan.Zero, until);
}
