"""This PC's side of the report: which settings apply and why, the IT policy, the keyring.

Everything here is judged exactly as the program judges it at start-up (the same
`config` functions), so the report cannot call a policy file fine that the
program would refuse. Nothing personal is read: the credential store is looked
up, never one of its entries.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from desktop.config import (
    POLICIES_FILE,
    SETTINGS_FILE,
    LoadedSettings,
    RegistryReader,
    read_json_object,
)
from desktop.diagnose.model import Check, clean
from desktop.tokenstore import SERVICE, TokenStore

REGISTRY_KEY = r"HKLM\SOFTWARE\Policies\ClaimsDesktop"


def managed_state(site_dir: Path, registry: RegistryReader | None) -> dict[str, Any]:
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


def settings_section(loaded: LoadedSettings, managed: dict[str, Any]) -> dict[str, Any]:
    """Every setting with its value, where it came from and whether IT locked it."""
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
        "problems": [clean(p, 500) for p in loaded.problems],
    }


def keyring_section(token_store: TokenStore) -> dict[str, Any]:
    """The store in use, and the variables that would have picked another one if obeyed."""
    ignored = sorted(k for k in os.environ
                     if k == "PYTHON_KEYRING_BACKEND" or k.startswith("KEYRING_PROPERTY_"))
    return {"service": SERVICE, "backend": token_store.backend_name,
            "os_store": token_store.persistent, "notice": token_store.notice,
            "environment_ignored": ignored}


def settings_checks(loaded: LoadedSettings, managed: dict[str, Any],
                    trust: dict[str, Any]) -> list[Check]:
    """The verdicts on settings and trust, before the portal is asked anything."""
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
            checks.append(Check("settings", "warning", clean(problem, 500)))
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
