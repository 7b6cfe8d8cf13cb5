"""A misbehaving portal: a loopback TLS server in front of the real sandbox.

Every request is passed through to the sandbox unless a rule claims it; a rule may
answer on its own (an HTML page, a reset, a trickle) or rewrite the sandbox's real
answer (hostile strings in otherwise valid JSON). So the app under test runs a whole
real session -- policy, sign-in, search, account -- and meets the fault exactly
where a test puts it. The raw-socket server is `tests.unit.portal.faultserver`; its
certificate comes from a `trustme` CA that the app gets as `--ca-bundle`.
"""

from __future__ import annotations

import contextlib
import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import requests
import trustme

from tests.conftest import Sandbox
from tests.unit.portal.faultserver import Conn, FaultServer, Request, raw_response

#: Answer headers passed back from the sandbox (content encoding is undone by requests).
_PASS_BACK = ("Content-Type", "ETag", "X-Policy-Version", "X-Request-ID", "Retry-After",
              "Location")
#: Request headers passed on to the sandbox.
_PASS_ON = ("authorization", "content-type", "if-match", "accept", "x-request-id")


@dataclass
class Upstream:
    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


Forward = Callable[[Request], Upstream]
RuleHandler = Callable[[Request, Conn, Forward], None]


@dataclass
class Rule:
    method: str
    pattern: re.Pattern[str]
    handler: RuleHandler
    times: int | None = None  # None: until removed
    hits: int = 0


@dataclass
class FaultProxy:
    """Pass-through to `upstream` with per-endpoint faults; see the module docstring."""

    upstream: Sandbox
    leaf: trustme.LeafCert
    rules: list[Rule] = field(default_factory=list)
    seen: list[tuple[str, str]] = field(default_factory=list)
    received: list[Request] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._http = requests.Session()
        self._http.trust_env = False
        self._http.verify = self.upstream.ca_bundle
        self._server = FaultServer(self._handle, self.leaf)
        self._prefix = "/" + self.upstream.url.split("/", 3)[3]  # "/api/v1"

    @property
    def url(self) -> str:
        return self._server.url.replace("/api/v1", self._prefix)

    def start(self) -> FaultProxy:
        self._server.__enter__()
        return self

    def stop(self) -> None:
        self._server.stop()
        self._http.close()

    # --- rules ---------------------------------------------------------------------------

    def on(self, method: str, path: str, handler: RuleHandler, *,
           times: int | None = None) -> Rule:
        """Claim `method` requests whose API path (after /api/v1) fully matches `path`."""
        rule = Rule(method.upper(), re.compile(path), handler, times)
        with self._lock:
            self.rules.insert(0, rule)
        return rule

    def rewrite(self, method: str, path: str, change: Callable[[Any], Any], *,
                times: int | None = None) -> Rule:
        """Pass the request on, then change the JSON of a 2xx answer before it goes back."""
        def handler(req: Request, conn: Conn, forward: Forward) -> None:
            up = forward(req)
            body = up.body
            if 200 <= up.status < 300 and up.body:
                body = json.dumps(change(up.json())).encode()
            conn.send(raw_response(up.status, body, up.headers))
        return self.on(method, path, handler, times=times)

    def clear(self) -> None:
        with self._lock:
            self.rules.clear()
            self.seen.clear()
            self.received.clear()

    def sent(self, method: str, path: str) -> list[Request]:
        """The requests received for `method` and API path `path` (a regex), oldest first."""
        rx = re.compile(path)
        return [r for r in list(self.received)
                if r.method == method and rx.fullmatch(self._api_path(r))]

    def count(self, method: str, path: str) -> int:
        rx = re.compile(path)
        return sum(1 for m, p in list(self.seen) if m == method and rx.fullmatch(p))

    # --- serving -------------------------------------------------------------------------

    def forward(self, req: Request) -> Upstream:
        headers = {k: v for k, v in req.headers.items() if k in _PASS_ON}
        resp = self._http.request(req.method, self.upstream.origin + req.target,
                                  data=req.body or None, headers=headers,
                                  allow_redirects=False, timeout=(5, 30))
        back = {k: resp.headers[k] for k in _PASS_BACK if k in resp.headers}
        return Upstream(resp.status_code, back, resp.content)

    def _api_path(self, req: Request) -> str:
        path = req.path
        return path[len(self._prefix):] if path.startswith(self._prefix) else path

    def _handle(self, req: Request, conn: Conn) -> None:
        path = self._api_path(req)
        with self._lock:
            self.seen.append((req.method, path))
            self.received.append(req)
            rule = next((r for r in self.rules
                         if r.method == req.method and r.pattern.fullmatch(path)), None)
            if rule is not None:
                rule.hits += 1
                if rule.times is not None and rule.hits >= rule.times:
                    self.rules.remove(rule)
        try:
            if rule is not None:
                rule.handler(req, conn, self.forward)
                return
            up = self.forward(req)
            conn.send(raw_response(up.status, up.body, up.headers))
        except requests.RequestException:
            conn.send(raw_response(502, b"upstream failed", {"Content-Type": "text/plain"}))


@contextlib.contextmanager
def fault_proxy(upstream: Sandbox, leaf: trustme.LeafCert) -> Iterator[FaultProxy]:
    proxy = FaultProxy(upstream, leaf).start()
    try:
        yield proxy
    finally:
        proxy.stop()


# --- ready-made misbehaviour -------------------------------------------------------------


def answer(data: bytes) -> RuleHandler:
    def handler(req: Request, conn: Conn, forward: Forward) -> None:
        conn.send(data)
    return handler


def reset_mid_body(size: int = 4000) -> RuleHandler:
    """Promise `size` bytes of JSON, send a third, then abort the connection (TCP RST)."""
    def handler(req: Request, conn: Conn, forward: Forward) -> None:
        head = raw_response(200, b"", {"Content-Type": "application/json",
                                       "Content-Length": str(size)})
        conn.send(head + b'{"items": [' + b" " * (size // 3))
        conn.reset()
    return handler


def trickle(seconds: float, stop: threading.Event) -> RuleHandler:
    """Headers at once, then one body byte every 0.2 s for `seconds` (or until `stop`)."""
    def handler(req: Request, conn: Conn, forward: Forward) -> None:
        body = b'{"items": [], "next_cursor": null, "total": 0}'
        conn.send(raw_response(200, b"", {"Content-Type": "application/json",
                                          "Content-Length": str(len(body))}))
        end = time.monotonic() + seconds
        for byte in body:
            if stop.wait(0.2) or time.monotonic() > end:
                break
            with contextlib.suppress(OSError):
                conn.send(bytes([byte]))
        conn.close()
    return handler
