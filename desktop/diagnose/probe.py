"""The portal's side of the report: reachable or not, over which TLS, which certificate.

Two public requests and nothing else: a ``HEAD /policy`` through urllib3 (direct
or through the configured proxy's CONNECT tunnel) to see the TLS connection, then
``GET /policy`` through the real `PortalClient`, so the verdict on the answer is
the client's own. Both use the client transport's own SSL context: what is
trusted here is exactly what the program trusts. No retries: IT wants to see the
first failure, not the third.
"""

from __future__ import annotations

import socket
import ssl
import time
from typing import Any

import urllib3

from desktop.config import LoadedSettings
from desktop.diagnose.certificates import certificate_summary
from desktop.diagnose.model import Check, clean
from desktop.portal.client import PortalClient
from desktop.portal.errors import PortalError
from desktop.portal.tls import tls_error
from desktop.portal.transport import USER_AGENT
from desktop.portal.urls import PortalUrl, parse_portal_url

#: A portal certificate expiring sooner than this is a warning.
EXPIRY_WARNING_DAYS = 30


class ProxyRefused(ConnectionError):
    """The proxy answered CONNECT with something other than 200 (its status line is kept)."""


def _pool(ctx: ssl.SSLContext, proxy_url: str | None, timeout_s: float) -> urllib3.PoolManager:
    options: dict[str, Any] = {
        "ssl_context": ctx, "cert_reqs": "CERT_REQUIRED", "retries": False, "num_pools": 1,
        "timeout": urllib3.Timeout(connect=timeout_s, read=timeout_s),
        "headers": {"User-Agent": USER_AGENT, "Accept": "application/json"},
    }
    return urllib3.proxy_from_url(proxy_url, **options) if proxy_url else \
        urllib3.PoolManager(**options)


def _tunnel_refusal(exc: BaseException) -> ProxyRefused | None:
    """http.client says "Tunnel connection failed: 403 Forbidden" when CONNECT is refused."""
    for cause in _chain(exc):
        text = str(cause)
        if isinstance(cause, OSError) and text.startswith("Tunnel connection failed:"):
            status = text.partition(":")[2].strip()
            return ProxyRefused(f"the proxy refused to connect to the portal ({clean(status, 60)})")
    return None


def tls_probe(url: PortalUrl, ctx: ssl.SSLContext, proxy_url: str | None,
              timeout_s: float) -> dict[str, Any]:
    """TLS version, cipher and certificate of one connection to the portal.

    Raises `ssl.SSLError` for a TLS failure and `OSError` for any other, as a plain
    socket would, so the reasons below read the same whatever urllib3 wrapped them in.
    """
    manager = _pool(ctx, proxy_url, timeout_s)
    try:
        resp = manager.urlopen("HEAD", url.base_url + "/policy", redirect=False,
                               preload_content=False)
    except urllib3.exceptions.ProxyError as exc:
        raise _tunnel_refusal(exc) or _root_error(exc) from None
    except urllib3.exceptions.HTTPError as exc:
        raise _root_error(exc) from None
    try:
        sock: Any = getattr(resp.connection, "sock", None)
        cipher = sock.cipher() if sock is not None else None
        der = sock.getpeercert(binary_form=True) if sock is not None else None
        result: dict[str, Any] = {"tls_version": sock.version() if sock is not None else None,
                                  "cipher": cipher[0] if cipher else None}
    finally:
        resp.close()
        manager.clear()
    try:
        result["certificate"] = certificate_summary(der) if der else None
    except ValueError:
        result["certificate"] = None
    return result


def _chain(exc: BaseException) -> list[BaseException]:
    """`exc` and what it wraps, outermost first (urllib3 keeps the cause in several places)."""
    found: list[BaseException] = []
    seen: BaseException | None = exc
    while seen is not None and seen not in found and len(found) < 10:
        found.append(seen)
        seen = getattr(seen, "original_error", None) or seen.__cause__ or seen.__context__
    return found


def _root_error(exc: BaseException) -> OSError:
    """The socket or TLS error under urllib3's wrappers (an OSError in any case)."""
    chain = _chain(exc)
    for cause in reversed(chain):  # the innermost socket error says the most
        if isinstance(cause, ssl.SSLError | socket.gaierror | ConnectionRefusedError |
                      TimeoutError):
            return cause
    if any(isinstance(c, urllib3.exceptions.SSLError) for c in chain):
        return ssl.SSLError(str(exc))
    if any(isinstance(c, urllib3.exceptions.TimeoutError) for c in chain):
        return TimeoutError(str(exc))
    for cause in reversed(chain):
        if isinstance(cause, OSError) and cause.strerror:
            return cause
    return OSError(type(exc).__name__)


