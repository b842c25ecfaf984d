"""A small threaded TLS reverse proxy on 127.0.0.1 in front of the emulator's plain-http Entra and
Graph base URL, with a certificate for 127.0.0.1/localhost from a throwaway CA (trustme).

It forwards each request to the emulator and passes the answer back unchanged (status, reason,
headers less the hop-by-hop ones, body), never following a redirect. Towards the emulator it sends
what a TLS-terminating front sends:
  Host               the proxy's own host:port, as the client addressed it (unchanged)
  X-Forwarded-Proto  https
  X-Forwarded-Host   the same host:port
  X-Forwarded-Port   the proxy's port
  X-Forwarded-For    the client's address
  Forwarded          for=...;host="...";proto=https (RFC 7239)
so the emulator can name its endpoints at https://{host}/... while it listens on plain http.
"""

import atexit
import http.client
import json
import http.server
import os
import shutil
import ssl
import tempfile
import threading

import trustme

HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "proxy-connection",
    "te",
    "trailer",
    "trailers",
    "transfer-encoding",
    "upgrade",
}
FORWARDING = {"x-forwarded-proto", "x-forwarded-host", "x-forwarded-port", "x-forwarded-for", "forwarded"}


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, addr, handler, upstream, ssl_ctx):
        super().__init__(addr, handler)
        self.upstream = upstream  # (host, port)
        self.ssl_ctx = ssl_ctx
        self.log = []
        self.log_lock = threading.Lock()
        # Diagnostic only (run_clients.py --patch-discovery): (emulator base URL, tenant id).
        self.patch_discovery = None

    def get_request(self):
        sock, addr = self.socket.accept()
        # The handshake runs in the handler's thread (on first read), never in the accept loop.
        tls = self.ssl_ctx.wrap_socket(sock, server_side=True, do_handshake_on_connect=False)
        return tls, addr


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = 30  # per connection socket timeout

    def log_message(self, fmt, *args):  # quiet; the server keeps its own log
        pass

    def _relay(self):
        srv = self.server
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        own_host = self.headers.get("Host") or "%s:%d" % srv.server_address[:2]
        headers = []
        for k, v in self.headers.items():
            lk = k.lower()
            if lk in HOP_BY_HOP or lk in FORWARDING or lk == "host":
                continue
            headers.append((k, v))
        client_ip = self.client_address[0]
        headers += [
            ("Host", own_host),
            ("X-Forwarded-Proto", "https"),
            ("X-Forwarded-Host", own_host),
            ("X-Forwarded-Port", str(srv.server_address[1])),
            ("X-Forwarded-For", client_ip),
            ("Forwarded", 'for=%s;host="%s";proto=https' % (client_ip, own_host)),
        ]
        conn = http.client.HTTPConnection(srv.upstream[0], srv.upstream[1], timeout=30)
        try:
            conn.putrequest(self.command, self.path, skip_host=True, skip_accept_encoding=True)
            for k, v in headers:
                conn.putheader(k, v)
            if body is not None:
                conn.putheader("Content-Length", str(len(body)))
            conn.endheaders(body)
            resp = conn.getresponse()
            data = resp.read()
        except OSError as e:
            msg = ("front: emulator unreachable: %s" % e).encode()
            self.send_response_only(502, "Bad Gateway")
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(msg)))
            self.end_headers()
            self.wfile.write(msg)
            return
        finally:
            conn.close()
        error = None
        if resp.status >= 400 and "json" in (resp.getheader("Content-Type") or ""):
            try:
                error = json.loads(data).get("error")
            except (ValueError, AttributeError):
                pass
        with srv.log_lock:
            srv.log.append((self.command, self.path, resp.status, error))
        if srv.patch_discovery and resp.status == 200 and "/.well-known/openid-configuration" in self.path:
            data = _patch_discovery(data, srv.patch_discovery, own_host)
        self.send_response_only(resp.status, resp.reason)
        for k, v in resp.getheaders():
            if k.lower() in HOP_BY_HOP or k.lower() == "content-length":
                continue
            self.send_header(k, v)
        if self.command != "HEAD":
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _relay


def _patch_discovery(data, patch, own_host):
    """Diagnostic: endpoints at https://{own_host}, issuer as Entra names it."""

    base, tid = patch
    doc = json.loads(data)
    for k, v in list(doc.items()):
        if isinstance(v, str):
            for old in (base, "http://" + own_host):
                if v.startswith(old):
                    doc[k] = "https://" + own_host + v[len(old):]
    doc["issuer"] = "https://login.microsoftonline.com/%s/v2.0" % tid
    return json.dumps(doc).encode()


class TlsFront:
    """Context manager: `with TlsFront(("127.0.0.1", 1234)) as f: f.base_url, f.ca_path`."""

    def __init__(self, upstream):
        self.upstream = upstream
        self.ca = trustme.CA()
        self.cert = self.ca.issue_cert("127.0.0.1", "localhost")
        self._dir = tempfile.mkdtemp(prefix="graphwiz-clients-ca-")
        atexit.register(shutil.rmtree, self._dir, True)  # also when the run is cut short
        self.ca_path = os.path.join(self._dir, "ca.pem")
        self.ca.cert_pem.write_to_path(self.ca_path)
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.cert.configure_cert(ctx)
        self.server = _Server(("127.0.0.1", 0), _Handler, upstream, ctx)
        self.port = self.server.server_address[1]
        self.base_url = "https://127.0.0.1:%d" % self.port
        self._thread = None

    def __enter__(self):
        self._thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True
        )
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)
        try:
            os.remove(self.ca_path)
            os.rmdir(self._dir)
        except OSError:
            pass
        return False

    @property
    def log(self):
        with self.server.log_lock:
            return list(self.server.log)
