using System.Globalization;
using System.Text.Json;

namespace Slipway.Core.Rollouts;

/// <summary>What Prometheus' HTTP API (`/api/v1/query`) answered: the values of the result's series, or Prometheus' error.</summary>
/// <param name="Values">One value per series (a vector's samples, or the one scalar); empty when the query matched no series.</param>
/// <param name="Error">Prometheus' own error text (`status: error`, e.g. a query that does not parse), or null.</param>
public sealed record PrometheusAnswer(IReadOnlyList<double> Values, string? Error)
{
    /// <summary>Reads the API's JSON body; null when it is not the API's JSON at all (another server on that URL).</summary>
    public static PrometheusAnswer? Parse(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("status", out var status))
            {
                return null;
            }

            if (status.GetString() != "success")
            {
                var type = root.TryGetProperty("errorType", out var t) ? t.GetString() : null;
                var error = root.TryGetProperty("error", out var e) ? e.GetString() : null;
                return new PrometheusAnswer([], string.Join(": ", new[] { type, error }.Where(s => !string.IsNullOrEmpty(s))) is { Length: > 0 } text ? text : "status " + status);
            }

            if (!root.TryGetProperty("data", out var data) || !data.TryGetProperty("result", out var result))
            {
                return null;
            }

            var kind = data.TryGetProperty("resultType", out var k) ? k.GetString() : null;
            return kind switch
            {
                "vector" when result.ValueKind == JsonValueKind.Array =>
                    new PrometheusAnswer([.. result.EnumerateArray().Select(s => s.TryGetProperty("value", out var v) ? Sample(v) : null).OfType<double>()], null),
                "scalar" => Sample(result) is { } scalar ? new PrometheusAnswer([scalar], null) : null,
                _ => new PrometheusAnswer([], $"the query gives a {kind ?? "result"} of no single value (use an instant vector or a scalar, not a range)"),
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // [timestamp, "value"]: the value is a string, and may be NaN or ±Inf (Go's spelling).
    private static double? Sample(JsonElement pair)
    {
        if (pair.ValueKind != JsonValueKind.Array || pair.GetArrayLength() != 2 || pair[1].ValueKind != JsonValueKind.String)
        {
            return null;
        }

        return pair[1].GetString() switch
        {
            "NaN" => double.NaN,
            "+Inf" => double.PositiveInfinity,
            "-Inf" => double.NegativeInfinity,
            var text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null,
        };
    }
}
