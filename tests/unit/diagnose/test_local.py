"""Settings, IT policy and keyring in the report: where each value came from, nothing secret."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop import diagnose
from desktop.config import load_settings
from desktop.tokenstore import MemoryTokenStore
from tests.unit.diagnose.helpers import (
    SENTINEL_TOKEN,
    FakeRegistry,
    SpyStore,
    checks,
    closed_port,
    report_for,
    write_json,
)


def test_sources_and_locks_from_each_layer(dirs: tuple[Path, Path]) -> None:
    user, site = dirs
    port = closed_port()
    write_json(user, "settings.json", {"portal_url": "https://user.example.test/api/v1",
                                       "allow_print": False, "idle_lock_minutes": 3})
    write_json(site, "policies.json", {"_comment": "test", "allow_export": False,
                                       "portal_url": f"https://127.0.0.1:{port}/api/v1",
                                       "idle_lock_minutes": 5})
    report = report_for(dirs)
    values = report["settings"]["values"]
    assert values["portal_url"] == {"value": f"https://127.0.0.1:{port}/api/v1",
                                    "source": "managed", "locked": True}
    assert values["allow_export"] == {"value": False, "source": "managed", "locked": True}
    assert values["allow_print"] == {"value": False, "source": "user", "locked": False}
    assert values["use_system_trust_store"]["source"] == "default"
    idle = values["idle_lock_minutes"]
    assert (idle["value"], idle["source"], idle["locked"], idle["max"]) == (3, "user", False, 5)
    assert idle["managed_ceiling"] is True
    managed = report["settings"]["managed"]
    assert managed["file_present"] and not managed["broken"]
    assert managed["keys"] == ["allow_export", "idle_lock_minutes", "portal_url"]
    assert "IT policy sets: allow_export, idle_lock_minutes, portal_url." in \
        checks(report, "ok")["managed_policy"]
    text = diagnose.render_text(report)
    assert "managed, locked" in text
    assert "IT ceiling 5 (a user may only shorten it)" in text



def test_a_locked_key_ignores_the_command_line(dirs: tuple[Path, Path]) -> None:
    write_json(dirs[1], "policies.json", {"portal_url": f"https://127.0.0.1:{closed_port()}/a"})
    report = report_for(dirs, overrides={"portal_url": "https://elsewhere.example.test/api"})
    assert report["settings"]["values"]["portal_url"]["source"] == "managed"
    assert any("override is ignored" in p for p in report["settings"]["problems"])
    assert "override is ignored" in " ".join(checks(report, "warning")["settings"])



@pytest.mark.parametrize("content", ['{"portal_url": "https://x.example.test/api",', "[1, 2]",
                                     "\udcff"])
def test_a_broken_policy_file_is_an_error_with_strict_values(
        dirs: tuple[Path, Path], content: str) -> None:
    user, site = dirs
    if content == "\udcff":
        (site / "policies.json").write_bytes(b"\xff\xfe{not utf-8")
    else:
        write_json(site, "policies.json", content)
    write_json(user, "settings.json", {"portal_url": "https://user.example.test/api/v1",
                                       "idle_lock_minutes": 10})
    report = report_for(dirs)
    assert report["ok"] is False and diagnose.exit_code(report) == 1
    assert report["settings"]["managed"]["broken"] is True
    errors = checks(report, "error")
    assert "Strict settings apply" in errors["managed_policy"][0]
    assert "portal_url" in errors  # strictest: no portal at all
    values = report["settings"]["values"]
    # Never looser than IT asked for: everything managed and locked at its strictest.
    assert values["portal_url"] == {"value": None, "source": "managed", "locked": True}
    assert values["allow_export"]["value"] is False and values["allow_print"]["value"] is False
    assert values["idle_lock_minutes"]["value"] == 2
    assert values["use_system_trust_store"]["value"] is False
    # The broken-file sentence is reported once, as the error, not again as a warning.
    assert not any("Strict settings apply" in m
                   for m in checks(report, "warning").get("settings", []))



def test_invalid_managed_values_are_warnings_and_never_loosen(dirs: tuple[Path, Path]) -> None:
    port = closed_port()
    write_json(dirs[1], "policies.json", {"portal_url": f"https://127.0.0.1:{port}/api/v1",
                                          "allow_export": "yes", "idle_lock_minutes": 99})
    report = report_for(dirs)
    values = report["settings"]["values"]
    assert values["allow_export"] == {"value": False, "source": "managed", "locked": True}
    assert values["idle_lock_minutes"]["value"] == 2
    warnings = " ".join(checks(report, "warning")["settings"])
    assert "allow_export must be true or false" in warnings
    assert "idle_lock_minutes must be a whole number from 2 to 30" in warnings
    errors = checks(report, "error")
    assert set(errors) == {"portal"}  # only the (closed) portal stops a clerk here
    assert "refused" in errors["portal"][0]



def test_a_broken_registry_policy_is_an_error(dirs: tuple[Path, Path]) -> None:
    report = report_for(dirs, registry=FakeRegistry(error=True))
    assert report["settings"]["managed"]["registry_key"] == r"HKLM\SOFTWARE\Policies\ClaimsDesktop"
    assert any("registry cannot be read (PermissionError)" in m
               for m in checks(report, "error")["managed_policy"])
    assert report["settings"]["values"]["allow_print"]["value"] is False



def test_registry_values_show_as_managed(dirs: tuple[Path, Path]) -> None:
    registry = FakeRegistry({"allow_print": 0, "idle_lock_minutes": 7})
    report = report_for(dirs, registry=registry)
    values = report["settings"]["values"]
    assert values["allow_print"] == {"value": False, "source": "managed", "locked": True}
    assert values["idle_lock_minutes"]["max"] == 7
    assert report["settings"]["managed"]["keys"] == ["allow_print", "idle_lock_minutes"]
    assert "IT policy registry" in diagnose.render_text(report)



def test_no_portal_address_stops_a_clerk(dirs: tuple[Path, Path]) -> None:
    report = report_for(dirs)
    assert diagnose.exit_code(report) == diagnose.EXIT_PROBLEM
    assert "No portal address is set" in checks(report, "error")["portal_url"][0]
    assert report["portal"]["reachable"] is None
    assert "1 problem(s) would stop a clerk" in diagnose.render_text(report)



def test_no_trust_at_all_is_an_error(dirs: tuple[Path, Path]) -> None:
    write_json(dirs[0], "settings.json", {"portal_url": "https://portal.example.test/api"})
    write_json(dirs[1], "policies.json", {"use_system_trust_store": False})
    report = report_for(dirs)
    assert "no portal certificate can be trusted" in checks(report, "error")["trust"][0]
    assert report["portal"]["skipped"]
    assert report["trust"]["system_store"] is None



def test_no_token_is_read_and_no_secret_is_printed(dirs: tuple[Path, Path],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    store = SpyStore()
    report = report_for(dirs, store=store)
    assert store.loads == 0
    dumped = json.dumps(report) + diagnose.render_text(report)
    assert SENTINEL_TOKEN not in dumped
    assert report["keyring"]["environment_ignored"] == ["PYTHON_KEYRING_BACKEND"]
    assert "keyrings.alt" not in dumped  # the variable's name is shown, not its value
    assert report["keyring"] == {**report["keyring"], "backend": "Secret Service",
                                 "os_store": True}



def test_memory_only_store_is_a_warning(dirs: tuple[Path, Path]) -> None:
    loaded = load_settings(config_dir=dirs[0], site_dir=dirs[1])
    report = diagnose.collect(loaded, site_dir=dirs[1], token_store_factory=lambda:
                              MemoryTokenStore(notice="No secure store here."))
    assert checks(report, "warning")["keyring"] == ["No secure store here."]
    assert report["keyring"]["os_store"] is False
    assert "memory only (NOT an OS store)" in diagnose.render_text(report)
