using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;

namespace Slipway.Tests.Fixtures;

/// <summary>
/// A real Prometheus (Debian's /usr/bin/prometheus, from scripts/install-test-deps.sh) started on 127.0.0.1 and a free port,
/// in a temporary folder, scraping every second a test endpoint whose http_requests_total counters grow by 100 requests a
/// scrape, the share <see cref="ErrorRate"/> gives failing with code 500. Ready once the target is up and a rate over it has a value.
/// </summary>
public sealed class Prometheus : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };
    private readonly TempDirectory _directory = new("slipway-prometheus");
    private readonly HttpListener _listener;
    private readonly Task _loop;
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private long _ok;
    private long _errors;

    public Prometheus()
    {
        _listener = LocalListener.Start(out var metricsPort);
        _loop = Task.Run(() => LocalListener.ServeAsync(_listener, Scrape));
        File.WriteAllText(_directory.Combine("prometheus.yml"), $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: app
                static_configs:
                  - targets: ['127.0.0.1:{metricsPort}']
            """ + "\n");
        for (var attempt = 0; ; attempt++)
        {
            Port = FreePort.Next();
            var info = new ProcessStartInfo("/usr/bin/prometheus") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[]
            {
                $"--config.file={_directory.Combine("prometheus.yml")}", $"--storage.tsdb.path={_directory.Combine("data")}",
                $"--web.listen-address=127.0.0.1:{Port}", "--log.level=warn",
            })
            {
                info.ArgumentList.Add(argument);
            }

            var process = Process.Start(info)!;
            process.OutputDataReceived += (_, e) => Log(e.Data);
            process.ErrorDataReceived += (_, e) => Log(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            Wait.Until(() => process.HasExited || Get("/-/ready") is not null, TimeSpan.FromSeconds(30), "Prometheus to be ready");
            if (!process.HasExited)
            {
                _process = process;
                break;
            }

            process.Dispose();
            if (attempt >= 3)
            {
                throw new InvalidOperationException($"prometheus exited: {Output}");
            }
        }

        Wait.Until(() => Get("/api/v1/targets") is { } targets && targets.Contains("\"health\":\"up\"", StringComparison.Ordinal), TimeSpan.FromSeconds(30),
            "Prometheus to scrape the test endpoint");
        Wait.Until(() => Value("sum(rate(http_requests_total[10s]))") > 0, TimeSpan.FromSeconds(30), "a request rate in Prometheus");
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    /// <summary>Asked at each scrape: the share of that scrape's 100 new requests that failed with 500 (0 to 1).</summary>
    public Func<double> ErrorRate { get; set; } = () => 0;

    public string Output
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>The query's first value now, or null when it has none.</summary>
    public double? Value(string query)
    {
        var body = Get("/api/v1/query?query=" + Uri.EscapeDataString(query));
        if (body is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(body);
        var result = json.RootElement.GetProperty("data").GetProperty("result");
        return result.GetArrayLength() == 0 ? null : double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until the query's value meets the condition (the rate window has caught up with a changed error rate).</summary>
    public void WaitFor(string query, Func<double, bool> condition, string what) =>
        Wait.Until(() => Value(query) is { } value && condition(value), TimeSpan.FromSeconds(120), what);

    private string? Get(string path)
    {
        try
        {
            using var response = Http.GetAsync(new Uri(Url + path)).GetAwaiter().GetResult();
            return response.IsSuccessStatusCode ? response.Content.ReadAsStringAsync().GetAwaiter().GetResult() : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException)
        {
            return null;
        }
    }

    private void Scrape(HttpListenerContext context)
    {
        double rate;
        try
        {
            rate = Math.Clamp(ErrorRate(), 0, 1);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // What the rate was read from (a test's folder, a repository git reads) is gone: that test is over, and a scrape
            // must not end the loop (a scrape still running as a test disposed its repository made git fail, and every canary
            // test after it waited for a target that no longer answered).
            rate = 0;
        }

        var errors = (long)Math.Round(100 * rate);
        var ok = Interlocked.Add(ref _ok, 100 - errors);
        var failed = Interlocked.Add(ref _errors, errors);
        var body = Encoding.UTF8.GetBytes($$"""
            # TYPE http_requests_total counter
            http_requests_total{code="200"} {{ok}}
            http_requests_total{code="500"} {{failed}}
            """ + "\n");
        context.Response.ContentType = "text/plain; version=0.0.4";
        context.Response.OutputStream.Write(body);
        context.Response.Close();
    }

    private void Log(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    public void Dispose()
    {
        try
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        finally
        {
            _directory.Dispose();
        }
    }
}
