using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Slipway.Tests.Fixtures;

/// <summary>How the test registry authenticates clients.</summary>
public enum RegistryAuth
{
    Anonymous,

    /// <summary>htpasswd with bcrypt (infra.md section B).</summary>
    Basic,

    /// <summary>Bearer tokens from a token service that wants the user name and password (infra.md section C).</summary>
    Token,

    /// <summary>Bearer tokens, but the token service gives them to anyone (like a public registry's pulls).</summary>
    AnonymousToken,
}

/// <summary>Debian's docker-registry (distribution 2.8) as a process on 127.0.0.1 and a free port, with temporary storage and its log in a file.</summary>
public sealed class Registry : IDisposable
{
    public const string User = "ci";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly TempDirectory _directory = new("slipway-registry");
    private readonly RegistryTokenServer? _tokens;
    private readonly object _logLock = new();
    private Process? _process;
    private StreamWriter? _log;

    public Registry(RegistryAuth auth = RegistryAuth.Anonymous)
    {
        Auth = auth;
        // A fresh password per registry doubles as a canary: it must never appear in Slipway's output.
        Password = $"pw-{Guid.NewGuid():N}";
        Port = FreePort.Next();
        LogPath = _directory.Combine("registry.log");
        var config = new StringBuilder($"""
            version: 0.1
            log:
              level: warn
            storage:
              filesystem:
                rootdirectory: {_directory.Combine("data")}
              delete:
                enabled: true
            http:
              addr: 127.0.0.1:{Port}
              secret: slipway-test
            """).Append('\n');
        if (auth == RegistryAuth.Basic)
        {
            var htpasswd = Run.Process("htpasswd", ["-Bbn", User, Password]);
            if (htpasswd.ExitCode != 0)
            {
                throw new InvalidOperationException($"htpasswd failed: {htpasswd}");
            }

            File.WriteAllText(_directory.Combine("htpasswd"), htpasswd.StandardOutput);
            config.Append($"""
                auth:
                  htpasswd:
                    realm: slipway-test
                    path: {_directory.Combine("htpasswd")}
                """).Append('\n');
        }
        else if (auth is RegistryAuth.Token or RegistryAuth.AnonymousToken)
        {
            _tokens = new RegistryTokenServer(_directory.Path, auth == RegistryAuth.Token ? $"{User}:{Password}" : null);
            config.Append($"""
                auth:
                  token:
                    realm: {_tokens.Realm}
                    service: {RegistryTokenServer.Service}
                    issuer: {RegistryTokenServer.Issuer}
                    rootcertbundle: {_tokens.CertificatePath}
                """).Append('\n');
        }

        File.WriteAllText(_directory.Combine("config.yml"), config.ToString());
        Start();
    }

    public RegistryAuth Auth { get; }

    public string Password { get; }

    public int Port { get; }

    /// <summary>host:port, as written in image references.</summary>
    public string Host => $"127.0.0.1:{Port}";

    public string LogPath { get; }

    public bool Running => _process is { HasExited: false };

    /// <summary>Starts (or restarts, on the same port and storage) the registry and waits until /v2/ answers.</summary>
    public void Start()
    {
        if (Running)
        {
            return;
        }

        _log ??= new StreamWriter(LogPath, append: true) { AutoFlush = true };
        var info = new ProcessStartInfo("docker-registry") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("serve");
        info.ArgumentList.Add(_directory.Combine("config.yml"));
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, e) => WriteLog(e.Data);
        _process.ErrorDataReceived += (_, e) => WriteLog(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var ready = Auth == RegistryAuth.Anonymous ? HttpStatusCode.OK : HttpStatusCode.Unauthorized;
        var process = _process;
        Wait.Until(() => process.HasExited || Status(new Uri($"http://{Host}/v2/")) == ready, TimeSpan.FromSeconds(30), "the registry to answer /v2/");
        if (process.HasExited)
        {
            throw new InvalidOperationException($"docker-registry exited with {process.ExitCode}: {ReadLog()}");
        }
    }

