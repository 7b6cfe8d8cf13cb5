"""HTTPS transport to the portal, built to the security figures of DESIGN.md.

What this module guarantees for every request:

* TLS 1.2+, certificate and host name always verified, trust = the OS store (through
  `truststore`) plus the IT-set CA bundle, or that bundle alone. Nothing in the
  environment changes trust, credentials or proxies: `trust_env` is off, so
  `REQUESTS_CA_BUNDLE`, `CURL_CA_BUNDLE`, `HTTPS_PROXY` and `~/.netrc` are ignored, and
  `cert_verify` is overridden so that requests cannot add certifi's roots to our
  context behind our back.
* (connect, read) timeouts plus an overall deadline enforced by a watchdog that shuts
  the socket down, so a server trickling one byte a second still fails on time.
* No redirects, a streamed body with a size cap, JSON only with a JSON content type.
* Retries (3 tries, backoff, `Retry-After` up to `max_retry_after_s`, never past the
  deadline) for GET only, and for the reads sent as POST so that patient criteria stay
  out of the URL (`SAFE_POSTS`: claim search), of a failed connection or a
  429/502/503/504 answer; never for a write. urllib3's `Retry` carries them
  (`retry.py` holds it to these rules), so they end where urllib3 hands the answer
  over: a body that breaks off mid-way is reported, not fetched again.
* Every failure is a typed `PortalError`; no requests/urllib3/ssl exception escapes.
"""

from __future__ import annotations

import logging
import ssl
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http.cookiejar import DefaultCookiePolicy
from typing import Any
from urllib.parse import urlsplit

import requests
import urllib3

from desktop import __version__
from desktop.portal.errors import (
    ConnectionFailed,
    DeadlineExceeded,
    InsecureUrl,
    InvalidConfiguration,
    PortalError,
    RateLimited,
    ServerError,
    UnexpectedResponse,
    error_from_answer,
)
from desktop.portal.retry import SAFE_POST_METHODS, PortalRetry, parse_retry_after
from desktop.portal.tls import (
    PortalAdapter,
    Watch,
    build_ssl_context,
    chain_text,
    set_current_watch,
    tls_error,
)
from desktop.portal.urls import PortalUrlError, UrlProblem, parse_portal_url
from desktop.portal.wirejson import decode_json

#: Paths of reads sent as POST (the body keeps patient criteria out of the URL); they are
#: retried like a GET. Exact paths: nothing else shares these prefixes.
SAFE_POSTS: tuple[str, ...] = ("/claims/search",)
log = logging.getLogger(__name__)

USER_AGENT = f"ClaimsDesktop/{__version__}"
_CHUNK = 64 * 1024

AnswerObserver = Callable[[Mapping[str, str]], None]


@dataclass(frozen=True)
class TransportConfig:
    ca_bundle: str | None = None
    use_system_trust_store: bool = True
    proxy_url: str | None = None
    connect_timeout_s: float = 5.0
    read_timeout_s: float = 30.0
    deadline_s: float = 60.0
    max_body_bytes: int = 10 * 1024 * 1024
    max_tries: int = 3
    backoff_s: tuple[float, ...] = (0.5, 1.5)
    #: A `Retry-After` longer than this is not waited for: the call fails at once.
    max_retry_after_s: float = 30.0


@dataclass(frozen=True)
class Answer:
    """A complete 2xx answer: status, headers and the (capped) body."""

    status: int
    headers: Mapping[str, str]
    body: bytes
    request_id: str

    def json(self) -> Any:
        """The body as JSON, refusing a body that does not say it is JSON."""
        if not is_json_content_type(self.headers.get("Content-Type")):
            raise UnexpectedResponse(
                request_id=self.request_id, status=self.status,
                detail="answer is not JSON (content type)",
            )
        try:
            return decode_json(self.body)
        except UnexpectedResponse as exc:
            exc.request_id, exc.status = self.request_id, self.status
            raise


def is_json_content_type(value: str | None) -> bool:
    if not value:
        return False
    media, _, params = value.partition(";")
    media = media.strip().lower()
    if not (media == "application/json" or (media.startswith("application/")
                                             and media.endswith("+json"))):
        return False
    for param in params.split(";"):
        name, _, val = param.partition("=")
        if name.strip().lower() == "charset" and val.strip().strip('"').lower() not in (
            "utf-8", "utf8",
        ):
            return False
    return True


# --- failures ---------------------------------------------------------------------


