"""A loopback HTTPS server whose every answer a test scripts, for transport fault tests.

Raw sockets rather than `http.server` so that a handler can misbehave in ways a real
framework would not let it: trickle bytes, cut the connection mid-body, lie in
`Content-Length`, speak only TLS 1.1. Certificates come from `trustme`.

Also a tiny CONNECT proxy that records the tunnels it opened, to prove which
proxy (if any) the client used.
"""

from __future__ import annotations

import contextlib
import json
import socket
import ssl
import struct
import threading
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import trustme


@dataclass
class Request:
    method: str
    target: str
    headers: dict[str, str]
    body: bytes

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]


class Conn:
    """The server side of one client connection, for a handler to write to."""

    def __init__(self, sock: ssl.SSLSocket) -> None:
        self.sock = sock
        self.closed = False
        self.reader = sock.makefile("rb")

    def send(self, data: bytes) -> None:
        self.sock.sendall(data)

    def close(self) -> None:
        self.closed = True
        with contextlib.suppress(OSError):
            self.reader.close()
        with contextlib.suppress(OSError):
            self.sock.close()

    def reset(self) -> None:
        """Abort with a TCP RST instead of an orderly close."""
        self.closed = True
        with contextlib.suppress(OSError):
            self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.reader.close()
            socket.socket.close(self.sock)


Handler = Callable[[Request, Conn], None]

REASONS = {200: "OK", 201: "Created", 204: "No Content", 301: "Moved Permanently",
           302: "Found", 307: "Temporary Redirect", 400: "Bad Request", 401: "Unauthorized",
           403: "Forbidden", 404: "Not Found", 409: "Conflict", 412: "Precondition Failed",
           413: "Content Too Large", 422: "Unprocessable Content", 423: "Locked",
           428: "Precondition Required", 429: "Too Many Requests",
           500: "Internal Server Error", 502: "Bad Gateway", 503: "Service Unavailable"}


def raw_response(status: int, body: bytes = b"", headers: dict[str, str] | None = None,
                 *, content_length: bool = True) -> bytes:
    lines = [f"HTTP/1.1 {status} {REASONS.get(status, 'Status')}"]
    hdrs = dict(headers or {})
    if content_length:
        hdrs.setdefault("Content-Length", str(len(body)))
    lines += [f"{k}: {v}" for k, v in hdrs.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def json_response(status: int, doc: Any, headers: dict[str, str] | None = None,
                  content_type: str = "application/json") -> bytes:
    body = doc if isinstance(doc, bytes) else json.dumps(doc).encode()
    return raw_response(status, body, {"Content-Type": content_type, **(headers or {})})


def error_response(status: int, code: str, message: str = "Something.",
                   headers: dict[str, str] | None = None, **extra: Any) -> bytes:
    return json_response(status, {"error": {"code": code, "message": message, **extra}},
                         headers)


def reply(data: bytes) -> Handler:
    def handler(req: Request, conn: Conn) -> None:
        conn.send(data)
    return handler


@dataclass
class Pki:
    ca: trustme.CA
    ca_file: str
    leaf: trustme.LeafCert


class FaultServer:
    """Serves scripted answers over TLS on 127.0.0.1 until stopped."""

    def __init__(self, handler: Handler, leaf: trustme.LeafCert, *,
                 tls_max: ssl.TLSVersion | None = None) -> None:
        self.handler = handler
        self.requests: list[Request] = []
        self.connections = 0
        self._ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        leaf.configure_cert(self._ctx)
        if tls_max is not None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                self._ctx.minimum_version = ssl.TLSVersion.TLSv1
                self._ctx.maximum_version = tls_max
                self._ctx.set_ciphers("DEFAULT:@SECLEVEL=0")
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._open: list[socket.socket] = []
        self._accept_thread = threading.Thread(target=self._accept_loop, daemon=True)

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}/api/v1"

    def __enter__(self) -> FaultServer:
        self._accept_thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        with contextlib.suppress(OSError):
            self._listener.close()
        for sock in list(self._open):
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            with contextlib.suppress(OSError):
                sock.close()
        for t in self._threads:
            t.join(timeout=5)
        self._accept_thread.join(timeout=5)

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                raw, _ = self._listener.accept()
            except OSError:
                return
            self.connections += 1
            self._open.append(raw)
            t = threading.Thread(target=self._serve, args=(raw,), daemon=True)
            self._threads.append(t)
            t.start()

    def _serve(self, raw: socket.socket) -> None:
        raw.settimeout(10)
        try:
            sock = self._ctx.wrap_socket(raw, server_side=True)
        except (OSError, ssl.SSLError):
            with contextlib.suppress(OSError):
                raw.close()
            return
        self._open.append(sock)
        conn = Conn(sock)
        reader = conn.reader
        try:
            while not conn.closed and not self._stop.is_set():
                req = _read_request(reader)
                if req is None:
                    break
                self.requests.append(req)
                self.handler(req, conn)
        except (OSError, ssl.SSLError, ValueError):
            pass
        finally:
            if not conn.closed:
                conn.close()


def _read_request(reader: Any) -> Request | None:
    line = reader.readline(65536)
    if not line:
        return None
    method, target, _ = line.decode("latin-1").split(" ", 2)
    headers: dict[str, str] = {}
    while True:
        h = reader.readline(65536)
        if h in (b"\r\n", b"\n", b""):
            break
        name, _, value = h.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0") or 0)
    body = reader.read(length) if length else b""
    return Request(method, target, headers, body)


@dataclass
class ConnectProxy:
    """A plain-HTTP CONNECT proxy on 127.0.0.1 that records the tunnels it opened."""

    tunnels: list[str] = field(default_factory=list)
    port: int = 0

    def __post_init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)
        self._socks: list[socket.socket] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> ConnectProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept()
        with contextlib.suppress(OSError):
            self._listener.close()
        for s in self._socks:
            with contextlib.suppress(OSError):
                s.close()
        self._thread.join(timeout=5)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._listener.accept()
            except OSError:
                return
            self._socks.append(client)
            threading.Thread(target=self._tunnel, args=(client,), daemon=True).start()

    def _tunnel(self, client: socket.socket) -> None:
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = client.recv(4096)
            if not chunk:
                client.close()
                return
            data += chunk
        first = data.split(b"\r\n", 1)[0].decode("latin-1")
        method, target, _ = first.split(" ", 2)
        self.tunnels.append(target)
        if method != "CONNECT":
            client.sendall(b"HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\n\r\n")
            client.close()
            return
        host, _, port = target.rpartition(":")
        upstream = socket.create_connection((host, int(port)))
        self._socks.append(upstream)
        client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")

        def pipe(src: socket.socket, dst: socket.socket) -> None:
            with contextlib.suppress(OSError):
                while True:
                    buf = src.recv(65536)
                    if not buf:
                        break
                    dst.sendall(buf)
            with contextlib.suppress(OSError):
                dst.shutdown(socket.SHUT_WR)

        threading.Thread(target=pipe, args=(upstream, client), daemon=True).start()
        pipe(client, upstream)


@contextlib.contextmanager
def serving(handler: Handler, leaf: trustme.LeafCert, **kwargs: Any) -> Iterator[FaultServer]:
    with FaultServer(handler, leaf, **kwargs) as server:
        yield server
