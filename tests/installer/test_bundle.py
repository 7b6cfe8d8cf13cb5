"""The PyInstaller bundle (`make bundle`): starts offscreen, diagnoses, ships only what a clerk needs.

Runs against dist/claims-desktop (or $CLAIMS_BUNDLE_DIR); without a bundle it is
skipped on a developer's machine and fails under CI.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
from pathlib import Path

import pytest

from desktop import __version__
from tests.conftest import Sandbox
from tests.installer.helpers import bundle_dir, missing

pytestmark = pytest.mark.e2e


def no_display_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(extra)
    return env


def run_bundle(*args: str, env: dict[str, str] | None = None,
               timeout: float = 120) -> subprocess.CompletedProcess[str]:
    exe = bundle_dir() / "claims-desktop"
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=timeout,
                          env=env or no_display_env(), stdin=subprocess.DEVNULL)


def test_version_needs_no_display() -> None:
    done = run_bundle("--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"claims-desktop {__version__}"


def test_diagnose_json_from_the_bundle(sandbox: Sandbox, tmp_path: Path) -> None:
    done = run_bundle("--diagnose", "--json", "--portal-url", sandbox.url,
                      "--ca-bundle", sandbox.ca_bundle, "--config-dir", str(tmp_path / "cfg"))
    assert done.returncode == 0, done.stdout + done.stderr
    doc = json.loads(done.stdout)
    assert doc["app"]["frozen"] is True and doc["app"]["version"] == __version__
    assert doc["portal"]["reachable"] is True
    assert doc["portal"]["tls_version"] in ("TLSv1.2", "TLSv1.3")
    assert doc["settings"]["values"]["ca_bundle"]["source"] == "user"
    if os.environ.get("CLAIMS_REQUIRE_KEYRING") == "1":
        # The bundled secretstorage/jeepney reach the real Secret Service.
        assert doc["keyring"]["backend"] == "Secret Service"
        assert doc["keyring"]["os_store"] is True


def test_starts_offscreen_and_reaches_the_portal(sandbox: Sandbox, tmp_path: Path) -> None:
    done = run_bundle("--exit-after-start", "--portal-url", sandbox.url,
                      "--ca-bundle", sandbox.ca_bundle, "--config-dir", str(tmp_path / "cfg"),
                      env=no_display_env(QT_QPA_PLATFORM="offscreen"))
    assert done.returncode == 0, done.stderr
    assert "the portal answered" in done.stderr
    assert "Traceback" not in done.stderr


def test_exit_after_start_reports_an_unreachable_portal(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    done = run_bundle("--exit-after-start", "--portal-url", f"https://127.0.0.1:{port}/api/v1",
                      "--config-dir", str(tmp_path / "cfg"),
                      env=no_display_env(QT_QPA_PLATFORM="offscreen"))
    assert done.returncode == 3, done.stderr


def test_no_portal_address_exits_2_without_a_dialog(tmp_path: Path) -> None:
    done = run_bundle("--exit-after-start", "--config-dir", str(tmp_path / "cfg"),
                      env=no_display_env(QT_QPA_PLATFORM="offscreen"), timeout=60)
    assert done.returncode == 2
    assert "No portal address is set" in done.stderr


def test_only_what_a_clerk_needs_is_shipped() -> None:
    folder = bundle_dir()
    files = {p.name for p in folder.rglob("*")}
    for unwanted in ("libQt6Network.so.6", "libQt6Qml.so.6", "libQt6Quick.so.6",
                     "libQt6WaylandClient.so.6", "libqwayland.so", "libqgtk3.so",
                     "libgtk-3.so.0", "libssl.so.3", "libstdc++.so.6"):
        assert unwanted not in files, unwanted
    shipped_qm = {p.name for p in folder.rglob("*.qm")}
    assert {"claims_desktop_en.qm", "claims_desktop_es.qm"} <= shipped_qm, shipped_qm
    assert not {n for n in shipped_qm if not n.startswith("claims_desktop_")}, \
        "only our own catalogues ship, not Qt's"
    for needed in ("libqxcb.so", "libqoffscreen.so", "libQt6Widgets.so.6"):
        assert needed in files, needed
    try:
        from PyInstaller.archive.readers import CArchiveReader
    except ImportError:
        missing("PyInstaller is not installed: pip install -e '.[bundle]'")
    archive = CArchiveReader(str(folder / "claims-desktop"))
    modules = set(archive.open_embedded_archive("PYZ.pyz").toc)
    for unwanted in ("sandbox", "fastapi", "uvicorn", "keyrings", "pytest", "PySide6.QtNetwork"):
        assert not any(m == unwanted or m.startswith(unwanted + ".") for m in modules), unwanted
    for needed in ("desktop.app", "desktop.diagnose", "keyring.backends.SecretService",
                   "secretstorage", "truststore"):
        assert needed in modules, needed


def test_the_launcher_is_a_position_independent_executable() -> None:
    """ASLR can move the bundle's launcher (PyInstaller's bootloader rebuilt as PIE by
    installer/linux/pie-bootloader.sh; lintian: hardening-no-pie)."""
    launcher = bundle_dir() / "claims-desktop"
    out = subprocess.run(["readelf", "-h", "-d", str(launcher)], capture_output=True,
                         text=True, check=True).stdout
    assert "DYN (Position-Independent Executable file)" in out, out[:400]
    assert re.search(r"\(FLAGS_1\)\s+Flags:.*\bNOW\b.*\bPIE\b", out), out[-600:]
