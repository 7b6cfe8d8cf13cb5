"""Issue 18: the sign-in screen comes up without the HTTP/TLS stack, keyring, stdnum or
the models of the screens after sign-in.

They load after the first frame (the policy fetch builds the portal client on a worker
thread). A fresh interpreter runs `launch()` up to the point where the event loop would
paint the first frame and lists which of those modules are loaded by then.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("requests", "urllib3", "ssl", "truststore", "keyring", "stdnum",
         "desktop.portal.client", "desktop.portal.transport",
         "desktop.ui.shell.policy_dialog", "desktop.demo",
         # Models of the screens after sign-in (dataclasses cost ~1 ms each to build).
         "desktop.portal.payments", "desktop.portal.worklist", "desktop.portal.playbook",
         # Only a frozen bundle's main() needs it (freeze_support); ~10 ms with socket.
         "multiprocessing",
         # The two-step set-up dialog IT's require_mfa opens after sign-in.
         "desktop.ui.account.two_step_dialog", "desktop.portal.security",
         "PySide6.QtPrintSupport")

PROBE = """
import json, sys, tempfile
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
from desktop.app import launch
window = launch(["--portal-url", "https://127.0.0.1:9/api/v1",
                 "--config-dir", tempfile.mkdtemp()])
{after}
import linecache
print(json.dumps({"visible": window.isVisible(),
                  "loaded": [m for m in json.loads(sys.argv[1]) if m in sys.modules],
                  "sources_read": sorted(f for f in linecache.cache if "desktop" in f)}))
"""


def probe(after: str = "") -> dict[str, object]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-c", PROBE.replace("{after}", after), json.dumps(HEAVY)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120, check=True)
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_the_window_is_shown_before_any_heavy_module_loads() -> None:
    result = probe()
    assert result["visible"] is True
    assert result["loaded"] == []


def test_the_probe_would_see_them_once_the_first_call_went_out() -> None:
    """The check can fail: after the first call the HTTP stack is there."""
    result = probe(after="window.session.client.real()")
    assert "requests" in result["loaded"] and "desktop.portal.client" in result["loaded"]


def test_pyside6s_import_hook_reads_none_of_our_sources() -> None:
    """PySide6 reads each new module's source to look for "PySide6" (its __feature__
    hook); `desktop.ui.pyside_boot` enters our modules beforehand, so nothing of ours is
    read (it would sit in `linecache`)."""
    result = probe()
    assert result["sources_read"] == []


def test_the_hook_would_read_them_without_the_boot_module() -> None:
    """The check can fail: with the table entries removed, importing reads the sources."""
    result = probe(after="""
import shibokensupport.feature as f
for name in [n for n in f.pyside_feature_dict if n.startswith("desktop.ui.claims")]:
    del f.pyside_feature_dict[name]
import desktop.ui.claims.model""")
    assert any("/desktop/ui/claims/" in path for path in result["sources_read"])
