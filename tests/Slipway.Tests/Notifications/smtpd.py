# usage: /usr/bin/python3 smtpd.py MODE PORTFILE MAILDIR USER PASSWORD CERT KEY
# A real SMTP server (Debian's python3-aiosmtpd) on a free loopback port, requiring a login over TLS: MODE starttls (STARTTLS
# required before MAIL, as ../shared/smtpd-starttls.py) or tls (implicit TLS from the first byte). Each message is saved as
# MAILDIR/NNNN.eml; the port is written to PORTFILE once the server listens.
import ssl, sys, time, pathlib, socket
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword
mode, portfile, maildir, user, password, cert, key = sys.argv[1:8]
class Handler:
    async def handle_DATA(self, server, session, envelope):
        n = len(list(pathlib.Path(maildir).glob("*.eml")))
        tmp = pathlib.Path(maildir, f"{n:04d}.tmp")
        tmp.write_bytes(envelope.original_content or envelope.content)
        tmp.rename(pathlib.Path(maildir, f"{n:04d}.eml"))
        return "250 OK"
def auth(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user and auth_data.password.decode() == password
    return AuthResult(success=ok)
ctx = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH); ctx.load_cert_chain(cert, key)
s = socket.socket(); s.bind(("127.0.0.1", 0)); port = s.getsockname()[1]; s.close()
if mode == "tls":
    # The whole connection is TLS; aiosmtpd 1.4 only counts STARTTLS as TLS for auth_require_tls, hence False here.
    c = Controller(Handler(), hostname="127.0.0.1", port=port, ssl_context=ctx, authenticator=auth, auth_required=True, auth_require_tls=False)
else:
    c = Controller(Handler(), hostname="127.0.0.1", port=port, tls_context=ctx, require_starttls=True,
                   authenticator=auth, auth_required=True, auth_require_tls=True)
c.start()
tmp = portfile + ".tmp"; open(tmp, "w").write(str(port)); pathlib.Path(tmp).rename(portfile)
try:
    while True: time.sleep(3600)
finally: c.stop()
