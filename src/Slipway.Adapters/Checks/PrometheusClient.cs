using System.Net.Http;
using Slipway.Core.Errors;
using Slipway.Core.Rollouts;

namespace Slipway.Adapters.Checks;

/// <summary>Prometheus' HTTP API: an instant query (GET /api/v1/query?query=...), its JSON read by <see cref="PrometheusAnswer"/>.</summary>
public sealed class PrometheusClient(Uri server, TimeSpan? timeout = null)
{
    private static readonly HttpClient Http = new() { Timeout = Timeout.InfiniteTimeSpan };

    /// <summary>
    /// What Prometheus answered, its own error included (a query that does not parse answers 400 with status error). Not reaching
    /// it, or an answer that is not its API's JSON, is a one-line failure naming the URL.
    /// </summary>
    public async Task<PrometheusAnswer> QueryAsync(string query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var url = new Uri(server.AbsoluteUri.TrimEnd('/') + "/api/v1/query?query=" + Uri.EscapeDataString(query));
        var limit = timeout ?? TimeSpan.FromSeconds(10);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(limit);
        string body;
        int code;
        try
        {
            using var response = await Http.GetAsync(url, deadline.Token).ConfigureAwait(false);
            code = (int)response.StatusCode;
            body = await response.Content.ReadAsStringAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unreachable($"did not answer within {limit.TotalSeconds:0.###}s");
        }
        catch (HttpRequestException e)
        {
            throw Unreachable(SlipwayError.Flatten(e.Message));
        }

        return PrometheusAnswer.Parse(body) ?? throw new SlipwayException(SlipwayError.Failed(
            $"{server.AbsoluteUri} answered {code} with something other than Prometheus' API JSON",
            "point rollout.analysis.prometheus.url at the Prometheus server (Slipway adds /api/v1/query)"));
    }

    private SlipwayException Unreachable(string why) => new(SlipwayError.Failed(
        $"cannot reach Prometheus at {server.AbsoluteUri}: {why}", "check rollout.analysis.prometheus.url in slipway.yml and that Prometheus runs"));
}
