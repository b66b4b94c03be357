using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Slipway.Core.Errors;
using Slipway.Core.Security;

namespace Slipway.Adapters.GitOps;

/// <summary>What Argo CD says of an application: status.sync (status, revision) and status.health (status, message).</summary>
public sealed record ArgoCdApplication(string? SyncStatus, string? Revision, string? Health, string? Message);

/// <summary>Argo CD's REST API, the one read a GitOps deployment needs: GET /api/v1/applications/{name} with a bearer token.</summary>
public sealed class ArgoCdClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly Uri _server;
    private readonly Secret _token;
    private readonly string _tokenEnv;

    /// <param name="tokenEnv">The variable the token was read from, named (never the token) when Argo CD refuses it.</param>
    public ArgoCdClient(Uri server, Secret token, string tokenEnv)
    {
        ArgumentNullException.ThrowIfNull(server);
        _server = server.AbsoluteUri.EndsWith('/') ? server : new Uri(server.AbsoluteUri + "/");
        _token = token;
        _tokenEnv = tokenEnv;
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10), AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
    }

    public async Task<ArgoCdApplication> GetAsync(string application, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_server, $"api/v1/applications/{Uri.EscapeDataString(application)}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token.Reveal());
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new SlipwayException(SlipwayError.Failed($"argocd: {_server} cannot be reached: {e.Message}", "check gitops.argocd.url in slipway.yml"));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new SlipwayException(SlipwayError.Failed($"argocd: {_server} did not answer within 30s", "check gitops.argocd.url in slipway.yml"));
        }

        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            switch (response.StatusCode)
            {
                case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                    throw new SlipwayException(SlipwayError.Precondition($"argocd: {_server} refused the token in {_tokenEnv} ({(int)response.StatusCode})",
                        $"set {_tokenEnv} to an Argo CD token that may read the application {application}"));
                case HttpStatusCode.NotFound:
                    throw new SlipwayException(SlipwayError.Precondition($"argocd: {_server} has no application {application} (404)", "fix gitops.argocd.application in slipway.yml"));
                case HttpStatusCode.OK:
                    return Parse(body, application);
                default:
                    throw new SlipwayException(SlipwayError.Failed($"argocd: GET application {application} answered {(int)response.StatusCode}: {ErrorMessage(body)}",
                        "check the Argo CD server and try again"));
            }
        }
    }

    private ArgoCdApplication Parse(string body, string application)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var status = json.RootElement.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
            return new ArgoCdApplication(Text(status, "sync", "status"), Text(status, "sync", "revision"), Text(status, "health", "status"), Text(status, "health", "message"));
        }
        catch (JsonException)
        {
            throw new SlipwayException(SlipwayError.Failed($"argocd: {_server} answered something that is not an application for {application}", "check gitops.argocd.url in slipway.yml"));
        }
    }

    private static string? Text(JsonElement status, string section, string field) =>
        status.ValueKind == JsonValueKind.Object && status.TryGetProperty(section, out var part) && part.ValueKind == JsonValueKind.Object &&
        part.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string ErrorMessage(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? SlipwayError.Flatten(m.GetString()!) : "no message";
        }
        catch (JsonException)
        {
            return "no message";
        }
    }

    public void Dispose() => _http.Dispose();
}
