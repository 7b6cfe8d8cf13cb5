"""`desktop.portal` must never import Qt: it runs in tools, tests and worker threads."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PORTAL = Path(__file__).resolve().parents[2] / "desktop" / "portal"
FORBIDDEN = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2", "shiboken2", "qtpy")


def test_importing_portal_loads_no_qt() -> None:
    code = (
        "import sys, desktop.portal, desktop.portal.client, desktop.portal.transport\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True)
    assert out.stdout.strip() == ""


def test_portal_sources_do_not_import_qt() -> None:
    files = sorted(PORTAL.rglob("*.py"))
    assert len(files) >= 5
    for path in files:
        tree = ast.parse(path.read_text(), filename=str(path))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "__import__":
                names = [a.value for a in node.args if isinstance(a, ast.Constant)
                         and isinstance(a.value, str)]
            for name in names:
                assert name.split(".")[0] not in FORBIDDEN, f"{path.name} imports {name}"
                assert name != "desktop.session" and not name.startswith("desktop.ui"), (
                    f"{path.name} imports {name}: arrows go down only"
                )
