"""`--demo` starts the reference portal as its own process, shows the demo users, stops it."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QPushButton

from desktop.app import launch
from desktop.demo import DemoPortal


def test_demo_mode_starts_and_stops_the_portal(tmp_path, qtbot, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    w = launch(["--demo", "--config-dir", str(tmp_path / "config")])
    qtbot.addWidget(w)
    portal = w.demo_portal
    assert isinstance(portal, DemoPortal)
    assert portal.process.poll() is None
    assert str(tmp_path / "data") in portal.ca_bundle  # under the user data dir
    qtbot.waitUntil(lambda: w.gate.dialog is not None, timeout=30_000)
    w.gate.dialog.reject()
    qtbot.waitUntil(lambda: w.state == "signed_out", timeout=10_000)
    box = w.findChild(QGroupBox, "demoUsers")
    assert box is not None
    names = [u.username for u in portal.demo_users]
    assert len(names) >= 2
    for name in names:
        assert w.findChild(QPushButton, f"demoUse_{name}") is not None
    with qtbot.waitSignal(w.closed, timeout=10_000):
        w.close()
    assert portal.process.poll() is not None
