using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Slipway.Core.Errors;
using Slipway.Core.Images;

namespace Slipway.Adapters.Registry;

/// <summary>Distribution API v2 over HttpClient: HTTPS (plain HTTP for loopback or image.insecure), auth by challenge, retries with backoff.</summary>
public sealed class RegistryClient : IRegistryClient, IDisposable
{
    private const int PageSize = 1000;
    private const int MaxManifestBytes = 4 * 1024 * 1024;
    private readonly HttpClient _http;
    private readonly RequestCounter _counter;
    private readonly RegistryAuthenticator _auth;
    private readonly RegistryClientOptions _options;
    private readonly Uri _base;

    public RegistryClient(ImageReference image, RegistryCredential? credential, RegistryClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(image);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        Registry = image.Registry;
        var scheme = options.Insecure || image.IsLoopback ? "http" : "https";
        _base = new Uri($"{scheme}://{image.ApiHost}/");
        _counter = new RequestCounter(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), ConnectTimeout = TimeSpan.FromSeconds(10) });
        _http = new HttpClient(new ResilienceHandler(_counter, options), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("slipway", "0.1"));
        _auth = new RegistryAuthenticator(_http, Registry, credential);
    }

    public string Registry { get; }

    public int RequestCount => _counter.Count;

    /// <summary>The base URL requests go to (shows whether plain HTTP is used).</summary>
    public Uri BaseAddress => _base;

    public async Task PingAsync(CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, new Uri(_base, "v2/")), null, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, "ping", cancellationToken).ConfigureAwait(false);
    }

    public async Task<Manifest> GetManifestAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => ManifestRequest(HttpMethod.Get, repository, reference), repository, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new SlipwayException(SlipwayError.Precondition(
                $"image {Registry}/{repository}{Separator(reference)}{reference} not found in the registry",
                "push it first (e.g. the CI build's main-<sha> tag), or check the name and tag"));
        }

        await EnsureSuccessAsync(response, $"GET manifest {repository}{Separator(reference)}{reference}", cancellationToken).ConfigureAwait(false);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
        if (!ManifestMediaTypes.IsKnown(mediaType))
        {
            throw new SlipwayException(SlipwayError.Failed(
                $"image {Registry}/{repository}{Separator(reference)}{reference} has a manifest of type '{mediaType}', which Slipway does not re-tag",
                "push the image as an OCI or Docker v2 schema 2 manifest"));
        }

        if (response.Content.Headers.ContentLength > MaxManifestBytes)
        {
            throw new SlipwayException(SlipwayError.Failed($"the manifest of {repository}:{reference} is larger than 4 MB", "check the image"));
        }

        var manifest = new Manifest(await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false), mediaType);
        var stated = DigestHeader(response);
        if ((stated is not null && stated != manifest.Digest) || (reference.Contains(':', StringComparison.Ordinal) && reference != manifest.Digest))
        {
            throw new SlipwayException(SlipwayError.Failed(
                $"the manifest of {repository}{Separator(reference)}{reference} does not match its digest ({stated ?? reference} stated, {manifest.Digest} received)",
                "the registry or a proxy altered it; re-run, or check the registry"));
        }

        return manifest;
    }

    public async Task<ManifestDescriptor?> HeadManifestAsync(string repository, string reference, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => ManifestRequest(HttpMethod.Head, repository, reference), repository, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, $"HEAD manifest {repository}:{reference}", cancellationToken).ConfigureAwait(false);
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
        if (DigestHeader(response) is { } digest)
        {
            return new ManifestDescriptor(digest, mediaType);
        }

        // A registry that leaves the header out: the digest is the sha256 of the body, so read it.
        var manifest = await GetManifestAsync(repository, reference, cancellationToken).ConfigureAwait(false);
        return new ManifestDescriptor(manifest.Digest, manifest.MediaType);
    }

    public async Task<string> PutManifestAsync(string repository, string tag, Manifest manifest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        using var response = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Put, ManifestUri(repository, tag))
            {
                Content = new ReadOnlyMemoryContent(manifest.Content),
            };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(manifest.MediaType);
            return request;
        }, repository, cancellationToken, push: true).ConfigureAwait(false);
        await EnsureSuccessAsync(response, $"PUT {repository}:{tag}", cancellationToken).ConfigureAwait(false);
        var stored = DigestHeader(response) ?? manifest.Digest;
        return stored == manifest.Digest
            ? stored
            : throw new SlipwayException(SlipwayError.Failed(
                $"registry {Registry} stored {repository}:{tag} as {stored}, not {manifest.Digest}", "the registry changed the manifest; check it"));
    }

    /// <summary>
    /// Whether the credential may push to <paramref name="repository"/>, writing nothing: an upload is started (POST
    /// /blobs/uploads/, which asks for the push scope) and cancelled at once (DELETE); no blob, manifest or tag is written.
    /// </summary>
    public async Task StartAndCancelUploadAsync(string repository, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, new Uri(_base, $"v2/{repository}/blobs/uploads/")), repository, cancellationToken, push: true).ConfigureAwait(false);
        await EnsureSuccessAsync(response, $"start an upload to {repository}", cancellationToken).ConfigureAwait(false);
        if (response.Headers.Location is { } location && new Uri(_base, location) is var upload && upload.Authority == _base.Authority)
        {
            // A registry that cannot cancel an upload lets it expire: it never became a blob either way.
            using var cancelled = await SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, upload), repository, cancellationToken, push: true).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<string>> ListTagsAsync(string repository, CancellationToken cancellationToken)
    {
        var tags = new List<string>();
        Uri? next = new(_base, $"v2/{repository}/tags/list?n={PageSize}");
        for (var page = 0; next is not null; page++)
        {
            if (page >= 10_000)
            {
                throw new SlipwayException(SlipwayError.Failed($"registry {Registry} kept sending tag pages for {repository}", "check the registry"));
            }

            var uri = next;
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, uri), repository, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return tags;
            }

            await EnsureSuccessAsync(response, $"list tags of {repository}", cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using var json = JsonDocument.Parse(body);
                // "tags": null when every tag was deleted.
                if (json.RootElement.TryGetProperty("tags", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    tags.AddRange(list.EnumerateArray().Select(t => t.GetString()).OfType<string>());
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                throw new SlipwayException(SlipwayError.Failed($"registry {Registry} sent a tag list for {repository} that is not JSON", "check the registry"));
            }

            next = NextPage(response, uri);
        }

        return tags;
    }

    /// <summary>The Link header's rel="next" target, resolved against the page it came with.</summary>
    public static Uri? NextPage(HttpResponseMessage response, Uri current) => Http.LinkHeader.Next(response, current);

    public void Dispose()
    {
        _auth.Dispose();
        _http.Dispose();
    }

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, string? repository, CancellationToken cancellationToken, bool push = false)
    {
        var scope = repository is null ? null : $"repository:{repository}:{(push || _options.Push ? "pull,push" : "pull")}";
        for (var attempt = 0; ; attempt++)
        {
            var request = create();
            _auth.Apply(request, scope);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or Polly.Timeout.TimeoutRejectedException)
            {
                throw new SlipwayException(RegistryFailure.Unreachable(Registry, e));
            }

            if (response.StatusCode != HttpStatusCode.Unauthorized || attempt > 0
                || AuthenticationChallenge.From(response) is not { } challenge
                || !await _auth.AcceptAsync(challenge, scope, cancellationToken).ConfigureAwait(false))
            {
                return response;
            }

            response.Dispose();
        }
    }

    private async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new SlipwayException(await RegistryFailure.FromResponseAsync(Registry, what, response, _auth.Credential, cancellationToken).ConfigureAwait(false));
        }
    }

    private HttpRequestMessage ManifestRequest(HttpMethod method, string repository, string reference)
    {
        var request = new HttpRequestMessage(method, ManifestUri(repository, reference));
        foreach (var type in ManifestMediaTypes.All)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }

        return request;
    }

    private Uri ManifestUri(string repository, string reference) => new(_base, $"v2/{repository}/manifests/{reference}");

    private static string Separator(string reference) => reference.Contains(':', StringComparison.Ordinal) ? "@" : ":";

    private static string? DigestHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.FirstOrDefault() : null;
}
