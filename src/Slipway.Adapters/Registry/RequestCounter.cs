namespace Slipway.Adapters.Registry;

/// <summary>Counts the HTTP requests that reach the wire (retries and token requests included), for the promotion report.</summary>
public sealed class RequestCounter : DelegatingHandler
{
    private int _count;

    public RequestCounter(HttpMessageHandler inner)
        : base(inner)
    {
    }

    public int Count => Volatile.Read(ref _count);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return base.SendAsync(request, cancellationToken);
    }
}
