using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Slipway.Adapters.Notifications;

/// <summary>How a notifier retries: up to two more tries with exponential backoff and jitter, each try limited to half the notifier's timeout.</summary>
/// <remarks>The dispatcher stops everything at the notifier's timeout, so retries never make a release or deployment wait long.</remarks>
public static class NotificationRetry
{
    public static ResiliencePipeline Pipeline(TimeSpan timeout, Func<Exception, bool> transient) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(250),
                ShouldHandle = new PredicateBuilder().Handle<TimeoutRejectedException>().Handle(transient),
            })
            .AddTimeout(timeout / 2)
            .Build();
}
