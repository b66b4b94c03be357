using System.Diagnostics;
using MimeKit;

namespace Slipway.Tests.Fixtures;

/// <summary>
/// A real SMTP server (Debian's python3-aiosmtpd, tests/Slipway.Tests/Notifications/smtpd.py) on 127.0.0.1 and a free port,
/// requiring a login (alice / s3cret) over TLS: STARTTLS, or implicit TLS. Its certificate is self-signed, made by openssl
/// for this server alone (<see cref="CertificatePath"/>): a client that trusts only it proves the TLS is real.
/// </summary>
public sealed class SmtpServer : IDisposable
{
    public const string User = "alice";
    public const string Password = "s3cret";

    private readonly TempDirectory _directory = new("slipway-smtp");
    private readonly Process _process;

    public SmtpServer(bool implicitTls = false)
    {
        ImplicitTls = implicitTls;
        Directory.CreateDirectory(MailDirectory);
        var openssl = Run.Process("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", _directory.Combine("key.pem"),
            "-out", CertificatePath, "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"], _directory.Path);
        Assert.True(openssl.ExitCode == 0, openssl.ToString());
        var portFile = _directory.Combine("port");
        var info = new ProcessStartInfo("/usr/bin/python3")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { SourceTree.Path("tests", "Slipway.Tests", "Notifications", "smtpd.py"), implicitTls ? "tls" : "starttls",
            portFile, MailDirectory, User, Password, CertificatePath, _directory.Combine("key.pem") })
        {
            info.ArgumentList.Add(argument);
        }

        _process = Process.Start(info)!;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Wait.Until(() => File.Exists(portFile) || _process.HasExited, TimeSpan.FromSeconds(30), "the SMTP server to listen");
        Assert.False(_process.HasExited, "smtpd.py exited: is python3-aiosmtpd installed (scripts/install-test-deps.sh)?");
        Port = int.Parse(File.ReadAllText(portFile), System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool ImplicitTls { get; }

    public int Port { get; }

    /// <summary>The server's self-signed certificate (PEM), for the client's ca_file.</summary>
    public string CertificatePath => _directory.Combine("cert.pem");

    public string MailDirectory => _directory.Combine("mail");

    /// <summary>The messages received so far, in order.</summary>
    public IReadOnlyList<MimeMessage> Messages =>
        [.. Directory.GetFiles(MailDirectory, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f))];

    /// <summary>Waits (with a deadline) until <paramref name="count"/> messages arrived.</summary>
    public IReadOnlyList<MimeMessage> WaitFor(int count)
    {
        Wait.Until(() => Directory.GetFiles(MailDirectory, "*.eml").Length >= count, TimeSpan.FromSeconds(30), $"{count} mail(s)");
        return Messages;
    }

    /// <summary>The email notifier's entry under notify: in slipway.yml, sending to this server (the password in SMTP_PASSWORD).</summary>
    public string NotifyEntry(string name = "team-mail", string? events = null) =>
        $"  - name: {name}\n" +
        "    kind: email\n" +
        $"    smtp: {{ host: 127.0.0.1, port: {Port}, security: {(ImplicitTls ? "tls" : "starttls")}, user: {User}, password_env: SMTP_PASSWORD, ca_file: '{CertificatePath}' }}\n" +
        "    from: slipway@example.com\n" +
        "    to: [team@example.com]\n" +
        (events is null ? string.Empty : $"    events: {events}\n");

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        _directory.Dispose();
    }
}
