using System.Net;
using System.Text;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Doctor;

/// <summary>A web server on 127.0.0.1 that answers every request with an HTML page (a login page where a registry was expected).</summary>
public sealed class HtmlServer : IDisposable
{
    private readonly HttpListener _listener;

    public HtmlServer()
    {
        _listener = LocalListener.Start(out var port);
        Host = $"127.0.0.1:{port}";
        _ = Task.Run(ServeAsync);
    }

    public string Host { get; }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var body = Encoding.UTF8.GetBytes("<!doctype html><html><body>Sign in</body></html>");
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/html";
            await context.Response.OutputStream.WriteAsync(body);
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
