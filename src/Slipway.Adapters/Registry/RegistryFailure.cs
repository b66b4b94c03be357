using System.Net;
using System.Text.Json;
using Slipway.Core.Errors;

namespace Slipway.Adapters.Registry;

/// <summary>Turns a registry's refusal into a one-line error that names the registry and what to do, never a credential.</summary>
public static class RegistryFailure
{
    public static SlipwayError AuthenticationRequired(string registry) => SlipwayError.Failed(
        $"registry {registry} requires authentication",
        "pass --username and --password-stdin, set REGISTRY_USERNAME and REGISTRY_PASSWORD, or run `docker login " + registry + "`");

    public static SlipwayError CredentialsRefused(string registry, RegistryCredential credential, string why) => SlipwayError.Failed(
        $"registry {registry} refused the credentials from {credential.Source} for user {credential.Username} ({why})",
        "check the user name and the password or token, and that it may pull and push this repository");

    public static SlipwayError Unreachable(string registry, Exception exception) => SlipwayError.Failed(
        $"cannot reach registry {registry} ({SlipwayError.Flatten(Innermost(exception).Message)})",
        "check that the registry is running and the address is right, then re-run",
        exception.ToString());

    /// <summary>A non-success answer: status, and the registry's own error code and message when the body has them.</summary>
    public static async Task<SlipwayError> FromResponseAsync(string registry, string what, HttpResponseMessage response, RegistryCredential? credential, CancellationToken cancellationToken)
    {
        var detail = await ErrorDetailAsync(response, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return credential is null ? AuthenticationRequired(registry) : CredentialsRefused(registry, credential, detail);
        }

        if (response.StatusCode == HttpStatusCode.Forbidden && credential is not null)
        {
            return CredentialsRefused(registry, credential, detail);
        }

        return SlipwayError.Failed($"{what}: registry {registry} answered {detail}", "check the registry and re-run: tags already applied are skipped");
    }

    private static async Task<string> ErrorDetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = $"{(int)response.StatusCode} {response.ReasonPhrase}".Trim();
        try
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                var first = errors[0];
                var code = first.TryGetProperty("code", out var c) ? c.GetString() : null;
                var message = first.TryGetProperty("message", out var m) ? m.GetString() : null;
                var text = $"{status} {code} {message}".Trim();
                return text.Length > 300 ? text[..300] : text;
            }
        }
        catch (JsonException)
        {
        }
        catch (InvalidOperationException)
        {
        }

        return status;
    }

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception;
    }
}