def map_exception(exc: BaseException, *, fired: bool, request_id: str) -> PortalError:
    """Turn anything the HTTP stack raises into a typed, safe `PortalError`."""
    if isinstance(exc, PortalError):
        err = exc
    elif fired:
        err = DeadlineExceeded(detail="overall deadline passed")
    elif isinstance(exc, requests.exceptions.SSLError | ssl.SSLError):
        err = tls_error(exc)
    elif isinstance(exc, requests.exceptions.ProxyError):
        err = ConnectionFailed(
            "The proxy server set up for this computer cannot be reached or refused the "
            "connection. Contact your IT support.",
            detail="proxy failure",
        )
    elif isinstance(exc, requests.exceptions.ConnectTimeout):
        err = ConnectionFailed(detail="connect timeout")
    elif isinstance(exc, requests.exceptions.ReadTimeout | TimeoutError):
        err = DeadlineExceeded(detail="read timeout")
    elif isinstance(exc, requests.exceptions.TooManyRedirects):
        err = UnexpectedResponse(detail="redirect")
    elif isinstance(exc, requests.exceptions.ContentDecodingError):
        err = UnexpectedResponse(detail="body could not be decompressed")
    elif isinstance(exc, requests.exceptions.ChunkedEncodingError):
        err = ConnectionFailed(
            "The connection to the claims portal was interrupted. Please try again.",
            detail="connection broken mid-answer",
        )
    elif isinstance(exc, requests.exceptions.ConnectionError):
        text = chain_text(exc)
        if "ssl" in text and ("certificate" in text or "tls" in text or "handshake" in text):
            err = tls_error(exc)
        else:
            err = ConnectionFailed(detail=f"connection failed ({type(exc).__name__})")
    elif isinstance(exc, requests.RequestException | urllib3.exceptions.HTTPError | OSError):
        err = ConnectionFailed(detail=f"transport failure ({type(exc).__name__})")
    else:
        err = UnexpectedResponse(detail=f"unexpected failure ({type(exc).__name__})")
    if err.request_id is None:
        err.request_id = request_id
    return err


# --- the transport -----------------------------------------------------------------


def check_base_url(base_url: str) -> str:
    """The normal form of the portal address (`parse_portal_url`), or a typed, safe error."""
    try:
        return parse_portal_url(base_url).base_url
    except PortalUrlError as exc:
        if exc.problem is UrlProblem.NOT_HTTPS:
            raise InsecureUrl(detail="portal URL is not https") from None
        raise InvalidConfiguration(
            "The portal address is not valid. Ask your IT support for the correct address.",
            detail=("portal URL must be https://host[:port]/path without credentials or "
                    f"query ({exc.problem.value})"),
        ) from None


def check_proxy_url(proxy_url: str) -> str:
    try:
        parts = urlsplit(proxy_url)
        parts.port  # noqa: B018
    except ValueError:
        raise InvalidConfiguration(detail="proxy URL cannot be parsed") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InvalidConfiguration(
            "The proxy server setting is not valid. Ask your IT support to check it.",
            detail="proxy URL must be http:// or https:// with a host",
        )
    return proxy_url


