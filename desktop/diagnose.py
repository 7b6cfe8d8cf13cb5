"""`claims-desktop --diagnose [--json]`: what office IT needs to see, on any PC, without a display.

It answers the questions a support call starts with: which settings apply and
where each came from (built-in default, the user's settings.json, IT policy),
whether an IT policy is broken, which credential store holds the session token
and whether that is an OS store, which certificates are trusted, whether the
portal answers, over which TLS version, with a certificate valid until when,
and which privacy-policy version it serves.

It reads nothing personal and never touches a token: it looks the credential
store up but reads no entry, and talks to the portal only through public
endpoints (a TLS handshake and ``GET /policy``). Values printed are settings,
paths, certificate names and dates, never PHI. No Qt here, so it runs on a
server, over SSH, or on a PC whose display is broken.

Exit code: 0 when nothing would stop a clerk, 1 when something would (no
portal address, a broken IT policy, no trust configured, the portal unreachable
or failing TLS, the portal answering with an error). Warnings (a user setting
that was ignored, no OS credential store, a certificate close to expiry) are
listed but do not change the exit code.
"""

from __future__ import annotations

import json
import logging
import os
import platform
import re
import socket
import ssl
import sys
import time
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import urlsplit

from desktop import __version__
from desktop.config import (
    POLICIES_FILE,
    SETTINGS_FILE,
    LoadedSettings,
    RegistryReader,
    WindowsRegistryReader,
    default_site_dir,
    load_settings,
    read_json_object,
)
from desktop.portal.client import PortalClient
from desktop.portal.errors import PortalError
from desktop.portal.tls import build_ssl_context, tls_error
from desktop.portal.urls import parse_portal_url
from desktop.tokenstore import SERVICE, TokenStore, open_token_store

__all__ = ["EXIT_OK", "EXIT_PROBLEM", "Check", "collect", "exit_code", "render_text",
           "run_diagnose"]

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_PROBLEM = 1
#: A portal certificate expiring sooner than this is a warning.
EXPIRY_WARNING_DAYS = 30
MAX_CA_FILE_BYTES = 5_000_000
MAX_LISTED_CAS = 10
REGISTRY_KEY = r"HKLM\SOFTWARE\Policies\ClaimsDesktop"

Report = dict[str, Any]


@dataclass(frozen=True)
class Check:
    """One verdict. `status` is "ok", "warning" or "error" (error = a clerk is stopped)."""

    name: str
    status: str
    message: str


