using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;

namespace Slipway.Adapters.GitHub;

/// <summary>
/// The HTTP core every GitHub client shares (Releases now, Deployments later): the API root, the token, GitHub's
/// headers, retries with backoff that honour Retry-After and rate-limit resets, and failures as one-line errors.
/// </summary>
/// <remarks>HttpClient + System.Text.Json source generation rather than Octokit, whose reflection-based serialisation breaks Native AOT.</remarks>
public sealed class GitHubHttp : IDisposable
{
    private static readonly ProductInfoHeaderValue UserAgent = new("slipway", typeof(GitHubHttp).Assembly.GetName().Version?.ToString(3) ?? "0");
    private readonly HttpClient _client;
    private readonly GitHubRetryPolicy _retry;

    public GitHubHttp(GitHubConnection connection, GitHubRetryPolicy? retry = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Connection = connection;
        _retry = retry ?? new GitHubRetryPolicy();
        _client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: true);
        _client.Timeout = TimeSpan.FromMinutes(10); // asset uploads can be large; Ctrl-C still cancels at once
    }

    public GitHubConnection Connection { get; }

    /// <summary>Told one line per request ("GET /repos/… -> 200"), for --verbose. Never the token.</summary>
    public Action<string>? Trace { get; init; }

    /// <summary>A URL under the API root: Api("repos/o/r/releases").</summary>
    public Uri Api(string relative) => new(Connection.ApiUrl, relative);

    /// <summary>Sends a request (built afresh for each try), retrying what can be retried; returns the successful response, or null for a 404 the call expects.</summary>
    public async Task<HttpResponseMessage?> SendAsync(Func<HttpRequestMessage> build, GitHubCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(call);
        for (var attempt = 1; ; attempt++)
        {
            using var request = build();
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Connection.Token.Reveal());
            request.Headers.UserAgent.Add(UserAgent);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.github+json"));
            request.Headers.Add("X-GitHub-Api-Version", "2022-11-28");
            HttpResponseMessage response;
            try
            {
                response = await _client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                Trace?.Invoke($"{request.Method} {request.RequestUri?.AbsolutePath} -> {e.GetType().Name}");
                var wait = _retry.AfterNetworkFailure(attempt) ?? throw GitHubFailure.Unreachable(Connection.ApiUrl, call, e, attempt);
                await Task.Delay(wait, _retry.Clock, cancellationToken).ConfigureAwait(false);
                continue;
            }

            Trace?.Invoke($"{request.Method} {request.RequestUri?.AbsolutePath} -> {(int)response.StatusCode}");
            if (response.IsSuccessStatusCode)
            {
                return response;
            }

            if (response.StatusCode == HttpStatusCode.NotFound && call.NotFoundIsAnswer)
            {
                response.Dispose();
                return null;
            }

            var decision = _retry.Decide(response, attempt);
            if (decision.Retry)
            {
                response.Dispose();
                Trace?.Invoke($"  retrying in {decision.Delay.TotalSeconds:0.#} s");
                await Task.Delay(decision.Delay, _retry.Clock, cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                throw GitHubFailure.From(response.StatusCode, body, call, decision, attempt);
            }
        }
    }

    /// <summary>GET a JSON document; null for a 404 the call expects.</summary>
    public async Task<T?> GetAsync<T>(Uri url, JsonTypeInfo<T> type, GitHubCall call, CancellationToken cancellationToken)
        where T : class
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, url), call, cancellationToken).ConfigureAwait(false);
        return response is null ? null : await ReadAsync(response, type, call, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>GETs every page of a listing, following the Link header's rel="next" (GitHub pages everything past per_page), at most <paramref name="maxPages"/>.</summary>
    public async Task<IReadOnlyList<T>> GetPagesAsync<T>(Uri first, JsonTypeInfo<T> type, GitHubCall call, CancellationToken cancellationToken, int maxPages = 50)
    {
        ArgumentNullException.ThrowIfNull(first);
        var pages = new List<T>();
        for (Uri? url = first; url is not null && pages.Count < maxPages;)
        {
            var current = url;
            using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, current), call, cancellationToken).ConfigureAwait(false)
                ?? throw GitHubFailure.From(HttpStatusCode.NotFound, string.Empty, call, default, 1);
            pages.Add(await ReadAsync(response, type, call, cancellationToken).ConfigureAwait(false));
            url = Http.LinkHeader.Next(response, current);
        }

        return pages;
    }

    /// <summary>Sends a JSON body (POST, PATCH) and reads the JSON answer.</summary>
    public async Task<T> SendJsonAsync<TBody, T>(HttpMethod method, Uri url, TBody body, JsonTypeInfo<TBody> bodyType, JsonTypeInfo<T> type, GitHubCall call, CancellationToken cancellationToken)
    {
        // Serialised once, sent with a Content-Length: chunked request bodies are refused by some proxies in front of GitHub Enterprise.
        var bytes = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(body, bodyType);
        using var response = await SendAsync(() => new HttpRequestMessage(method, url) { Content = JsonBody(bytes) }, call, cancellationToken).ConfigureAwait(false)
            ?? throw GitHubFailure.From(HttpStatusCode.NotFound, string.Empty, call, default, 1);
        return await ReadAsync(response, type, call, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a successful response's JSON; a body that does not parse is GitHub's failure, reported as one line.</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> type, GitHubCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false)
                ?? throw new System.Text.Json.JsonException("null");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new Core.Errors.SlipwayException(Core.Errors.SlipwayError.Failed(
                $"GitHub's answer to {call.What} is not what its API describes ({SlipwayErrorText(e)})",
                "check GITHUB_API_URL points at a GitHub API", e.ToString()));
        }
    }

    public void Dispose() => _client.Dispose();

    private static ByteArrayContent JsonBody(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static string SlipwayErrorText(Exception e) => Core.Errors.SlipwayError.Flatten(e.Message);
}
