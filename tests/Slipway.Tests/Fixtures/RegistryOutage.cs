using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Slipway.Tests.Fixtures;

/// <summary>A pass-through HTTP proxy (Kestrel) in front of the test registry that stops the real registry process when a chosen manifest PUT arrives: the registry going down mid-promotion, deterministically.</summary>
/// <remarks>PUTs before the chosen one finish first; the chosen one and every later request meet a stopped registry, and their connection is dropped.</remarks>
public sealed class RegistryOutage : IDisposable
{
    private static readonly HttpClient Upstream = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase) { "Host", "Connection", "Content-Length", "Transfer-Encoding", "Keep-Alive" };
    private readonly Registry _registry;
    private readonly int _stopAtPut;
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _lock = new();
    private int _puts;
    private int _earlyPending;

    public RegistryOutage(Registry registry, int stopAtPut)
    {
        _registry = registry;
        _stopAtPut = stopAtPut;
        Port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        _app = builder.Build();
        _app.Run(HandleAsync);
        _app.StartAsync().GetAwaiter().GetResult();
    }

    public int Port { get; }

    /// <summary>host:port of the proxy, to use in image references.</summary>
    public string Host => $"127.0.0.1:{Port}";

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var isPut = HttpMethods.IsPut(request.Method) && request.Path.Value!.Contains("/manifests/", StringComparison.Ordinal);
        var early = false;
        if (isPut)
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
            context.Abort(); // the connection drops, as with a registry that died
        }
        finally
        {
            if (early)
            {
                Interlocked.Decrement(ref _earlyPending);
            }
        }
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var request = context.Request;
        using var upstream = new HttpRequestMessage(new HttpMethod(request.Method), $"http://{_registry.Host}{request.Path}{request.QueryString}");
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        if (body.Length > 0 || request.ContentLength is not null)
        {
            upstream.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var (name, values) in request.Headers.Where(h => !HopHeaders.Contains(h.Key)))
        {
            if (!upstream.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values))
            {
                upstream.Content?.Headers.TryAddWithoutValidation(name, (IEnumerable<string?>)values);
            }
        }

        using var response = await Upstream.SendAsync(upstream);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers).Where(h => !HopHeaders.Contains(h.Key)))
        {
            context.Response.Headers[name] = values.ToArray();
        }

        context.Response.ContentLength = response.Content.Headers.ContentLength ?? bytes.Length;
        if (!HttpMethods.IsHead(request.Method))
        {
            await context.Response.Body.WriteAsync(bytes);
        }
    }

    public void Dispose()
    {
        _app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)_app).Dispose();
    }
}
