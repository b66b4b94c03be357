"""Serves /health on port 8000: what Slipway's health check and the chart's probes ask."""
from http.server import BaseHTTPRequestHandler, HTTPServer


class Health(BaseHTTPRequestHandler):
    def do_GET(self):
        ok = self.path == "/health"
        self.send_response(200 if ok else 404)
        self.end_headers()
        self.wfile.write(b"ok\n" if ok else b"not found\n")


if __name__ == "__main__":
    HTTPServer(("0.0.0.0", 8000), Health).serve_forever()
