namespace Slipway.Core.Notifications;

/// <summary>How an SMTP connection is protected: STARTTLS on a plain connection (port 587), or TLS from the first byte (port 465).</summary>
public enum SmtpSecurity
{
    StartTls,
    Tls,
}
