using System.Net.Http;
using Slipway.Adapters.Processes;
using Slipway.Core.Deployments;
using Slipway.Core.Errors;

namespace Slipway.Adapters.Checks;

/// <summary>Checks a deployment's health: an HTTP GET answering 2xx, or a command exiting 0, retried at an interval.</summary>
public sealed class HealthProbe(string workingDirectory)
{
    public async Task<CheckResult> CheckAsync(HealthCheck health, string environment, string version, Action<string> progress, CancellationToken cancellationToken)
    {
        var last = new CheckResult(false, "not tried");
        for (var attempt = 0; attempt <= health.Retries; attempt++)
        {
            if (attempt > 0)
            {
                progress($"health: {last.Detail}; trying again in {health.Interval.TotalSeconds:0.###}s ({attempt}/{health.Retries})");
                await Task.Delay(health.Interval, cancellationToken).ConfigureAwait(false);
            }

            last = health.Url is { } url
                ? await GetAsync(url, health.Timeout, cancellationToken).ConfigureAwait(false)
                : await RunAsync(health.Run!, health.Timeout, environment, version, cancellationToken).ConfigureAwait(false);
            if (last.Passed)
            {
                return last;
            }
        }

        return last with { Detail = $"{last.Detail} (after {health.Retries + 1} tries)" };
    }

    private static async Task<CheckResult> GetAsync(string url, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await client.GetAsync(new Uri(url), HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            var code = (int)response.StatusCode;
            return new CheckResult(code is >= 200 and < 300, $"GET {url} answered {code}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CheckResult(false, $"GET {url} did not answer within {timeout.TotalSeconds:0.###}s");
        }
        catch (HttpRequestException e)
        {
            return new CheckResult(false, $"GET {url} failed: {SlipwayError.Flatten(e.Message)}");
        }
    }

    private async Task<CheckResult> RunAsync(IReadOnlyList<string> run, TimeSpan timeout, string environment, string version, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var variables = new Dictionary<string, string?> { ["SLIPWAY_VERSION"] = version, ["SLIPWAY_ENV"] = environment };
        try
        {
            var result = await ProcessRunner.RunAsync(ProcessRunner.StartInfo(run[0], run.Skip(1), workingDirectory, variables), null, deadline.Token)
                .ConfigureAwait(false);
            return new CheckResult(result.Succeeded, $"{run[0]} exited {result.ExitCode}" + (result.Succeeded || result.LastErrorLine.Length == 0 ? string.Empty : $": {result.LastErrorLine}"));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new CheckResult(false, $"{run[0]} did not finish within {timeout.TotalSeconds:0.###}s");
        }
        catch (SlipwayException e)
        {
            return new CheckResult(false, e.Error.Message);
        }
    }
}
