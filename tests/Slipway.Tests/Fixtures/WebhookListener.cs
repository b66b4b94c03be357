using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Slipway.Tests.Fixtures;

/// <summary>A request a <see cref="WebhookListener"/> received: path, headers and the exact body bytes.</summary>
public sealed record WebhookRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public JsonElement Json => JsonDocument.Parse(Body).RootElement;
}

/// <summary>
/// A local HTTP endpoint on 127.0.0.1 and a free port standing for a Slack incoming webhook or any webhook: it records every
/// request and answers with the status the test sets (200 "ok" by default), or holds the answer until disposed (a slow server).
/// </summary>
public sealed class WebhookListener : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Task _loop;
    private readonly ConcurrentQueue<WebhookRequest> _requests = new();
    private readonly CancellationTokenSource _closing = new();

    public WebhookListener(int status = 200, bool hold = false, Action<WebhookRequest>? onRequest = null)
    {
        Status = status;
        Hold = hold;
        OnRequest = onRequest;
        _listener = LocalListener.Start(out var port);
        Port = port;
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public int Status { get; }

    public bool Hold { get; }

    /// <summary>Run as each request arrives, before it is answered (e.g. to look at the remote at that moment).</summary>
    public Action<WebhookRequest>? OnRequest { get; }

    /// <summary>A URL shaped like a Slack webhook's, whose path is the secret.</summary>
    public string Url => $"http://127.0.0.1:{Port}/services/T0001/B0002/s3cretPathToken";

    public IReadOnlyList<WebhookRequest> Requests => [.. _requests];

    /// <summary>Waits (with a deadline) until <paramref name="count"/> requests arrived; returns them.</summary>
    public IReadOnlyList<WebhookRequest> WaitFor(int count)
    {
        Wait.Until(() => _requests.Count >= count, TimeSpan.FromSeconds(30), $"{count} webhook request(s)");
        return Requests;
    }

    private Task ServeAsync() => LocalListener.ServeAsync(_listener, AnswerAsync, concurrently: true);

    private async Task AnswerAsync(HttpListenerContext context)
    {
        try
        {
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var headers = context.Request.Headers.AllKeys.OfType<string>().ToDictionary(k => k, k => context.Request.Headers[k] ?? string.Empty, StringComparer.OrdinalIgnoreCase);
            var request = new WebhookRequest(context.Request.HttpMethod, context.Request.Url?.AbsolutePath ?? string.Empty, headers, body.ToArray());
            OnRequest?.Invoke(request);
            _requests.Enqueue(request);
            if (Hold)
            {
                await Task.Delay(Timeout.Infinite, _closing.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }

            context.Response.StatusCode = Status;
            var answer = Encoding.UTF8.GetBytes(Status == 200 ? "ok" : "internal_error");
            await context.Response.OutputStream.WriteAsync(answer);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException or IOException)
        {
            // The client went away (a timeout on its side): nothing to answer.
        }
    }

    public void Dispose()
    {
        _closing.Cancel();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _closing.Dispose();
    }
}
