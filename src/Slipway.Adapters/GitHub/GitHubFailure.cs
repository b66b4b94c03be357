using System.Globalization;
using System.Net;
using System.Text.Json;
using Slipway.Core.Errors;

namespace Slipway.Adapters.GitHub;

/// <summary>Turns a GitHub error response into a one-line error that says what could not be done and which permission is missing.</summary>
/// <remarks>Auth problems (401, 403, 404) are preconditions (exit 3: fix the token or the repository, then re-run); server errors and rate limits that outlast the retries are failures (exit 1).</remarks>
public static class GitHubFailure
{
    private static readonly string[] DetailFields = ["field", "code", "message"];

    public static SlipwayException From(HttpStatusCode status, string body, GitHubCall call, RetryDecision decision, int attempts)
    {
        ArgumentNullException.ThrowIfNull(call);
        var said = Message(body);
        var saidPart = said is null ? string.Empty : $": {said}";
        var code = (int)status;
        var error = status switch
        {
            _ when decision.Until is { } until => SlipwayError.Failed(
                $"GitHub's rate limit stopped {call.What} ({code}{saidPart}); it lifts at {until.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} UTC",
                "wait until then and run the same command again (it finishes what is left)"),
            HttpStatusCode.Unauthorized => SlipwayError.Precondition(
                $"GitHub rejected the token (401{saidPart}) to {call.What}",
                $"set GITHUB_TOKEN or GH_TOKEN to a valid, unexpired token with {call.Permission}"),
            HttpStatusCode.Forbidden => SlipwayError.Precondition(
                $"the token may not {call.What} (403{saidPart}): it lacks the {call.Permission} permission",
                $"grant it {call.Permission} (workflow: `permissions: {call.Permission}`; a personal token: the repo scope)"),
            HttpStatusCode.NotFound => SlipwayError.Precondition(
                $"GitHub answered 404 to {call.What}: the repository does not exist or the token cannot see it",
                $"check the repository name (release.github.repo, GITHUB_REPOSITORY) and that the token has access with {call.Permission}"),
            _ when GitHubRetryPolicy.IsServerError(status) => SlipwayError.Failed(
                $"GitHub failed to {call.What} ({code}{saidPart}) after {attempts} tries",
                "GitHub may be down (https://www.githubstatus.com); run the same command again later, it finishes what is left"),
            _ => SlipwayError.Failed(
                $"GitHub refused to {call.What} ({code}{saidPart})",
                "run with --verbose for GitHub's full answer"),
        };
        return new SlipwayException(error with { Detail = body });
    }

    public static SlipwayException Unreachable(Uri api, GitHubCall call, Exception e, int attempts) =>
        new(SlipwayError.Failed(
            $"cannot reach GitHub at {api.Host}:{api.Port} to {call.What} after {attempts} tries ({SlipwayError.Flatten(e.Message)})",
            "check the network and GITHUB_API_URL, then run the same command again",
            e.ToString()));

    /// <summary>GitHub's "message", with the first validation error's code and field when there is one.</summary>
    private static string? Message(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var message = json.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            if (json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                var detail = string.Join(' ', DetailFields
                    .Select(p => first.ValueKind == JsonValueKind.Object && first.TryGetProperty(p, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
                    .Where(v => !string.IsNullOrEmpty(v)));
                message = detail.Length > 0 ? $"{message} ({detail})" : message;
            }

            return message is null ? null : SlipwayError.Flatten(message);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
