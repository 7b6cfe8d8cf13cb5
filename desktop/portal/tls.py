"""TLS for the portal: the trust context, the adapter that enforces it, the deadline watchdog.

Split from `transport.py` because this is the part a security review reads first:
every connection (direct or through a proxy) uses `build_ssl_context`'s context and
nothing else, and `Watch` is what turns a slow-trickling server into a deadline error.
"""

from __future__ import annotations

import socket
import ssl
import threading
import time
from typing import TYPE_CHECKING, Any

import requests
import truststore
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPSConnection
from urllib3.connectionpool import HTTPSConnectionPool
from urllib3.util.retry import Retry

from desktop.portal.errors import InvalidConfiguration, TlsError
from desktop.portal.watchdog import WATCHDOG

if TYPE_CHECKING:
    from requests.adapters import _HostParams, _PoolKwargs


def build_ssl_context(ca_bundle: str | None, use_system_trust_store: bool) -> ssl.SSLContext:
    """The one TLS context every connection of the client uses."""
    if not use_system_trust_store and not ca_bundle:
        raise InvalidConfiguration(
            detail="system trust store disabled and no CA bundle: nothing would be trusted"
        )
    try:
        if use_system_trust_store:
            ctx: ssl.SSLContext = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            if ca_bundle:
                ctx.load_verify_locations(cafile=ca_bundle)
        else:
            ctx = ssl.create_default_context(cafile=ca_bundle)
    except (OSError, ssl.SSLError, ValueError):
        raise InvalidConfiguration(
            "The certificate authority file set up for the portal cannot be read. "
            "Ask your IT support to check the portal settings.",
            detail="CA bundle could not be loaded",
        ) from None
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.check_hostname = True
    ctx.verify_mode = ssl.CERT_REQUIRED
    return ctx


# --- the deadline watchdog ---------------------------------------------------------

_current = threading.local()


def set_current_watch(watch: Watch | None) -> None:
    """Make `watch` the deadline of the calling thread's next connection use."""
    _current.watch = watch


def current_watch() -> Watch | None:
    """The deadline of the call running on this thread (the retry policy consults it)."""
    watch: Watch | None = getattr(_current, "watch", None)
    return watch


class Watch:
    """Shuts the request's socket down when the overall deadline passes.

    Socket timeouts bound each read, not the whole exchange; a server that trickles
    one byte just inside the read timeout would otherwise hold the call for ever.
    """

    def __init__(self, seconds: float) -> None:
        self._lock = threading.Lock()
        self._conn: HTTPSConnection | None = None
        self.fired = False
        #: `time.monotonic()` when the call must be over, for waits planned before retrying.
        self.deadline = time.monotonic() + max(seconds, 0.0)
        # One shared watchdog thread fires it (`watchdog.py`); no thread per request.
        self._timer = WATCHDOG.schedule(seconds, self._fire)

    def attach(self, conn: HTTPSConnection) -> None:
        with self._lock:
            self._conn = conn
            fired = self.fired
        if fired:
            self._shutdown(conn)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            conn = self._conn
        if conn is not None:
            self._shutdown(conn)

    @staticmethod
    def _shutdown(conn: HTTPSConnection) -> None:
        sock = conn.sock
        if sock is None:
            return
        try:
            # The plain-socket shutdown wakes a blocked read at once; going through
            # SSLSocket.shutdown would tear down TLS state under the reading thread.
            socket.socket.shutdown(sock, socket.SHUT_RDWR)
        except OSError:
            pass

    def detach(self) -> None:
        """Forget the connection (it went back to the pool); the deadline still runs."""
        with self._lock:
            self._conn = None

    def cancel(self) -> None:
        # Detach first: the connection goes back to the pool for other calls, and a
        # timer that fires late must not shut down someone else's request.
        self.detach()
        self._timer.cancel()


def _watch_connection(conn: HTTPSConnection) -> None:
    watch = current_watch()
    if watch is not None:
        watch.attach(conn)