def network_reason(exc: OSError) -> str:
    """Why the portal cannot be reached, in words an IT person can act on."""
    if isinstance(exc, socket.gaierror):
        return "the portal's host name cannot be resolved (DNS)"
    if isinstance(exc, ConnectionRefusedError):
        return "the connection was refused (nothing listens at that address and port)"
    if isinstance(exc, TimeoutError):
        return "the connection timed out (a firewall, or the portal is down)"
    if isinstance(exc, ProxyRefused):
        return str(exc)
    return f"the connection failed ({clean(exc.strerror or str(exc) or type(exc).__name__, 80)})"


def portal_base(url: str | None, loaded: LoadedSettings) -> dict[str, Any]:
    """The portal section before (or instead of) asking the portal anything."""
    return {"url": url, "proxy_url": loaded.values.proxy_url, "skipped": None,
            "reachable": None, "tls_version": None, "cipher": None, "certificate": None,
            "policy_version": None,
            "last_seen_policy_version": loaded.values.last_seen_policy_version,
            "elapsed_ms": None, "error": None}


def _tls_checks(section: dict[str, Any], client: PortalClient, url: PortalUrl,
                proxy: str | None, timeout_s: float) -> tuple[list[Check], bool]:
    """The TLS verdicts, and whether the portal check goes on (not after a failure)."""
    if proxy and proxy.startswith("https://"):
        return [Check("certificate", "ok", "TLS details are not examined through an "
                      "https:// proxy; the connection check below still applies.")], True
    try:
        section.update(tls_probe(url, client.transport.ssl_context, proxy, timeout_s))
    except ssl.SSLError as exc:
        err = tls_error(exc)
        section.update(reachable=True, error=err.user_message)
        return [Check("tls", "error", f"{err.user_message} ({err.detail})")], False
    except OSError as exc:
        section.update(reachable=False, error=network_reason(exc))
        return [Check("portal", "error",
                      f"The portal cannot be reached: {network_reason(exc)}.")], False
    cert = section["certificate"]
    if cert is None:
        return [], True
    days = cert["days_left"]
    return [Check("certificate", "ok" if days >= EXPIRY_WARNING_DAYS else "warning",
                  f"The portal's certificate ({cert['subject']}) is valid until "
                  f"{cert['not_after'][:10]}, {days} days from now.")], True


def _policy_checks(section: dict[str, Any], client: PortalClient, loaded: LoadedSettings,
                   started: float) -> list[Check]:
    try:
        policy = client.get_policy()
    except PortalError as exc:
        section.update(error=exc.user_message)
        reference = f", reference {exc.request_id}" if exc.request_id else ""
        return [Check("portal", "error", f"{exc.user_message} ({exc.detail}{reference})")]
    section.update(reachable=True, elapsed_ms=round((time.monotonic() - started) * 1000),
                   policy_version=clean(policy.version, 100))
    section["tls_version"] = section["tls_version"] or client.transport.tls_version
    seen = loaded.values.last_seen_policy_version
    note = ("the same version was last accepted on this PC" if seen == policy.version else
            "it will be shown for acceptance at the next start")
    return [Check("portal", "ok", f"The portal answers over {section['tls_version']}."),
            Check("policy", "ok", f"The portal's privacy policy is version "
                  f"{section['policy_version']}; {note}.")]


def portal_section(loaded: LoadedSettings, timeout_s: float) -> tuple[dict[str, Any], list[Check]]:
    """Ask the portal what a clerk's first minute would ask it; the section and its verdicts."""
    values = loaded.values
    section = portal_base(values.portal_url, loaded)
    if not values.portal_url:
        return section, []
    url = parse_portal_url(values.portal_url)  # config has refused what this would refuse
    try:
        client = PortalClient(url.base_url, ca_bundle=values.ca_bundle,
                              use_system_trust_store=values.use_system_trust_store,
                              proxy_url=values.proxy_url, connect_timeout_s=timeout_s,
                              read_timeout_s=timeout_s, deadline_s=2 * timeout_s, max_tries=1)
    except PortalError as exc:
        section["error"] = exc.user_message
        return section, [Check("trust", "error", f"{exc.user_message} ({exc.detail})")]
    try:
        started = time.monotonic()
        checks, go_on = _tls_checks(section, client, url, values.proxy_url, timeout_s)
        if not go_on:
            return section, checks
        return section, [*checks, *_policy_checks(section, client, loaded, started)]
    finally:
        client.close()
