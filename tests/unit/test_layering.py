"""The arrows of the architecture, checked on the source: who may import what.

* `desktop/portal/` never imports Qt: it runs in tools, tests and worker threads,
  and it never imports the layers above it (session, ui);
* `desktop/ui/` never talks to the network or the keyring itself (requests,
  urllib3, socket, ssl, keyring): that goes through the session and the task runner;
* nothing in `desktop/` imports `sandbox`: the reference portal shares nothing
  with the client but the wire contract.

Every import counts, at module level or inside a function, absolute or
relative, and `__import__` / `importlib.import_module` with a literal name. A
violation is reported as ``path:line imports name (rule)``, all at once.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DESKTOP = ROOT / "desktop"
QT = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2", "shiboken2", "qtpy")
UI_MUST_NOT_TOUCH = ("requests", "urllib3", "socket", "ssl", "keyring")


@dataclass(frozen=True)
class Rule:
    folder: str  # under the repository root
    forbidden: tuple[str, ...]  # module names; a forbidden name forbids its submodules too
    why: str


RULES = [
    Rule("desktop/portal", QT, "no Qt in portal/"),
    Rule("desktop/portal", ("desktop.session", "desktop.ui"), "arrows go down only"),
    Rule("desktop/ui", UI_MUST_NOT_TOUCH, "ui/ goes through the session and tasks"),
    Rule("desktop", ("sandbox",), "desktop/ never imports sandbox"),
]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> list[str]:
    """The modules an import-from names, relative ones resolved against `module`."""
    base = node.module or ""
    if node.level:
        package = module.split(".") if is_package else module.split(".")[:-1]
        package = package[: len(package) - node.level + 1]
        base = ".".join([*package, base] if base else package)
    # `from desktop import ui` imports desktop.ui: count each name as a possible module.
    return [base, *(f"{base}.{alias.name}" for alias in node.names if alias.name != "*")]


def imports(source: str, module: str, is_package: bool = False) -> Iterator[tuple[int, str]]:
    """(line, module name) of every import in `source`, wherever it sits."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            for name in _absolute(node, module, is_package):
                yield node.lineno, name
        elif isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in ("__import__", "import_module") and node.args and isinstance(
                    node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                yield node.lineno, node.args[0].value


def _matches(name: str, forbidden: str) -> bool:
    return name == forbidden or name.startswith(forbidden + ".")


def violations(path: Path, source: str, rules: list[Rule]) -> list[str]:
    module = module_name(path)
    where = path.relative_to(ROOT).as_posix()
    found = []
    for rule in rules:
        if not (where + "/").startswith(rule.folder + "/"):
            continue
        for line, name in imports(source, module, path.name == "__init__.py"):
            for bad in rule.forbidden:
                if _matches(name, bad):
                    found.append(f"{where}:{line} imports {name} ({rule.why})")
    return sorted(set(found))


def test_every_module_keeps_to_the_arrows() -> None:
    files = sorted(DESKTOP.rglob("*.py"))
    assert len([f for f in files if "/ui/" in f.as_posix()]) >= 20
    assert len([f for f in files if "/portal/" in f.as_posix()]) >= 5
    found = [v for path in files for v in violations(path, path.read_text(), RULES)]
    assert found == [], "\n".join(found)


def test_importing_portal_loads_no_qt() -> None:
    code = (
        "import sys, desktop.portal, desktop.portal.client, desktop.portal.transport\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {QT!r})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         timeout=60, check=True, cwd=ROOT)
    assert out.stdout.strip() == ""


def test_the_check_finds_what_it_looks_for() -> None:
    """A module breaking every rule, in every way of importing, is caught line by line."""
    source = "\n".join([
        "import os",                                        # 1: fine
        "import socket",                                    # 2
        "from requests.adapters import HTTPAdapter",        # 3
        "def later():",                                     # 4
        "    import keyring.errors",                        # 5: inside a function
        "    return __import__('ssl')",                     # 6
        "from sandbox.app import build",                    # 7
        "import importlib",                                 # 8
        "x = importlib.import_module('urllib3.util')",      # 9
        "from PySide6.QtCore import QObject",               # 10: allowed in ui/
    ])
    fake = DESKTOP / "ui" / "feature" / "screen.py"
    why = "(ui/ goes through the session and tasks)"
    assert violations(fake, source, RULES) == [
        f"desktop/ui/feature/screen.py:2 imports socket {why}",
        f"desktop/ui/feature/screen.py:3 imports requests.adapters {why}",
        f"desktop/ui/feature/screen.py:3 imports requests.adapters.HTTPAdapter {why}",
        f"desktop/ui/feature/screen.py:5 imports keyring.errors {why}",
        f"desktop/ui/feature/screen.py:6 imports ssl {why}",
        "desktop/ui/feature/screen.py:7 imports sandbox.app (desktop/ never imports sandbox)",
        "desktop/ui/feature/screen.py:7 imports sandbox.app.build (desktop/ never imports "
        "sandbox)",
        f"desktop/ui/feature/screen.py:9 imports urllib3.util {why}",
    ]
    portal = DESKTOP / "portal" / "wire.py"
    assert violations(portal, "from PySide6.QtCore import QObject\nfrom ..ui import x", RULES) == [
        "desktop/portal/wire.py:1 imports PySide6.QtCore (no Qt in portal/)",
        "desktop/portal/wire.py:1 imports PySide6.QtCore.QObject (no Qt in portal/)",
        "desktop/portal/wire.py:2 imports desktop.ui (arrows go down only)",
        "desktop/portal/wire.py:2 imports desktop.ui.x (arrows go down only)",
    ]
    top = DESKTOP / "app.py"
    assert violations(top, "import sandbox.app\nfrom sandbox import x", RULES) == [
        "desktop/app.py:1 imports sandbox.app (desktop/ never imports sandbox)",
        "desktop/app.py:2 imports sandbox (desktop/ never imports sandbox)",
        "desktop/app.py:2 imports sandbox.x (desktop/ never imports sandbox)",
    ]
