using System.Net;

namespace Slipway.Tests.Fixtures;

/// <summary>
/// An HttpListener started on 127.0.0.1 and a free port, for the test servers. Stop them with Close() alone: on Unix the
/// managed listener's Stop() then Close() releases the port and binds it again for a moment, "Address already in use"
/// when another test has just been given that port.
/// </summary>
public static class LocalListener
{
    /// <summary>
    /// Asks the OS for a free port and listens on it; another test can take the port between the asking and the binding, so
    /// that is retried, each time with a new listener (one whose Start failed is disposed and cannot be used again).
    /// </summary>
    public static HttpListener Start(out int port)
    {
        for (var attempt = 0; ; attempt++)
        {
            port = FreePort.Next();
            var listener = new HttpListener();
            listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            try
            {
                listener.Start();
                return listener;
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                try
                {
                    listener.Close();
                }
                catch (HttpListenerException)
                {
                    // The failed listener can fail to close too (the port it never got is "in use"): it is dropped either way.
                }
            }
        }
    }

    /// <summary>
    /// Accepts requests until the listener is closed: each is handled before the next is accepted, or, with
    /// <paramref name="concurrently"/>, each on a task of its own (a server whose answers may wait).
    /// </summary>
    public static async Task ServeAsync(HttpListener listener, Func<HttpListenerContext, Task> handle, bool concurrently = false)
    {
        ArgumentNullException.ThrowIfNull(listener);
        ArgumentNullException.ThrowIfNull(handle);
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            if (concurrently)
            {
                _ = Task.Run(() => handle(context));
            }
            else
            {
                try
                {
                    await handle(context).ConfigureAwait(false);
                }
                catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
                {
                    // The client went away before its answer was written (Prometheus gives up a scrape after its timeout on a
                    // loaded machine): the next request is served all the same, or every later test would find the port deaf.
                }
            }
        }
    }

    /// <summary>Accepts requests until the listener is closed, each handled before the next is accepted.</summary>
    public static Task ServeAsync(HttpListener listener, Action<HttpListenerContext> handle) =>
        ServeAsync(listener, context =>
        {
            handle(context);
            return Task.CompletedTask;
        });
}
