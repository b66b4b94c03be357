using System.Security.Cryptography;
using System.Text.Json;

namespace Slipway.Core.Notifications;

/// <summary>The generic webhook's JSON payload, version <see cref="SchemaVersion"/>, and its signature.</summary>
/// <remarks>
/// Every key is always present (null when unknown), so receivers can rely on the shape: schemaVersion, event, project, version,
/// tag, environment, outcome, previous, from, actor, detail, url, runUrl, changelog, text. A later version only adds keys; a
/// change in meaning raises schemaVersion.
/// </remarks>
public static class WebhookPayload
{
    public const int SchemaVersion = 1;

    /// <summary>The header that carries the signature, as GitHub's X-Hub-Signature-256.</summary>
    public const string SignatureHeader = "X-Slipway-Signature";

    public static byte[] Json(Notification n, NotificationTemplate? template = null)
    {
        ArgumentNullException.ThrowIfNull(n);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteNumber("schemaVersion", SchemaVersion);
            json.WriteString("event", NotificationEvents.Name(n.Event));
            json.WriteString("project", n.Project);
            Nullable(json, "version", n.Version);
            Nullable(json, "tag", n.Tag);
            Nullable(json, "environment", n.Environment);
            json.WriteString("outcome", n.Outcome);
            Nullable(json, "previous", n.Previous);
            Nullable(json, "from", n.From);
            json.WriteString("actor", n.Actor);
            Nullable(json, "detail", n.Detail);
            Nullable(json, "url", n.Url);
            Nullable(json, "runUrl", n.RunUrl);
            Nullable(json, "changelog", NotificationText.Excerpt(n.Changelog));
            json.WriteString("text", template is null ? NotificationText.Plain(n) : template.Render(n, text => text));
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    /// <summary>"sha256=" and the lower-case hex HMAC-SHA256 of the exact body bytes under the key, as GitHub signs its webhooks.</summary>
    public static string Signature(ReadOnlySpan<byte> body, ReadOnlySpan<byte> key) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, body));

    private static void Nullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
