using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Slipway.Core.Errors;
using Slipway.Core.Security;

namespace Slipway.Adapters.Registry;

/// <summary>Answers a registry's WWW-Authenticate challenge: Basic with the credential, or a Bearer token from the realm (anonymous or with the credential), cached per scope.</summary>
internal sealed class RegistryAuthenticator(HttpClient http, string registry, RegistryCredential? credential) : IDisposable
{
    private static readonly TimeSpan DefaultTokenLifetime = TimeSpan.FromSeconds(60);
    private readonly ConcurrentDictionary<string, (Secret Token, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _tokenLock = new(1, 1);
    private volatile bool _basic;

    public RegistryCredential? Credential => credential;

    /// <summary>Adds what the registry asked for last time: Basic, or the cached token for this scope.</summary>
    public void Apply(HttpRequestMessage request, string? scope)
    {
        if (_basic && credential is not null)
        {
            request.Headers.Authorization = BasicHeader(credential);
        }
        else if (CachedToken(scope ?? string.Empty) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Reveal());
        }
    }

    /// <summary>Prepares the answer to a 401's challenge; false when there is nothing new to try (the caller reports the 401).</summary>
    public async Task<bool> AcceptAsync(AuthenticationChallenge challenge, string? scope, CancellationToken cancellationToken)
    {
        if (challenge.IsBasic)
        {
            if (credential is null || _basic)
            {
                return false;
            }

            _basic = true;
            return true;
        }

        if (!challenge.IsBearer || challenge.Realm is not { Length: > 0 } realm)
        {
            return false;
        }

        var key = scope ?? challenge.Scope ?? string.Empty;
        await _tokenLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (challenge.Error is null && CachedToken(key) is not null)
            {
                return true; // another request fetched it while this one waited
            }

            var scopes = new[] { scope, challenge.Scope }.OfType<string>().Where(s => s.Length > 0).Distinct(StringComparer.Ordinal);
            var (token, lifetime) = await FetchTokenAsync(realm, challenge.Service, scopes, cancellationToken).ConfigureAwait(false);
            // Renew a little early, so a token never expires between the check and the request.
            _tokens[key] = (token, DateTimeOffset.UtcNow + lifetime - TimeSpan.FromSeconds(Math.Min(10, lifetime.TotalSeconds / 2)));
            return true;
        }
        finally
        {
            _tokenLock.Release();
        }
    }

    private Secret? CachedToken(string key) =>
        _tokens.TryGetValue(key, out var cached) && cached.Expires > DateTimeOffset.UtcNow ? cached.Token : null;

    private async Task<(Secret Token, TimeSpan Lifetime)> FetchTokenAsync(string realm, string? service, IEnumerable<string> scopes, CancellationToken cancellationToken)
    {
        var query = new StringBuilder();
        if (service is not null)
        {
            query.Append("service=").Append(Uri.EscapeDataString(service));
        }

        foreach (var scope in scopes)
        {
            query.Append(query.Length > 0 ? "&" : string.Empty).Append("scope=").Append(Uri.EscapeDataString(scope));
        }

        if (!Uri.TryCreate(realm + (query.Length == 0 ? string.Empty : (realm.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https"))
        {
            throw new SlipwayException(SlipwayError.Failed($"registry {registry} names a token service that is not an http(s) URL", "check the registry's auth configuration"));
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (credential is not null)
        {
            request.Headers.Authorization = BasicHeader(credential);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new SlipwayException(credential is null
                ? RegistryFailure.AuthenticationRequired(registry)
                : RegistryFailure.CredentialsRefused(registry, credential, $"the token service {uri.Authority} answered {(int)response.StatusCode}"));
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new SlipwayException(SlipwayError.Failed(
                $"the token service {uri.Authority} of registry {registry} answered {(int)response.StatusCode} {response.ReasonPhrase}",
                "check that the token service is running, then re-run"));
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var token = (root.TryGetProperty("token", out var t) ? t.GetString() : null)
                ?? (root.TryGetProperty("access_token", out var a) ? a.GetString() : null);
            if (string.IsNullOrEmpty(token))
            {
                throw new JsonException("no token");
            }

            var lifetime = root.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var seconds) && seconds > 0
                ? TimeSpan.FromSeconds(seconds)
                : DefaultTokenLifetime;
            return (new Secret(token), lifetime);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new SlipwayException(SlipwayError.Failed(
                $"the token service {uri.Authority} of registry {registry} sent no token", "check the registry's token service"));
        }
    }

    public void Dispose() => _tokenLock.Dispose();

    private static AuthenticationHeaderValue BasicHeader(RegistryCredential credential) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credential.Username}:{credential.Password.Reveal()}")));
}