class Transport:
    """One kept-alive `requests.Session` and the rules every request follows."""

    def __init__(self, base_url: str, config: TransportConfig,
                 observer: AnswerObserver | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.base_url = check_base_url(base_url)
        self.config = config
        self._observer = observer
        proxy = check_proxy_url(config.proxy_url) if config.proxy_url else None
        self._ssl_context = build_ssl_context(config.ca_bundle, config.use_system_trust_store)
        session = requests.Session()
        session.trust_env = False
        session.proxies = {"https": proxy} if proxy else {}
        session.cookies.set_policy(DefaultCookiePolicy(allowed_domains=[]))
        session.headers.clear()
        retry = PortalRetry.for_tries(config.max_tries, config.backoff_s,
                                      config.max_retry_after_s, config.max_body_bytes,
                                      sleeper=sleep)
        adapter = PortalAdapter(self._ssl_context, retry)
        session.adapters.clear()
        session.mount("https://", adapter)
        # requests picks the longest matching prefix: these URLs alone get POST retries.
        read_retry = PortalRetry.for_tries(config.max_tries, config.backoff_s,
                                           config.max_retry_after_s, config.max_body_bytes,
                                           sleeper=sleep, methods=SAFE_POST_METHODS)
        for path in SAFE_POSTS:
            session.mount(self.base_url + path, PortalAdapter(self._ssl_context, read_retry))
        session.mount("http://", _RefuseHttp())
        self._session = session
        #: The protocol of the last connection used, e.g. "TLSv1.3" (None before any call).
        self.tls_version: str | None = None

    @property
    def ssl_context(self) -> ssl.SSLContext:
        return self._ssl_context

    def close(self) -> None:
        self._session.close()

    def request(
        self,
        method: str,
        path: str,
        *,
        params: list[tuple[str, str]] | None = None,
        json_body: Any = None,
        headers: Mapping[str, str] | None = None,
        token: str | None = None,
    ) -> Answer:
        """Send one call (retrying a GET where allowed) and return its 2xx answer.

        The retries happen inside urllib3 (`PortalRetry`, mounted on the adapter), all
        under this call's one deadline and watchdog.
        """
        deadline = time.monotonic() + self.config.deadline_s
        try:
            return self._send(method, path, params, json_body, headers, token, deadline)
        except PortalError as err:
            raise self._final(err) from None

    def _final(self, err: PortalError) -> PortalError:
        """A 503 that asks for a longer wait than we give is reported as "busy, wait N s"."""
        after = getattr(err, "retry_after_s", None)
        if isinstance(err, ServerError) and err.status == 503 and after is not None and (
            after > self.config.max_retry_after_s
        ):
            return RateLimited(retry_after_s=after, request_id=err.request_id,
                               status=err.status, code=err.code, detail=err.detail)
        return err

    def _send(self, method: str, path: str, params: list[tuple[str, str]] | None,
              json_body: Any, extra_headers: Mapping[str, str] | None, token: str | None,
              deadline: float) -> Answer:
        cfg = self.config
        request_id = uuid.uuid4().hex
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise DeadlineExceeded(request_id=request_id, detail="deadline passed before send")
        headers = {
            "Accept": "application/json",
            "User-Agent": USER_AGENT,
            "X-Request-ID": request_id,
            "Accept-Encoding": "gzip",
        }
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if extra_headers:
            headers.update(extra_headers)
        timeout = (min(cfg.connect_timeout_s, remaining), min(cfg.read_timeout_s, remaining))
        watch = Watch(remaining)
        set_current_watch(watch)
        try:
            resp = self._session.request(
                method, self.base_url + path, params=params, json=json_body, headers=headers,
                timeout=timeout, allow_redirects=False, stream=True, verify=True,
            )
            self._note_tls_version(resp)
            try:
                status, resp_headers, body = self._read(resp, deadline)
            finally:
                resp.close()
        except Exception as exc:  # noqa: BLE001 - every failure becomes a typed PortalError
            raise map_exception(exc, fired=watch.fired, request_id=request_id) from None
        finally:
            watch.cancel()
            set_current_watch(None)
        if watch.fired:
            raise DeadlineExceeded(request_id=request_id, detail="overall deadline passed")
        echoed = resp_headers.get("X-Request-ID", "")
        if echoed and echoed.isascii() and echoed.isprintable() and len(echoed) <= 100:
            request_id = echoed
        if self._observer is not None:
            try:
                self._observer(resp_headers)
            except Exception as exc:  # noqa: BLE001 - an observer bug must not fail the call
                log.error("answer observer failed: %s", type(exc).__name__)
        if 200 <= status < 300:
            return Answer(status, resp_headers, body, request_id)
        raise self._error(status, resp_headers, body, request_id)

    def _note_tls_version(self, resp: requests.Response) -> None:
        """Remember the negotiated protocol ("TLSv1.3") for the status bar and diagnostics."""
        conn = getattr(resp.raw, "connection", None)
        sock = getattr(conn, "sock", None)
        version = getattr(sock, "version", None)
        if callable(version):
            try:
                value = version()
            except (OSError, ValueError):
                return
            if isinstance(value, str):
                self.tls_version = value

    def _read(self, resp: requests.Response, deadline: float
              ) -> tuple[int, Mapping[str, str], bytes]:
        cap = self.config.max_body_bytes
        status = resp.status_code
        if 300 <= status < 400:
            raise UnexpectedResponse(
                "The claims portal tried to send this program to another address, which it "
                "does not follow. Ask your IT support to check the portal address.",
                status=status, detail=f"redirect ({status})",
            )
        length = resp.headers.get("Content-Length", "")
        if length.isascii() and length.isdigit() and int(length[:15]) > cap:
            raise UnexpectedResponse(status=status, detail="answer larger than the cap")
        chunks: list[bytes] = []
        total = 0
        for chunk in resp.iter_content(_CHUNK):
            total += len(chunk)
            if total > cap:
                raise UnexpectedResponse(status=status, detail="answer larger than the cap")
            if time.monotonic() > deadline:
                raise DeadlineExceeded(status=status, detail="overall deadline passed")
            chunks.append(chunk)
        return status, resp.headers, b"".join(chunks)

    @staticmethod
    def _error(status: int, headers: Mapping[str, str], body: bytes,
               request_id: str) -> PortalError:
        retry_after = parse_retry_after(headers.get("Retry-After"))
        doc: object = None
        if body and is_json_content_type(headers.get("Content-Type")):
            try:
                doc = decode_json(body)
            except UnexpectedResponse:
                doc = None
        well_formed = isinstance(doc, dict) and isinstance(doc.get("error"), dict)
        if not well_formed and status != 429 and status < 500:
            # Not the contract's error shape: a proxy's or web server's page, most likely.
            return UnexpectedResponse(request_id=request_id, status=status,
                                      detail=f"HTTP {status} without the error body")
        return error_from_answer(status, doc, request_id=request_id, retry_after_s=retry_after)


class _RefuseHttp(requests.adapters.BaseAdapter):
    """Mounted on http:// so that no code path can ever send a request in clear text."""

    def send(self, *args: Any, **kwargs: Any) -> requests.Response:
        raise InsecureUrl(detail="refused a plain http request")

    def close(self) -> None:
        return None