    /// <summary>Stops the registry process (the one this fixture started, by its id); storage is kept for a restart.</summary>
    public void Stop()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        _process = null;
    }

    public string ReadLog()
    {
        lock (_logLock)
        {
            return File.ReadAllText(LogPath);
        }
    }

    /// <summary>The access-log lines written so far ("GET /v2/... HTTP/1.1" 200 ...), after making sure every earlier request is logged.</summary>
    public IReadOnlyList<string> AccessLog()
    {
        // The registry logs each request after answering it: a marker request, once logged, means the earlier ones are too.
        var marker = $"marker-{Guid.NewGuid():N}";
        Status(new Uri($"http://{Host}/v2/?{marker}"));
        Wait.Until(() => ReadLog().Contains(marker, StringComparison.Ordinal), TimeSpan.FromSeconds(10), "the registry to log the marker request");
        return ReadLog().Split('\n').Where(l => l.Contains(" HTTP/1.1\" ", StringComparison.Ordinal) && !l.Contains("marker-", StringComparison.Ordinal)).ToList();
    }

    /// <summary>Access-log lines of requests with this method whose path contains <paramref name="pathPart"/>.</summary>
    public int CountRequests(string method, string pathPart) =>
        AccessLog().Count(l => l.Contains($"\"{method} /v2/", StringComparison.Ordinal) && l.Contains(pathPart, StringComparison.Ordinal));

    /// <summary>Uploads the image's blobs and its manifest under <paramref name="tag"/> through the Distribution API; returns the manifest digest.</summary>
    public string Push(string repository, string tag, OciImage image)
    {
        foreach (var blob in image.Blobs)
        {
            UploadBlob(repository, blob);
        }

        return PutManifest(repository, tag, image.Manifest, image.MediaType);
    }

    /// <summary>Pushes the images by digest, then the OCI index over them under <paramref name="tag"/>; returns the index digest.</summary>
    public string PushIndex(string repository, string tag, params OciImage[] images)
    {
        foreach (var image in images)
        {
            Push(repository, image.Digest, image);
        }

        return PutManifest(repository, tag, OciImage.Index(images), OciImage.OciIndexType);
    }

    /// <summary>The tags of a repository as the registry lists them.</summary>
    public IReadOnlyList<string> Tags(string repository)
    {
        using var response = Send(HttpMethod.Get, $"/v2/{repository}/tags/list", repository);
        using var json = JsonDocument.Parse(response.Content.ReadAsStream());
        return json.RootElement.GetProperty("tags") is { ValueKind: JsonValueKind.Array } tags
            ? tags.EnumerateArray().Select(t => t.GetString()!).ToList()
            : [];
    }

    /// <summary>HTTP status of a GET, or null when nothing answers.</summary>
    public static HttpStatusCode? Status(Uri uri)
    {
        try
        {
            using var response = Http.GetAsync(uri).GetAwaiter().GetResult();
            return response.StatusCode;
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

    private void UploadBlob(string repository, OciImage.Blob blob)
    {
        using var start = Send(HttpMethod.Post, $"/v2/{repository}/blobs/uploads/", repository);
        var location = start.Headers.Location!;
        var target = location.IsAbsoluteUri ? location.ToString() : $"http://{Host}{location}";
        target += (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "digest=" + Uri.EscapeDataString(blob.Digest);
        using var content = new ByteArrayContent(blob.Bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var _ = Send(HttpMethod.Put, target, repository, content);
    }

    private string PutManifest(string repository, string reference, byte[] manifest, string mediaType)
    {
        using var content = new ByteArrayContent(manifest);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = Send(HttpMethod.Put, $"/v2/{repository}/manifests/{reference}", repository, content);
        return response.Headers.GetValues("Docker-Content-Digest").Single();
    }

    private HttpResponseMessage Send(HttpMethod method, string pathOrUrl, string repository, HttpContent? content = null)
    {
        var uri = pathOrUrl.StartsWith("http", StringComparison.Ordinal) ? new Uri(pathOrUrl) : new Uri($"http://{Host}{pathOrUrl}");
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Authorization = Authorization(repository);
        var response = Http.Send(request);
        if (!response.IsSuccessStatusCode)
        {
            var body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
            response.Dispose();
            throw new InvalidOperationException($"test registry: {method} {uri} -> {(int)response.StatusCode} {body}");
        }

        return response;
    }

    private AuthenticationHeaderValue? Authorization(string repository)
    {
        var basic = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));
        switch (Auth)
        {
            case RegistryAuth.Basic:
                return basic;
            case RegistryAuth.Token or RegistryAuth.AnonymousToken:
                var scope = Uri.EscapeDataString($"repository:{repository}:pull,push");
                using (var request = new HttpRequestMessage(HttpMethod.Get, $"{_tokens!.Realm}?service={RegistryTokenServer.Service}&scope={scope}"))
                {
                    request.Headers.Authorization = Auth == RegistryAuth.Token ? basic : null;
                    using var response = Http.Send(request);
                    response.EnsureSuccessStatusCode();
                    using var json = JsonDocument.Parse(response.Content.ReadAsStream());
                    return new AuthenticationHeaderValue("Bearer", json.RootElement.GetProperty("token").GetString());
                }

            default:
                return null;
        }
    }

    private void WriteLog(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            _log?.WriteLine(line);
        }
    }

    public void Dispose()
    {
        Stop();
        _tokens?.Dispose();
        lock (_logLock)
        {
            _log?.Dispose();
            _log = null;
        }

        _directory.Dispose();
    }
}
