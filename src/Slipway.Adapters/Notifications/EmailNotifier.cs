using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Slipway.Core.Errors;
using Slipway.Core.Notifications;
using Slipway.Core.Security;

namespace Slipway.Adapters.Notifications;

/// <summary>Email over SMTP (MailKit): STARTTLS or implicit TLS, a login when configured, a text and an HTML part.</summary>
/// <remarks>Connection failures and 4xx answers are retried; a refused login or address is not (it will not change).</remarks>
public sealed class EmailNotifier(NotifierSettings settings, Secret? password, X509Certificate2? trusted, NotificationTemplate? template) : INotifier
{
    public NotifierSettings Settings { get; } = settings;

    public async Task SendAsync(Notification notification, CancellationToken cancellationToken)
    {
        var smtp = Settings.Smtp!;
        var content = EmailMessage.For(notification, template);
        var pipeline = NotificationRetry.Pipeline(Settings.Timeout, IsTransient);
        try
        {
            await pipeline.ExecuteAsync(async token =>
            {
                using var message = Message(content);
                using var client = new SmtpClient { Timeout = (int)(Settings.Timeout / 2).TotalMilliseconds };
                if (trusted is not null)
                {
                    client.ServerCertificateValidationCallback = (_, certificate, _, errors) => IssuedBy(trusted, certificate, errors);
                }

                await client.ConnectAsync(smtp.Host, smtp.Port, smtp.Security == SmtpSecurity.Tls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls, token)
                    .ConfigureAwait(false);
                if (smtp.User is not null && password is not null)
                {
                    await client.AuthenticateAsync(smtp.User, password.Reveal(), token).ConfigureAwait(false);
                }

                await client.SendAsync(message, token).ConfigureAwait(false);
                await client.DisconnectAsync(true, token).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or MailKit.Security.AuthenticationException or SslHandshakeException
            or SmtpCommandException or SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException or NotSupportedException)
        {
            throw new SlipwayException(SlipwayError.Failed($"SMTP {smtp.Host}:{smtp.Port}: {Problem(e)}"));
        }
    }

    private MimeMessage Message(EmailMessage content)
    {
        var message = new MimeMessage { Subject = content.Subject };
        message.From.Add(MailboxAddress.Parse(Settings.From!));
        foreach (var to in Settings.To)
        {
            message.To.Add(MailboxAddress.Parse(to));
        }

        message.Headers.Add("X-Slipway-Notifier", Settings.Name);
        message.Body = new BodyBuilder { TextBody = content.Text, HtmlBody = content.Html }.ToMessageBody();
        return message;
    }

    private static bool IsTransient(Exception e) => e switch
    {
        SmtpCommandException command => (int)command.StatusCode is >= 400 and < 500,
        MailKit.Security.AuthenticationException or SslHandshakeException or NotSupportedException => false,
        IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException => true,
        _ => false,
    };

    /// <summary>Only a certificate that chains to the configured one (and names the host) is trusted: the system's roots are not asked.</summary>
    private static bool IssuedBy(X509Certificate2 trusted, X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var presented = new X509Certificate2(certificate);
        return chain.Build(presented);
    }

    private static string Problem(Exception e) => e switch
    {
        MailKit.Security.AuthenticationException => "the server refused the login (check the user and the password's variable)",
        SslHandshakeException => "the TLS handshake failed (the server's certificate is not trusted, or it does not speak TLS on this port)",
        SmtpCommandException command => $"{(int)command.StatusCode} {SlipwayError.Flatten(command.Message)}",
        _ => SlipwayError.Flatten(e.Message),
    };
}
