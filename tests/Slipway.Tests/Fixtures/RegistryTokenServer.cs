using System.Diagnostics;

namespace Slipway.Tests.Fixtures;

/// <summary>The token service of infra.md section C: a stdlib-only Python server that signs RS256 JWTs with an openssl test certificate, on 127.0.0.1 and a free port.</summary>
public sealed class RegistryTokenServer : IDisposable
{
    public const string Service = "slipway-test-registry";
    public const string Issuer = "slipway-test-issuer";

    // Verbatim from infra.md section C (verified against registry 2.8.2).
    private const string Script = """
        # usage: python3 tokenserver.py PORT KEY.pem CERT.pem [USER:PASS]
        import base64, json, os, subprocess, sys, time
        from http.server import BaseHTTPRequestHandler, HTTPServer
        from urllib.parse import urlparse, parse_qs
        port, key, crt = int(sys.argv[1]), sys.argv[2], sys.argv[3]
        creds = sys.argv[4] if len(sys.argv) > 4 else None
        b64 = lambda b: base64.urlsafe_b64encode(b).rstrip(b"=").decode()
        der = subprocess.run(["openssl", "x509", "-in", crt, "-outform", "DER"], capture_output=True, check=True).stdout
        def sign(claims):
            hdr = {"typ": "JWT", "alg": "RS256", "x5c": [base64.b64encode(der).decode()]}  # std base64, not url-safe
            si = b64(json.dumps(hdr).encode()) + "." + b64(json.dumps(claims).encode())
            sig = subprocess.run(["openssl", "dgst", "-sha256", "-sign", key], input=si.encode(),
                                 capture_output=True, check=True).stdout
            return si + "." + b64(sig)
        class H(BaseHTTPRequestHandler):
            def do_GET(self):
                q = parse_qs(urlparse(self.path).query)
                if creds:
                    auth = self.headers.get("Authorization", "")
                    if auth != "Basic " + base64.b64encode(creds.encode()).decode():
                        self.send_response(401); self.send_header("WWW-Authenticate", 'Basic realm="token"')
                        self.end_headers(); return
                access = []
                for s in q.get("scope", []):            # repository:app:pull,push
                    typ, name, actions = s.split(":", 2) if s.count(":") >= 2 else (s, "", "")
                    access.append({"type": typ, "name": name, "actions": actions.split(",")})
                now = int(time.time())
                tok = sign({"iss": "slipway-test-issuer", "sub": "ci", "aud": q.get("service", [""])[0],
                            "iat": now, "nbf": now - 10, "exp": now + 300, "jti": os.urandom(8).hex(),
                            "access": access})
                body = json.dumps({"token": tok, "access_token": tok, "expires_in": 300}).encode()
                self.send_response(200); self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
            def log_message(self, *a): pass
        HTTPServer(("127.0.0.1", port), H).serve_forever()
        """;

    private readonly Process _process;

    /// <summary>Starts the service; with <paramref name="credentials"/> ("user:pass") it asks for Basic auth, without it anyone gets a token.</summary>
    public RegistryTokenServer(string directory, string? credentials)
    {
        KeyPath = Path.Combine(directory, "token.key");
        CertificatePath = Path.Combine(directory, "token.crt");
        var script = Path.Combine(directory, "tokenserver.py");
        File.WriteAllText(script, Script);
        var openssl = Run.Process("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", KeyPath, "-out", CertificatePath, "-days", "3650", "-subj", "/CN=slipway-test-token"]);
        if (openssl.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl could not make the test certificate: {openssl}");
        }

        Port = FreePort.Next();
        var info = new ProcessStartInfo("/usr/bin/python3") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), KeyPath, CertificatePath })
        {
            info.ArgumentList.Add(argument);
        }

        if (credentials is not null)
        {
            info.ArgumentList.Add(credentials);
        }

        _process = Process.Start(info)!;
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Wait.Until(() => _process.HasExited || Registry.Status(new Uri($"{Realm}?service={Service}")) is not null, TimeSpan.FromSeconds(20), "the token server to answer");
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"the token server exited with {_process.ExitCode}");
        }
    }

    public int Port { get; }

    public string Realm => $"http://127.0.0.1:{Port}/token";

    public string KeyPath { get; }

    public string CertificatePath { get; }

    public void Dispose()
    {
        try
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }
}