def _clean(value: object, limit: int = 200) -> str:
    """Printable text only: values come from files, certificates and the portal."""
    text = "".join(ch if unicodedata.category(ch)[0] != "C" else "?" for ch in str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- certificates (DER read by hand: the client ships no X.509 library) -------------------

_NAME_OIDS = {"2.5.4.3": "CN", "2.5.4.10": "O", "2.5.4.11": "OU", "2.5.4.6": "C"}


def _der(data: bytes, pos: int) -> tuple[int, int, int]:
    """(tag, start of content, end of content) of the DER element at `pos`."""
    tag, length = data[pos], data[pos + 1]
    pos += 2
    if length & 0x80:
        count = length & 0x7F
        length = int.from_bytes(data[pos:pos + count], "big")
        pos += count
    if pos + length > len(data):
        raise ValueError("truncated DER")
    return tag, pos, pos + length


def _children(data: bytes, start: int, end: int) -> list[tuple[int, int, int]]:
    items = []
    while start < end:
        item = _der(data, start)
        items.append(item)
        start = item[2]
    return items


def _oid(raw: bytes) -> str:
    parts = [raw[0] // 40, raw[0] % 40]
    value = 0
    for byte in raw[1:]:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            parts.append(value)
            value = 0
    return ".".join(str(p) for p in parts)


def _name(data: bytes, start: int, end: int) -> str:
    found: list[str] = []
    for _tag, s_start, s_end in _children(data, start, end):  # SET per RDN
        for _t, a_start, a_end in _children(data, s_start, s_end):  # SEQUENCE {oid, value}
            (_ot, o_start, o_end), (_vt, v_start, v_end) = _children(data, a_start, a_end)[:2]
            label = _NAME_OIDS.get(_oid(data[o_start:o_end]))
            if label:
                found.append(f"{label}={data[v_start:v_end].decode('utf-8', 'replace')}")
    return ", ".join(found) or "(no name)"


def _time(tag: int, raw: bytes) -> datetime:
    text = raw.decode("ascii")
    fmt = "%y%m%d%H%M%SZ" if tag == 0x17 else "%Y%m%d%H%M%SZ"
    return datetime.strptime(text, fmt).replace(tzinfo=UTC)


def certificate_summary(der: bytes, now: datetime | None = None) -> dict[str, Any]:
    """Subject, issuer and validity of one X.509 certificate; ValueError if unreadable."""
    try:
        _t, c_start, c_end = _der(der, 0)
        _t, t_start, t_end = _children(der, c_start, c_end)[0]
        fields = _children(der, t_start, t_end)
        if fields[0][0] == 0xA0:  # explicit version
            fields = fields[1:]
        _serial, _alg, issuer, validity, subject = fields[:5]
        (b_tag, b_start, b_end), (a_tag, a_start, a_end) = _children(der, *validity[1:])[:2]
        not_before = _time(b_tag, der[b_start:b_end])
        not_after = _time(a_tag, der[a_start:a_end])
        issuer_name, subject_name = _name(der, *issuer[1:]), _name(der, *subject[1:])
    except (IndexError, ValueError, UnicodeDecodeError) as exc:
        raise ValueError("not a readable X.509 certificate") from exc
    moment = now or datetime.now(UTC)
    return {
        "subject": _clean(subject_name),
        "issuer": _clean(issuer_name),
        "not_before": not_before.isoformat(),
        "not_after": not_after.isoformat(),
        "days_left": (not_after - moment).days,
    }


_PEM = re.compile(rb"-----BEGIN CERTIFICATE-----(.+?)-----END CERTIFICATE-----", re.DOTALL)


def ca_bundle_info(path: str) -> dict[str, Any]:
    info: dict[str, Any] = {"path": _clean(path, 500), "exists": os.path.isfile(path),
                            "count": 0, "certificates": [], "error": None}
    if not info["exists"]:
        info["error"] = "the file does not exist"
        return info
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_CA_FILE_BYTES + 1)
    except OSError as exc:
        info["error"] = f"cannot be read ({exc.strerror or type(exc).__name__})"
        return info
    blocks = _PEM.findall(data)
    info["count"] = len(blocks)
    for block in blocks[:MAX_LISTED_CAS]:
        try:
            der = ssl.PEM_cert_to_DER_cert(
                "-----BEGIN CERTIFICATE-----" + block.decode("ascii") + "-----END CERTIFICATE-----")
            info["certificates"].append(certificate_summary(der))
        except (ValueError, UnicodeDecodeError):
            info["certificates"].append({"error": "not a readable certificate"})
    if not blocks:
        info["error"] = "contains no PEM certificate"
    return info


def system_trust_store() -> str:
    if sys.platform == "win32":
        return "Windows certificate store (through truststore)"
    if sys.platform == "darwin":
        return "macOS Keychain trust settings (through truststore)"
    paths = ssl.get_default_verify_paths()
    # OpenSSL honours these variables; say so, since they change what is trusted.
    from_env = [n for n in (paths.openssl_cafile_env, paths.openssl_capath_env)
                if os.environ.get(n)]
    note = f" (set by {', '.join(from_env)})" if from_env else ""
    if paths.cafile:
        return f"OpenSSL system store {paths.cafile}{note}"
    if paths.capath and os.path.isdir(paths.capath):
        return f"OpenSSL system store {paths.capath}{note}"
    return "the distribution's CA bundle (through truststore)"


# --- settings, keyring, trust ----------------------------------------------------------


def _managed_state(site_dir: Path, registry: RegistryReader | None) -> dict[str, Any]:
    """Whether the IT policy sources are present and readable, judged as config.py does."""
    path = site_dir / POLICIES_FILE
    data, problem = read_json_object(path, f"The IT policy file {path}")
    state: dict[str, Any] = {
        "file": str(path),
        "file_present": path.exists(),
        "file_problem": problem,
        "registry_key": REGISTRY_KEY if registry is not None else None,
        "registry_problem": None,
        "keys": sorted(data or {}),
    }
    if registry is not None:
        try:
            state["keys"] = sorted(set(state["keys"]) | set(registry.read()))
        except Exception as exc:  # noqa: BLE001 - any reader failure is a broken policy
            state["registry_problem"] = (
                f"The IT policies in the Windows registry cannot be read ({type(exc).__name__}).")
    state["broken"] = bool(problem or state["registry_problem"])
    return state


def _settings_section(loaded: LoadedSettings, managed: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for key, source in loaded.sources.items():
        value = getattr(loaded.values, key)
        if key == "window_geometry" and value is not None:
            value = "(a saved window layout)"
        entry: dict[str, Any] = {"value": value, "source": source,
                                 "locked": loaded.is_locked(key)}
        if key == "idle_lock_minutes":
            entry["max"] = loaded.idle_lock_max
            entry["managed_ceiling"] = "idle_lock_minutes" in managed["keys"]
        values[key] = entry
    config_dir = loaded.config_dir
    user_file = config_dir / SETTINGS_FILE if config_dir else None
    return {
        "user_file": str(user_file) if user_file else None,
        "user_file_present": bool(user_file and user_file.exists()),
        "managed": managed,
        "values": values,
        "problems": [_clean(p, 500) for p in loaded.problems],
    }


def _keyring_section(token_store: TokenStore) -> dict[str, Any]:
    ignored = sorted(k for k in os.environ
                     if k == "PYTHON_KEYRING_BACKEND" or k.startswith("KEYRING_PROPERTY_"))
    return {"service": SERVICE, "backend": token_store.backend_name,
            "os_store": token_store.persistent, "notice": token_store.notice,
            "environment_ignored": ignored}


# --- the portal ------------------------------------------------------------------------


def _connect(host: str, port: int, proxy_url: str | None, timeout_s: float) -> socket.socket:
    if not proxy_url:
        return socket.create_connection((host, port), timeout=timeout_s)
    proxy = urlsplit(proxy_url)
    sock = socket.create_connection((proxy.hostname or "", proxy.port or 80), timeout=timeout_s)
    target = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    try:
        sock.sendall(f"CONNECT {target} HTTP/1.1\r\nHost: {target}\r\n\r\n".encode("ascii"))
        answer = b""
        while b"\r\n\r\n" not in answer and len(answer) < 16_384:
            chunk = sock.recv(4096)
            if not chunk:
                break
            answer += chunk
        status = answer.split(b"\r\n", 1)[0].split(b" ")
        if len(status) < 2 or status[1] != b"200":
            raise ConnectionError("the proxy refused to connect to the portal "
                                  f"({_clean(b' '.join(status[1:3]).decode('latin-1'), 60)})")
    except BaseException:
        sock.close()
        raise
    return sock


def _tls_probe(host: str, port: int, ctx: ssl.SSLContext, proxy_url: str | None,
               timeout_s: float) -> dict[str, Any]:
    with _connect(host, port, proxy_url, timeout_s) as raw, \
            ctx.wrap_socket(raw, server_hostname=host) as tls:
        cipher = tls.cipher()
        der = tls.getpeercert(binary_form=True)
        result: dict[str, Any] = {"tls_version": tls.version(),
                                  "cipher": cipher[0] if cipher else None}
    try:
        result["certificate"] = certificate_summary(der) if der else None
    except ValueError:
        result["certificate"] = None
    return result


def _network_reason(exc: OSError) -> str:
    if isinstance(exc, socket.gaierror):
        return "the portal's host name cannot be resolved (DNS)"
    if isinstance(exc, ConnectionRefusedError):
        return "the connection was refused (nothing listens at that address and port)"
    if isinstance(exc, TimeoutError):
        return "the connection timed out (a firewall, or the portal is down)"
    if isinstance(exc, ConnectionError) and str(exc).startswith("the proxy"):
        return str(exc)
    return f"the connection failed ({_clean(exc.strerror or type(exc).__name__, 80)})"


def _portal_base(url: str | None, loaded: LoadedSettings) -> dict[str, Any]:
    return {"url": url, "proxy_url": loaded.values.proxy_url, "skipped": None,
            "reachable": None, "tls_version": None, "cipher": None, "certificate": None,
            "policy_version": None,
            "last_seen_policy_version": loaded.values.last_seen_policy_version,
            "elapsed_ms": None, "error": None}


def _portal_section(loaded: LoadedSettings, timeout_s: float) -> tuple[dict[str, Any], list[Check]]:
    values = loaded.values
    url = values.portal_url
    section = _portal_base(url, loaded)
    if not url:
        return section, []
    parsed = parse_portal_url(url)  # config has already refused anything it would refuse
    host, port = parsed.hostname, parsed.port
    try:
        ctx = build_ssl_context(values.ca_bundle, values.use_system_trust_store)
    except PortalError as exc:
        section["error"] = exc.user_message
        return section, [Check("trust", "error", f"{exc.user_message} ({exc.detail})")]
    checks: list[Check] = []
    started = time.monotonic()
    proxy = values.proxy_url
    if proxy and proxy.startswith("https://"):
        checks.append(Check("certificate", "ok", "TLS details are not examined through an "
                            "https:// proxy; the connection check below still applies."))
    else:
        try:
            section.update(_tls_probe(host, port, ctx, proxy, timeout_s))
        except ssl.SSLError as exc:
            err = tls_error(exc)
            section.update(reachable=True, error=err.user_message)
            return section, [Check("tls", "error", f"{err.user_message} ({err.detail})")]
        except OSError as exc:
            section.update(reachable=False, error=_network_reason(exc))
            return section, [Check("portal", "error",
                                   f"The portal cannot be reached: {_network_reason(exc)}.")]
        cert = section["certificate"]
        if cert is not None:
            days = cert["days_left"]
            status = "ok" if days >= EXPIRY_WARNING_DAYS else "warning"
            checks.append(Check("certificate", status,
                                f"The portal's certificate ({cert['subject']}) is valid until "
                                f"{cert['not_after'][:10]}, {days} days from now."))
    client = PortalClient(url, ca_bundle=values.ca_bundle,
                          use_system_trust_store=values.use_system_trust_store,
                          proxy_url=proxy, connect_timeout_s=timeout_s,
                          read_timeout_s=timeout_s, deadline_s=2 * timeout_s, max_tries=1)
    try:
        policy = client.get_policy()
    except PortalError as exc:
        section.update(error=exc.user_message)
        reference = f", reference {exc.request_id}" if exc.request_id else ""
        return section, [*checks, Check("portal", "error",
                                        f"{exc.user_message} ({exc.detail}{reference})")]
    finally:
        client.close()
    section.update(reachable=True, elapsed_ms=round((time.monotonic() - started) * 1000),
                   policy_version=_clean(policy.version, 100))
    section["tls_version"] = section["tls_version"] or client.transport.tls_version
    checks.append(Check("portal", "ok", f"The portal answers over {section['tls_version']}."))
    seen = values.last_seen_policy_version
    note = ("the same version was last accepted on this PC" if seen == policy.version else
            "it will be shown for acceptance at the next start")
    checks.append(Check("policy", "ok",
                        f"The portal's privacy policy is version {section['policy_version']}; "
                        f"{note}."))
    return section, checks


# --- putting it together ---------------------------------------------------------------


def _settings_checks(loaded: LoadedSettings, managed: dict[str, Any],
                     trust: dict[str, Any]) -> list[Check]:
    checks: list[Check] = []
    broken = [p for p in (managed["file_problem"], managed["registry_problem"]) if p]
    for problem in broken:
        checks.append(Check("managed_policy", "error",
                            f"{problem} Strict settings apply until IT fixes it."))
    if not broken:
        where = ", ".join(managed["keys"]) or "no settings"
        checks.append(Check("managed_policy", "ok", f"IT policy sets: {where}."))
    for problem in loaded.problems:
        if not any(problem.startswith(p) for p in broken):
            checks.append(Check("settings", "warning", _clean(problem, 500)))
    if not loaded.values.portal_url:
        checks.append(Check("portal_url", "error",
                            "No portal address is set: IT sets 'portal_url' (or a user starts "
                            "the program with --portal-url)."))
    bundle = trust["ca_bundle"]
    if bundle is not None and bundle["error"]:
        checks.append(Check("ca_bundle", "error",
                            f"The CA bundle {bundle['path']} {bundle['error']}."))
    if not loaded.values.use_system_trust_store and not loaded.values.ca_bundle:
        checks.append(Check("trust", "error", "The system trust store is switched off and no "
                            "CA bundle is set, so no portal certificate can be trusted."))
    return checks


def _qt_version() -> str | None:
    try:
        from PySide6 import __version__ as version  # the package only: no Qt library loads
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        return None
    return str(version)


def collect(
    loaded: LoadedSettings,
    *,
    site_dir: Path | None = None,
    registry: RegistryReader | None = None,
    portal_timeout_s: float = 10.0,
    token_store_factory: Callable[[], TokenStore] | None = None,
) -> Report:
    """Everything `--diagnose` prints, as a JSON-ready dict (never raises for bad input)."""
    if registry is None and sys.platform == "win32":
        registry = WindowsRegistryReader()
    managed = _managed_state(site_dir or default_site_dir(), registry)
    store = (token_store_factory or (lambda: open_token_store(timeout_s=5.0)))()
    values = loaded.values
    trust = {"use_system_trust_store": values.use_system_trust_store,
             "system_store": system_trust_store() if values.use_system_trust_store else None,
             "ca_bundle": ca_bundle_info(values.ca_bundle) if values.ca_bundle else None}
    checks = _settings_checks(loaded, managed, trust)
    keyring = _keyring_section(store)
    checks.append(Check("keyring", "ok" if store.persistent else "warning",
                        f"Session tokens are kept in {store.backend_name}." if store.persistent
                        else store.notice or "Session tokens are kept in memory only."))
    if any(c.status == "error" and c.name in ("ca_bundle", "trust") for c in checks):
        portal = _portal_base(values.portal_url, loaded)
        portal["skipped"] = "the trust settings above must be fixed first"
    else:
        portal, portal_checks = _portal_section(loaded, portal_timeout_s)
        checks.extend(portal_checks)
    return {
        "schema": 1,
        "app": {"name": "claims-desktop", "version": __version__,
                "python": platform.python_version(), "qt_for_python": _qt_version(),
                "platform": platform.platform(), "frozen": bool(getattr(sys, "frozen", False)),
                "executable": sys.executable},
        "settings": _settings_section(loaded, managed),
        "keyring": keyring,
        "trust": trust,
        "portal": portal,
        "checks": [asdict(c) for c in checks],
        "ok": not any(c.status == "error" for c in checks),
    }


def exit_code(report: Report) -> int:
    return EXIT_OK if report["ok"] else EXIT_PROBLEM


# --- output ----------------------------------------------------------------------------


def _show(value: object) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return _clean(value, 90)


def render_text(report: Report) -> str:
    """The report for a person: settings table, store, trust, portal, then the verdicts."""
    app, settings = report["app"], report["settings"]
    managed, trust, portal = settings["managed"], report["trust"], report["portal"]
    lines = [f"Claims Desktop {app['version']} diagnostics (Python {app['python']}, "
             f"Qt for Python {app['qt_for_python']}, {app['platform']})", "",
             "Settings (built-in default < user settings.json < IT policy)"]
    present = "present" if settings["user_file_present"] else "not present"
    lines.append(f"  user settings file   {_show(settings['user_file'])} ({present})")
    state = ("broken" if managed["file_problem"] else "present") if managed["file_present"] \
        else "not present"
    lines.append(f"  IT policy file       {managed['file']} ({state})")
    if managed["registry_key"]:
        state = "unreadable" if managed["registry_problem"] else "read"
        lines.append(f"  IT policy registry   {managed['registry_key']} ({state})")
    for key, entry in settings["values"].items():
        where = entry["source"] + (", locked" if entry["locked"] else "")
        if key == "idle_lock_minutes" and entry["managed_ceiling"]:
            where += f", IT ceiling {entry['max']} (a user may only shorten it)"
        lines.append(f"  {key:<26} {_show(entry['value']):<44} {where}")
    keyring = report["keyring"]
    kind = "an OS credential store" if keyring["os_store"] else "NOT an OS store"
    lines += ["", f"Credential store      {keyring['backend']} ({kind})"]
    if keyring["environment_ignored"]:
        lines.append("                      ignored on purpose: "
                     + ", ".join(keyring["environment_ignored"]))
    system = trust["system_store"] or "system trust store switched off"
    lines.append(f"Trust                 {system}")
    bundle = trust["ca_bundle"]
    if bundle is not None:
        lines.append(f"  CA bundle           {bundle['path']}: {bundle['count']} certificate(s)"
                     + (f" - {bundle['error']}" if bundle["error"] else ""))
        for cert in bundle["certificates"]:
            if "error" in cert:
                lines.append(f"    {cert['error']}")
            else:
                lines.append(f"    {cert['subject']}  valid until {cert['not_after'][:10]} "
                             f"({cert['days_left']} days)")
    lines.append(f"Portal                {_show(portal['url'])}")
    if portal.get("skipped"):
        lines.append(f"  not checked: {portal['skipped']}")
    if portal["tls_version"]:
        lines.append(f"  TLS                 {portal['tls_version']} ({_show(portal['cipher'])})")
    cert = portal["certificate"]
    if cert:
        lines.append(f"  certificate         {cert['subject']}, issued by {cert['issuer']}, "
                     f"valid until {cert['not_after'][:10]} ({cert['days_left']} days)")
    if portal["policy_version"]:
        lines.append(f"  privacy policy      version {portal['policy_version']} (last accepted "
                     f"here: {_show(portal['last_seen_policy_version'])}), answered in "
                     f"{portal['elapsed_ms']} ms")
    lines += ["", "Checks"]
    for check in report["checks"]:
        lines.append(f"  {check['status']:<8} {check['name']}: {check['message']}")
    errors = sum(1 for c in report["checks"] if c["status"] == "error")
    lines += ["", "Result: nothing stops a clerk from working (exit code 0)." if not errors else
              f"Result: {errors} problem(s) would stop a clerk from working (exit code 1)."]
    return "\n".join(lines) + "\n"


def run_diagnose(
    config_dir: Path | None = None,
    overrides: Mapping[str, object] | None = None,
    *,
    as_json: bool = False,
    out: TextIO | None = None,
    site_dir: Path | None = None,
    registry: RegistryReader | None = None,
) -> int:
    """Load the settings as the app does (command-line values as a user's), report, exit code.

    `site_dir` and `registry` are for tests only: the command line offers no way
    to point the program at another IT policy.
    """
    loaded = load_settings(config_dir=config_dir, site_dir=site_dir, registry=registry)
    if overrides:
        loaded = loaded.with_overrides(overrides)
    report = collect(loaded, site_dir=site_dir, registry=registry)
    stream = out or sys.stdout
    if stream is None:  # the windowed Windows exe has no console: use claims-desktop-console
        return exit_code(report)
    if as_json:
        stream.write(json.dumps(report, indent=2, sort_keys=False) + "\n")
    else:
        stream.write(render_text(report))
    stream.flush()
    return exit_code(report)
