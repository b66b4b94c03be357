using System.Net;
using System.Text;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Doctor;

/// <summary>A web server on 127.0.0.1 that answers every request with an HTML page (a login page where a registry was expected).</summary>
public sealed class HtmlServer : IDisposable
{
    private static readonly byte[] Page = Encoding.UTF8.GetBytes("<!doctype html><html><body>Sign in</body></html>");
    private readonly HttpListener _listener;

    public HtmlServer()
    {
        _listener = LocalListener.Start(out var port);
        Host = $"127.0.0.1:{port}";
        _ = LocalListener.ServeAsync(_listener, async context =>
        {
            context.Response.StatusCode = 200;
            context.Response.ContentType = "text/html";
            await context.Response.OutputStream.WriteAsync(Page);
            context.Response.Close();
        });
    }

    public string Host { get; }

    public void Dispose() => _listener.Close();
}
