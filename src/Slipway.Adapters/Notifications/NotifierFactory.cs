using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Slipway.Core.Errors;
using Slipway.Core.Notifications;
using Slipway.Core.Security;

namespace Slipway.Adapters.Notifications;

/// <summary>Makes the configured notifiers ready to send: reads their secrets from the environment, their templates and CA files.</summary>
/// <remarks>Run when a command that notifies starts, before it changes anything: a missing variable is a configuration error
/// (exit 2) naming the key, not a warning after the release. Secret values never appear in an error.</remarks>
public sealed class NotifierFactory(Func<string, string?> environment, string root, HttpMessageHandler handler)
{
    public IReadOnlyList<INotifier> Create(IEnumerable<NotifierSettings> settings) => [.. settings.Select(Create)];

    public INotifier Create(NotifierSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var template = settings.Template is { } path ? Template(path) : null;
        switch (settings.Kind)
        {
            case NotifierKind.Slack:
                return new SlackNotifier(settings, Url(settings.Url!), template, handler);
            case NotifierKind.Webhook:
                return new WebhookNotifier(settings, Url(settings.Url!), settings.SigningKey is { } key ? Required(key, "the signing key") : null, template, handler);
            default:
                var smtp = settings.Smtp!;
                var password = smtp.Password is { } reference ? Required(reference, "the SMTP password") : null;
                return new EmailNotifier(settings, password, smtp.CaFile is { } ca ? Certificate(ca) : null, template);
        }
    }

    private Secret Required(SecretReference reference, string what)
    {
        var value = environment(reference.Variable);
        return value is { Length: > 0 }
            ? new Secret(value)
            : throw new SlipwayException(SlipwayError.Usage($"{reference.Where}: environment variable {reference.Variable} is not set",
                $"set {reference.Variable} to {what} (a secret: it is read from the environment, never from slipway.yml)"));
    }

    private Secret Url(SecretReference reference)
    {
        var url = Required(reference, "the webhook URL");
        return Uri.TryCreate(url.Reveal(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Host.Length > 0
            ? url
            : throw new SlipwayException(SlipwayError.Usage($"{reference.Where}: environment variable {reference.Variable} does not hold an http(s) URL",
                $"set {reference.Variable} to the webhook's URL, e.g. https://hooks.slack.com/services/..."));
    }

    private NotificationTemplate Template(string path)
    {
        var full = Path.Combine(root, path);
        string source;
        try
        {
            source = File.ReadAllText(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SlipwayException(SlipwayError.Usage($"notification template {path} cannot be read ({SlipwayError.Flatten(e.Message)})",
                "fix the template: path in notify: (relative to the repository)"));
        }

        return NotificationTemplate.Parse(source, path);
    }

    private X509Certificate2 Certificate(string path)
    {
        try
        {
            return X509CertificateLoader.LoadCertificateFromFile(Path.Combine(root, path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new SlipwayException(SlipwayError.Usage($"SMTP ca_file {path} is not a readable certificate ({SlipwayError.Flatten(e.Message)})",
                "point ca_file at the PEM certificate of the server or of its CA"));
        }
    }
}