class _WatchedHTTPSConnection(HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _watch_connection(self)
        watch = current_watch()
        if watch is not None and watch.fired:
            self.close()
            raise TimeoutError("overall deadline passed while connecting")

    def request(self, *args: Any, **kwargs: Any) -> None:
        _watch_connection(self)
        super().request(*args, **kwargs)


class _WatchedHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


class PortalAdapter(HTTPAdapter):
    """An HTTPAdapter whose every pool (direct or through a proxy) uses our TLS context.

    `retry` is the transport's policy (`desktop.portal.retry.PortalRetry`); without
    one nothing is retried.
    """

    def __init__(self, ssl_context: ssl.SSLContext, retry: Retry | None = None,
                 **kwargs: Any) -> None:
        self._ssl_context = ssl_context
        super().__init__(max_retries=retry if retry is not None else 0, **kwargs)

    def _own_pools(self, manager: Any) -> Any:
        manager.pool_classes_by_scheme = {
            **manager.pool_classes_by_scheme, "https": _WatchedHTTPSConnectionPool,
        }
        return manager

    def init_poolmanager(self, connections: int, maxsize: int, block: bool = False,
                         **pool_kwargs: Any) -> None:
        pool_kwargs["ssl_context"] = self._ssl_context
        super().init_poolmanager(connections, maxsize, block=block, **pool_kwargs)
        self._own_pools(self.poolmanager)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        fresh = proxy not in self.proxy_manager
        proxy_kwargs["ssl_context"] = self._ssl_context
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        return self._own_pools(manager) if fresh else manager

    def build_connection_pool_key_attributes(
        self, request: requests.PreparedRequest, verify: Any, cert: Any = None
    ) -> tuple[_HostParams, _PoolKwargs]:
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(
            request, True, None
        )
        pool_kwargs.pop("ca_certs", None)
        pool_kwargs.pop("ca_cert_dir", None)
        pool_kwargs["cert_reqs"] = "CERT_REQUIRED"
        pool_kwargs["ssl_context"] = self._ssl_context
        return host_params, pool_kwargs

    def cert_verify(self, conn: Any, url: str, verify: Any, cert: Any) -> None:
        # requests would point the connection at certifi's bundle, and urllib3 would
        # then load it into our context: verification must come from our context only.
        conn.cert_reqs = "CERT_REQUIRED"
        conn.ca_certs = None
        conn.ca_cert_dir = None


# --- classifying TLS failures ----------------------------------------------------


def chain_text(exc: BaseException) -> str:
    parts: list[str] = []
    seen: set[int] = set()
    stack: list[BaseException] = [exc]
    while stack and len(parts) < 20:
        cur = stack.pop()
        if id(cur) in seen:
            continue
        seen.add(id(cur))
        parts.append(f"{type(cur).__name__}: {cur}")
        for nxt in (cur.__cause__, cur.__context__, *cur.args):
            if isinstance(nxt, BaseException):
                stack.append(nxt)
            elif hasattr(nxt, "reason") and isinstance(nxt.reason, BaseException):
                stack.append(nxt.reason)
        reason = getattr(cur, "reason", None)
        if isinstance(reason, BaseException):
            stack.append(reason)
    return " | ".join(parts).lower()


_TLS_TOO_OLD = ("unsupported protocol", "wrong version number", "no protocols available",
                "tlsv1 alert protocol version", "version too low")


def tls_error(exc: BaseException) -> TlsError:
    text = chain_text(exc)
    if "certificate has expired" in text or "certificate is not yet valid" in text:
        return TlsError(
            "The claims portal's security certificate has expired (or is not valid yet), "
            "so this program will not connect. Tell your IT support: the portal's "
            "certificate has expired; also check this computer's date and time.",
            detail="certificate expired or not yet valid",
        )
    if "hostname mismatch" in text or "ip address mismatch" in text:
        return TlsError(
            "The claims portal's security certificate is for a different address, so "
            "this program will not connect. Tell your IT support: the certificate does "
            "not match the portal address set in this program.",
            detail="certificate host name mismatch",
        )
    if any(marker in text for marker in _TLS_TOO_OLD):
        return TlsError(
            "The claims portal offered only an outdated, insecure connection type, so "
            "this program will not connect. Tell your IT support: the portal (or a proxy "
            "in between) must support TLS 1.2 or newer.",
            detail="TLS protocol version below 1.2",
        )
    if "certificate verify failed" in text or "self-signed" in text or "self signed" in text:
        return TlsError(
            "The claims portal's security certificate is not trusted on this computer, so "
            "this program will not connect. Tell your IT support: the certificate "
            "authority that issued the portal's certificate must be installed or set in "
            "the program's settings.",
            detail="certificate not trusted",
        )
    return TlsError(detail="TLS handshake failed")
