"""Putting the report together (`collect`) and writing it for a person (`render_text`).

The JSON form is the dict `collect` returns, printed as is: IT scripts read it,
so its shape (schema 1) changes only with a new schema number.
"""

from __future__ import annotations

import platform
import sys
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.config import LoadedSettings, RegistryReader, WindowsRegistryReader, default_site_dir
from desktop.diagnose.certificates import ca_bundle_info, system_trust_store
from desktop.diagnose.local import keyring_section, managed_state, settings_checks, settings_section
from desktop.diagnose.model import EXIT_OK, EXIT_PROBLEM, Check, Report, clean
from desktop.diagnose.probe import portal_base, portal_section
from desktop.tokenstore import TokenStore, open_token_store


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
    managed = managed_state(site_dir or default_site_dir(), registry)
    store = (token_store_factory or (lambda: open_token_store(timeout_s=5.0)))()
    values = loaded.values
    trust = {"use_system_trust_store": values.use_system_trust_store,
             "system_store": system_trust_store() if values.use_system_trust_store else None,
             "ca_bundle": ca_bundle_info(values.ca_bundle) if values.ca_bundle else None}
    checks = settings_checks(loaded, managed, trust)
    keyring = keyring_section(store)
    checks.append(Check("keyring", "ok" if store.persistent else "warning",
                        f"Session tokens are kept in {store.backend_name}." if store.persistent
                        else store.notice or "Session tokens are kept in memory only."))
    if any(c.status == "error" and c.name in ("ca_bundle", "trust") for c in checks):
        portal = portal_base(values.portal_url, loaded)
        portal["skipped"] = "the trust settings above must be fixed first"
    else:
        portal, portal_checks = portal_section(loaded, portal_timeout_s)
        checks.extend(portal_checks)
    return {
        "schema": 1,
        "app": {"name": "claims-desktop", "version": __version__,
                "python": platform.python_version(), "qt_for_python": _qt_version(),
                "platform": platform.platform(), "frozen": bool(getattr(sys, "frozen", False)),
                "executable": sys.executable},
        "settings": settings_section(loaded, managed),
        "keyring": keyring,
        "trust": trust,
        "portal": portal,
        "checks": [asdict(c) for c in checks],
        "ok": not any(c.status == "error" for c in checks),
    }


def exit_code(report: Report) -> int:
    """0 when nothing would stop a clerk, 1 when something would (warnings do not count)."""
    return EXIT_OK if report["ok"] else EXIT_PROBLEM


def _show(value: object) -> str:
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return clean(value, 90)


def _settings_lines(settings: dict[str, Any]) -> list[str]:
    managed = settings["managed"]
    lines = ["Settings (built-in default < user settings.json < IT policy)"]
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
    return lines


def _store_and_trust_lines(keyring: dict[str, Any], trust: dict[str, Any]) -> list[str]:
    kind = "an OS credential store" if keyring["os_store"] else "NOT an OS store"
    lines = [f"Credential store      {keyring['backend']} ({kind})"]
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
    return lines


def _portal_lines(portal: dict[str, Any]) -> list[str]:
    lines = [f"Portal                {_show(portal['url'])}"]
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
    return lines


def render_text(report: Report) -> str:
    """The report for a person: settings table, store, trust, portal, then the verdicts."""
    app = report["app"]
    lines = [f"Claims Desktop {app['version']} diagnostics (Python {app['python']}, "
             f"Qt for Python {app['qt_for_python']}, {app['platform']})", "",
             *_settings_lines(report["settings"]), "",
             *_store_and_trust_lines(report["keyring"], report["trust"]),
             *_portal_lines(report["portal"]), "", "Checks"]
    for check in report["checks"]:
        lines.append(f"  {check['status']:<8} {check['name']}: {check['message']}")
    errors = sum(1 for c in report["checks"] if c["status"] == "error")
    lines += ["", "Result: nothing stops a clerk from working (exit code 0)." if not errors else
              f"Result: {errors} problem(s) would stop a clerk from working (exit code 1)."]
    return "\n".join(lines) + "\n"
