namespace Slipway.Adapters.Registry;

/// <summary>How a registry client connects: plain HTTP or not, what it will do (pull, or pull and push), retries and timeouts.</summary>
public sealed record RegistryClientOptions
{
    /// <summary>Plain HTTP for every host (slipway.yml image.insecure); loopback registries use it anyway.</summary>
    public bool Insecure { get; init; }

    /// <summary>Ask tokens for pull and push at once, so a promotion needs one token, not two.</summary>
    public bool Push { get; init; }

    /// <summary>Retries after the first attempt, on a network error, a timeout, 408, 429 or 5xx.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>First backoff delay; doubles each retry, with jitter. A Retry-After header overrides it.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest wait a Retry-After header can impose.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>One request attempt, from sending to the last byte of the answer.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
