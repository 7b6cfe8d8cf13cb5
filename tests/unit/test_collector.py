"""desktop.collector: the collector is off while the application starts, and only then."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop import collector

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def restored() -> Iterator[None]:
    was = gc.isenabled()
    yield
    collector.resume()
    if was:
        gc.enable()


def test_pause_then_resume_switches_it_off_and_on(restored: None) -> None:
    gc.enable()
    collector.pause()
    assert not gc.isenabled() and collector.paused()
    collector.resume()
    assert gc.isenabled() and not collector.paused()


def test_resume_leaves_a_collector_someone_else_switched_off(restored: None) -> None:
    gc.disable()
    collector.pause()  # nothing to pause
    collector.resume()
    assert not gc.isenabled()


PROBE = """
import gc, json, sys, tempfile
from desktop import collector
if sys.argv[1] == "paused":
    collector.pause()
from PySide6.QtWidgets import QApplication
from desktop.app import launch
app = QApplication(sys.argv[:1])
before = gc.isenabled()
window = launch(["--portal-url", "https://127.0.0.1:9/api/v1", "--config-dir", tempfile.mkdtemp()])
shown = gc.isenabled()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication as A
QTimer.singleShot(1500, A.quit)
app.exec()
print(json.dumps({"imported": before, "launched": shown, "after_first_frame": gc.isenabled()}))
import os; os._exit(0)
"""


def probe(mode: str) -> dict[str, bool]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    done = subprocess.run([sys.executable, "-c", PROBE, mode], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=True)
    result: dict[str, bool] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_the_entry_points_pause_lasts_until_the_first_frame() -> None:
    assert probe("paused") == {"imported": False, "launched": False, "after_first_frame": True}


def test_importing_and_launching_without_the_entry_point_leaves_it_on() -> None:
    assert probe("plain") == {"imported": True, "launched": True, "after_first_frame": True}


def test_the_command_goes_through_the_pausing_entry_point() -> None:
    text = (ROOT / "pyproject.toml").read_text()
    assert 'claims-desktop = "desktop.__main__:run"' in text
    assert "from desktop.__main__ import run" in (ROOT / "installer" / "entry.py").read_text()
