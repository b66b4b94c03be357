using System.Net;
using Slipway.Core.Images;

namespace Slipway.Adapters.Registry;

/// <summary>Asks a registry's /v2/ without credentials whether the Distribution API is there: 200, or 401 with a challenge, from an API, not a web page.</summary>
public static class RegistryProbe
{
    /// <returns>Null when the API answered; otherwise what is wrong, in one line.</returns>
    public static async Task<string?> ProblemAsync(ImageReference image, bool insecure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var url = new Uri($"{(insecure || image.IsLoopback ? "http" : "https")}://{image.ApiHost}/v2/");
        using var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(10), AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        try
        {
            using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var type = response.Content.Headers.ContentType?.MediaType ?? string.Empty;
            if (type.Contains("html", StringComparison.OrdinalIgnoreCase))
            {
                return $"{url} answered {(int)response.StatusCode} with an HTML page ({type}), not the registry API";
            }

            return response.StatusCode switch
            {
                HttpStatusCode.OK => null,
                HttpStatusCode.Unauthorized when response.Headers.WwwAuthenticate.Count > 0 => null,
                var status => $"{url} answered {(int)status} {response.ReasonPhrase}, not the registry API (200, or 401 asking for credentials)",
            };
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return $"cannot reach {url} ({Core.Errors.SlipwayError.Flatten(e.InnerException?.Message ?? e.Message)})";
        }
    }
}
