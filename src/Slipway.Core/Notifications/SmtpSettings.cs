namespace Slipway.Core.Notifications;

/// <summary>An `email` notifier's server: host, port, TLS mode, the login (the password by environment variable) and an optional CA file.</summary>
public sealed record SmtpSettings
{
    public required string Host { get; init; }

    public required int Port { get; init; }

    public required SmtpSecurity Security { get; init; }

    /// <summary>The login name; null sends without authenticating.</summary>
    public string? User { get; init; }

    public SecretReference? Password { get; init; }

    /// <summary>A PEM certificate that alone is trusted for this server (a private relay's own CA or self-signed certificate).</summary>
    public string? CaFile { get; init; }
}
