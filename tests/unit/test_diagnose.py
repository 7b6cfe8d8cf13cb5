"""`--diagnose` in-process: where settings came from, broken IT policies, trust, no secrets.

These tests need no portal: they use a site folder of their own (load_settings'
test-only `site_dir`) and, where a portal address is needed, a closed loopback
port. The portal probe itself is covered by tests/e2e/test_diagnose_e2e.py.
"""

from __future__ import annotations

import io
import json
import socket
import ssl
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
import trustme
from cryptography import x509

from desktop import app, diagnose
from desktop.config import load_settings
from desktop.tokenstore import MemoryTokenStore

SENTINEL_TOKEN = "tok-SENTINEL-4f1c9e"


class FakeRegistry:
    def __init__(self, values: dict[str, object] | None = None, error: bool = False) -> None:
        self.values = values or {}
        self.error = error

    def read(self) -> dict[str, object]:
        if self.error:
            raise PermissionError("access denied")
        return dict(self.values)


class SpyStore(MemoryTokenStore):
    """A store holding a token that diagnostics must never read."""

    def __init__(self) -> None:
        super().__init__(notice=None)
        self.save("https://portal.example.test", SENTINEL_TOKEN)
        self.loads = 0

    @property
    def persistent(self) -> bool:
        return True

    @property
    def backend_name(self) -> str:
        return "Secret Service"

    def load(self, origin: str) -> str | None:
        self.loads += 1
        return super().load(origin)


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    user, site = tmp_path / "user", tmp_path / "site"
    user.mkdir()
    site.mkdir()
    return user, site


def report_for(dirs: tuple[Path, Path], *, registry: FakeRegistry | None = None,
               overrides: dict[str, object] | None = None, store: SpyStore | None = None
               ) -> dict:
    loaded = load_settings(config_dir=dirs[0], site_dir=dirs[1], registry=registry)
    if overrides:
        loaded = loaded.with_overrides(overrides)
    spy = store or SpyStore()
    return diagnose.collect(loaded, site_dir=dirs[1], registry=registry, portal_timeout_s=2.0,
                            token_store_factory=lambda: spy)


def checks(report: dict, status: str | None = None) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for c in report["checks"]:
        if status is None or c["status"] == status:
            found.setdefault(c["name"], []).append(c["message"])
    return found


def write_json(folder: Path, name: str, data: object) -> None:
    text = data if isinstance(data, str) else json.dumps(data)
    (folder / name).write_text(text, encoding="utf-8")


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


def test_a_missing_ca_bundle_is_an_error(dirs: tuple[Path, Path], tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "ca.pem"
    write_json(dirs[1], "policies.json", {"portal_url": "https://portal.example.test/api",
                                          "ca_bundle": str(missing)})
    report = report_for(dirs)
    assert "does not exist" in checks(report, "error")["ca_bundle"][0]
    assert report["trust"]["ca_bundle"]["exists"] is False
    assert report["portal"]["skipped"]


def test_ca_bundle_certificates_are_listed(dirs: tuple[Path, Path], tmp_path: Path) -> None:
    ca = trustme.CA(organization_name="Fictional Inspection Proxy CA")
    other = trustme.CA(organization_name="Second Fictional CA")
    bundle = tmp_path / "bundle.pem"
    bundle.write_bytes(ca.cert_pem.bytes() + b"\n" + other.cert_pem.bytes())
    write_json(dirs[0], "settings.json", {"ca_bundle": str(bundle)})
    info = report_for(dirs)["trust"]["ca_bundle"]
    assert info["count"] == 2 and info["error"] is None
    subjects = [c["subject"] for c in info["certificates"]]
    assert any("O=Fictional Inspection Proxy CA" in s for s in subjects)
    assert all(c["days_left"] > 300 for c in info["certificates"])


def test_a_file_without_certificates_is_reported(dirs: tuple[Path, Path],
                                                 tmp_path: Path) -> None:
    bundle = tmp_path / "empty.pem"
    bundle.write_text("not a certificate\n", encoding="utf-8")
    assert diagnose.ca_bundle_info(str(bundle))["error"] == "contains no PEM certificate"


def test_certificate_summary_matches_an_x509_library() -> None:
    ca = trustme.CA(organization_name="Fictional Test CA")
    leaf = ca.issue_cert("portal.example.test", organization_name="Fictional Payer")
    pem = leaf.cert_chain_pems[0].bytes().decode("ascii")
    der = ssl.PEM_cert_to_DER_cert(pem)
    parsed = x509.load_der_x509_certificate(der)
    now = datetime(2030, 1, 1, tzinfo=UTC)
    summary = diagnose.certificate_summary(der, now=now)
    assert summary["not_after"] == parsed.not_valid_after_utc.isoformat()
    assert summary["not_before"] == parsed.not_valid_before_utc.isoformat()
    assert summary["days_left"] == (parsed.not_valid_after_utc - now).days
    assert "O=Fictional Payer" in summary["subject"]
    assert "O=Fictional Test CA" in summary["issuer"]
    with pytest.raises(ValueError):
        diagnose.certificate_summary(der[:40])
    with pytest.raises(ValueError):
        diagnose.certificate_summary(b"\x30\x03\x02\x01\x01")


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


def test_text_output_has_no_control_characters(dirs: tuple[Path, Path]) -> None:
    write_json(dirs[0], "settings.json", {"ca_bundle": "/tmp/\x1b[31mred\x07.pem"})
    text = diagnose.render_text(report_for(dirs))
    assert "\x1b" not in text and "\x07" not in text
    assert "?[31mred?.pem" in text


def test_run_diagnose_prints_json_and_returns_the_exit_code(dirs: tuple[Path, Path]) -> None:
    write_json(dirs[1], "policies.json", {"allow_export": False})
    out = io.StringIO()
    code = diagnose.run_diagnose(config_dir=dirs[0], as_json=True, out=out, site_dir=dirs[1])
    doc = json.loads(out.getvalue())
    assert code == 1 and doc["ok"] is False  # no portal address
    assert doc["schema"] == 1 and doc["app"]["name"] == "claims-desktop"
    assert doc["settings"]["values"]["allow_export"]["source"] == "managed"


def test_command_line_flags(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        app.main(["--json"])
    assert exc.value.code == 2
    assert "--json goes with --diagnose" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exc:
        app.main(["--diagnose", "--demo"])
    assert exc.value.code == 2
    with pytest.raises(SystemExit) as exc:
        app.main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.strip() == f"claims-desktop {diagnose.__version__}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="OpenSSL's variables: Linux")
def test_openssl_trust_variables_are_named(monkeypatch: pytest.MonkeyPatch,
                                           tmp_path: Path) -> None:
    bundle = tmp_path / "ca.pem"
    trustme.CA().cert_pem.write_to_path(str(bundle))
    monkeypatch.setenv("SSL_CERT_FILE", str(bundle))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)
    assert diagnose.system_trust_store() == f"OpenSSL system store {bundle} (set by SSL_CERT_FILE)"
    monkeypatch.delenv("SSL_CERT_FILE")
    assert "set by" not in diagnose.system_trust_store()
