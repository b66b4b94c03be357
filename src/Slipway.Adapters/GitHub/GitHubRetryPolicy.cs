using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace Slipway.Adapters.GitHub;

/// <summary>
/// When to try a GitHub request again: on 5xx with exponential backoff, and on rate limits (429, or 403 with
/// x-ratelimit-remaining: 0 or Retry-After) after the wait GitHub asks for. Bounded in tries and in each wait:
/// a rate limit that resets in an hour fails at once, saying until when.
/// </summary>
public sealed class GitHubRetryPolicy
{
    public int MaxRetries { get; init; } = 3;

    public TimeSpan FirstBackoff { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest single wait; GitHub asking for more than this is reported instead of waited for.</summary>
    public TimeSpan MaxWait { get; init; } = TimeSpan.FromSeconds(60);

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public static bool IsRateLimited(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.StatusCode == HttpStatusCode.TooManyRequests
            || (response.StatusCode == HttpStatusCode.Forbidden
                && (Header(response.Headers, "x-ratelimit-remaining") == "0" || response.Headers.RetryAfter is not null));
    }

    public static bool IsServerError(HttpStatusCode status) => (int)status >= 500;

    /// <summary>The wait before try number <paramref name="attempt"/> + 1, or null to stop (not retryable, out of tries, or too long a wait).</summary>
    /// <param name="attempt">How many tries were made so far (1 after the first).</param>
    public RetryDecision Decide(HttpResponseMessage response, int attempt)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (IsRateLimited(response))
        {
            var wait = RetryAfter(response.Headers) ?? UntilReset(response.Headers) ?? TimeSpan.FromMinutes(1);
            var until = Clock.GetUtcNow() + wait;
            return attempt > MaxRetries || wait > MaxWait ? RetryDecision.Stop(until) : RetryDecision.After(wait, until);
        }

        if (IsServerError(response.StatusCode))
        {
            var wait = RetryAfter(response.Headers) ?? Backoff(attempt);
            return attempt > MaxRetries || wait > MaxWait ? RetryDecision.Stop(null) : RetryDecision.After(wait, null);
        }

        return RetryDecision.Stop(null);
    }

    /// <summary>The wait after a network failure (no response at all).</summary>
    public TimeSpan? AfterNetworkFailure(int attempt) => attempt > MaxRetries ? null : Backoff(attempt);

    private TimeSpan Backoff(int attempt) => FirstBackoff * Math.Pow(2, Math.Max(0, attempt - 1));

    private TimeSpan? RetryAfter(HttpResponseHeaders headers)
    {
        var retryAfter = headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - Clock.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    private TimeSpan? UntilReset(HttpResponseHeaders headers)
    {
        if (Header(headers, "x-ratelimit-remaining") != "0"
            || !long.TryParse(Header(headers, "x-ratelimit-reset"), NumberStyles.None, CultureInfo.InvariantCulture, out var reset))
        {
            return null;
        }

        // The reset is a whole second; one more second keeps us from arriving just before it.
        var wait = DateTimeOffset.FromUnixTimeSeconds(reset) - Clock.GetUtcNow() + TimeSpan.FromSeconds(1);
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
    }

    private static string? Header(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? values.FirstOrDefault()?.Trim() : null;
}
