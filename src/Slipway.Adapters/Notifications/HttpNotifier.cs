using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Slipway.Core.Errors;
using Slipway.Core.Notifications;
using Slipway.Core.Security;

namespace Slipway.Adapters.Notifications;

/// <summary>POSTs a JSON body to a webhook URL (a secret) with retries on network errors, timeouts, 408, 429 and 5xx.</summary>
/// <remarks>No redirects are followed: a webhook that answers 3xx is misconfigured, and following it would send the body elsewhere.</remarks>
public abstract class HttpNotifier(NotifierSettings settings, Secret url, HttpMessageHandler handler) : INotifier
{
    private static readonly ProductInfoHeaderValue UserAgent = new("slipway", typeof(HttpNotifier).Assembly.GetName().Version?.ToString(3) ?? "0");

    public NotifierSettings Settings { get; } = settings;

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var body = Body(notification);
        var pipeline = NotificationRetry.Pipeline(Settings.Timeout, e => e is HttpRequestException or TransientAnswerException);
        using var client = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            await pipeline.ExecuteAsync(async token =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url.Reveal()) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                request.Headers.UserAgent.Add(UserAgent);
                foreach (var (name, value) in Headers(notification, body))
                {
                    request.Headers.TryAddWithoutValidation(name, value);
                }

                using var response = await client.SendAsync(request, token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                var answer = await Excerpt(response, token).ConfigureAwait(false);
                var problem = $"HTTP {(int)response.StatusCode}{(answer.Length > 0 ? $" ({answer})" : string.Empty)}";
                throw IsTransient(response.StatusCode)
                    ? new TransientAnswerException(problem)
                    : new SlipwayException(SlipwayError.Failed(problem));
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (TransientAnswerException e)
        {
            throw new SlipwayException(SlipwayError.Failed(e.Message));
        }
        catch (HttpRequestException e)
        {
            throw new SlipwayException(SlipwayError.Failed(Scrub(SlipwayError.Flatten(e.InnerException?.Message ?? e.Message))));
        }
    }

    /// <summary>The exact bytes to POST.</summary>
    protected abstract byte[] Body(Notification notification);

    /// <summary>Extra headers for this body (a signature).</summary>
    protected virtual IEnumerable<(string Name, string Value)> Headers(Notification notification, byte[] body) => [];

    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static async Task<string> Excerpt(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var line = new StringBuilder();
        foreach (var c in text.Trim())
        {
            line.Append(char.IsControl(c) ? ' ' : c);
            if (line.Length >= 120)
            {
                line.Append('…');
                break;
            }
        }

        return line.ToString();
    }

    // The URL is a credential (a Slack webhook's path is its key): it must not reach a warning through an exception's text.
    private string Scrub(string message)
    {
        var secret = url.Reveal();
        var path = Uri.TryCreate(secret, UriKind.Absolute, out var uri) ? uri.PathAndQuery : null;
        message = message.Replace(secret, "***", StringComparison.Ordinal);
        return path is { Length: > 1 } ? message.Replace(path, "/***", StringComparison.Ordinal) : message;
    }

    /// <summary>A 408, 429 or 5xx answer, retried; its message is the answer in one line.</summary>
    private sealed class TransientAnswerException(string message) : Exception(message);
}
