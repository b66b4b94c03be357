using System.Net;
using Slipway.Tests.Fixtures;

namespace Slipway.Tests.Deployments;

/// <summary>A local HTTP server on 127.0.0.1 and a free port that answers /health by asking the test which status to give.</summary>
public sealed class HealthServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<int> _status;
    private readonly Task _loop;
    private int _requests;

    public HealthServer(Func<int> status)
    {
        _status = status;
        _listener = Fixtures.LocalListener.Start(out var port);
        Port = port;
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}/health";

    public int Requests => Volatile.Read(ref _requests);

    private Task ServeAsync() => LocalListener.ServeAsync(_listener, context =>
    {
        Interlocked.Increment(ref _requests);
        context.Response.StatusCode = _status();
        context.Response.Close();
    });

    public void Dispose()
    {
        // Close alone: on Unix, Stop then Close releases the port and then binds it again for a moment (dotnet/runtime's
        // managed listener), which fails when another test has taken it meanwhile.
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
