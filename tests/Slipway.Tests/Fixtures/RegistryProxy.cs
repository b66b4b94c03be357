using System.Net;

namespace Slipway.Tests.Fixtures;

/// <summary>A pass-through HTTP proxy in front of the real test registry that injects faults: it stops the registry when a chosen manifest PUT arrives (the registry going down mid-promotion, deterministically), or answers the first requests 429 with Retry-After.</summary>
/// <remarks>With stopAtPut, PUTs before the chosen one finish first; the chosen one and every later request meet a stopped registry and get 502 Bad Gateway, as from a load balancer whose backend died.</remarks>
public sealed class RegistryProxy : IDisposable
{
    private static readonly HttpClient Upstream = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase) { "Host", "Connection", "Content-Length", "Transfer-Encoding", "Keep-Alive", "Date", "Server" };
    private readonly Registry _registry;
    private readonly int _stopAtPut;
    private readonly HttpListener _listener;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _lock = new();
    private readonly int _throttle;
    private int _puts;
    private int _earlyPending;
    private int _requests;

    /// <param name="stopAtPut">Stop the registry when this manifest PUT arrives (0: never).</param>
    /// <param name="throttle">Answer this many first requests with 429 Too Many Requests and Retry-After: 1.</param>
    public RegistryProxy(Registry registry, int stopAtPut = 0, int throttle = 0)
    {
        _registry = registry;
        _stopAtPut = stopAtPut == 0 ? int.MaxValue : stopAtPut;
        _throttle = throttle;
        _listener = LocalListener.Start(out var port);
        Port = port;
        _ = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    /// <summary>host:port of the proxy, to use in image references.</summary>
    public string Host => $"127.0.0.1:{Port}";

    private Task AcceptAsync() => LocalListener.ServeAsync(_listener, HandleAsync, concurrently: true);

    /// <summary>Requests received, the throttled ones included.</summary>
    public int Requests => Volatile.Read(ref _requests);

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        if (Interlocked.Increment(ref _requests) <= _throttle)
        {
            context.Response.StatusCode = (int)HttpStatusCode.TooManyRequests;
            context.Response.AppendHeader("Retry-After", "1");
            context.Response.ContentLength64 = 0;
            context.Response.Close();
            return;
        }

        var early = false;
        if (request.HttpMethod == "PUT" && request.Url!.AbsolutePath.Contains("/manifests/", StringComparison.Ordinal))
        {
            int n;
            lock (_lock)
            {
                n = ++_puts;
                early = n < _stopAtPut;
                _earlyPending += early ? 1 : 0;
            }

            if (n == _stopAtPut)
            {
                Wait.Until(() => Volatile.Read(ref _earlyPending) == 0, TimeSpan.FromSeconds(30), "the earlier PUTs to finish");
                _registry.Stop();
                _stopped.TrySetResult();
            }
            else if (n > _stopAtPut)
            {
                await _stopped.Task;
            }
        }

        try
        {
            await ForwardAsync(context);
        }
        catch (HttpRequestException)
        {
            context.Response.StatusCode = (int)HttpStatusCode.BadGateway;
            context.Response.ContentLength64 = 0;
            context.Response.Close();
        }
        finally
        {
            if (early)
            {
                Interlocked.Decrement(ref _earlyPending);
            }
        }
    }

    private async Task ForwardAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var upstream = new HttpRequestMessage(new HttpMethod(request.HttpMethod), $"http://{_registry.Host}{request.Url!.PathAndQuery}");
        if (request.HasEntityBody)
        {
            using var body = new MemoryStream();
            await request.InputStream.CopyToAsync(body);
            upstream.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var name in request.Headers.AllKeys.OfType<string>().Where(h => !HopHeaders.Contains(h)))
        {
            var values = request.Headers.GetValues(name) ?? [];
            if (!upstream.Headers.TryAddWithoutValidation(name, values))
            {
                upstream.Content?.Headers.TryAddWithoutValidation(name, values);
            }
        }

        using var response = await Upstream.SendAsync(upstream);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var output = context.Response;
        output.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers).Where(h => !HopHeaders.Contains(h.Key)))
        {
            foreach (var value in values)
            {
                output.AppendHeader(name, value);
            }
        }

        if (request.HttpMethod == "HEAD")
        {
            output.ContentLength64 = response.Content.Headers.ContentLength ?? 0;
            output.Close();
            return;
        }

        output.ContentLength64 = bytes.Length;
        await output.OutputStream.WriteAsync(bytes);
        output.Close();
    }

    public void Dispose()
    {
        // Close alone: on Unix, Stop then Close releases the port and then binds it again for a moment (dotnet/runtime's
        // managed listener), which fails when another test has taken it meanwhile.
        _listener.Close();
    }
}
