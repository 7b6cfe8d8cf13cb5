"""Spares PySide6's import hook from reading the source of each of our modules.

PySide6 replaces `__import__` to support `from __feature__ import snake_case`: after
the import of any module it has not seen, it reads that module's whole source
(`inspect.getsource`, through `linecache`, which keeps the lines in memory) to decide
whether the module names PySide6. For the ~120 modules of this application that was
~15-25 ms of reading and tokenizing files before the sign-in screen could paint, and
again on the worker thread for every module the HTTP stack brings.

We use no `__feature__`. Entered beforehand with select id 0 ("no features"), which is
what the hook concludes for the modules that import PySide6 and is inert for those
that do not, our modules are taken as they are. The table is PySide6's own
(`shibokensupport.feature.pyside_feature_dict`); if a PySide6 version has none, or
this runs frozen (no source files to list, and none for the hook to read), nothing is
done and PySide6 behaves exactly as before.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import PySide6.QtCore  # noqa: F401  (installs the hook and its table)

#: PySide6's select ids: "uses PySide6 without any __feature__", and "ignore this module".
NO_FEATURES = 0
IGNORE = -1


def _modules(folder: str, prefix: str) -> list[str]:
    """The dotted names of the modules under `folder` (a package named `prefix`)."""
    names = []
    with os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if name.endswith(".py"):
                names.append(prefix if name == "__init__.py" else f"{prefix}.{name[:-3]}")
            elif not name.startswith((".", "_")) and entry.is_dir():
                names.extend(_modules(entry.path, f"{prefix}.{name}"))
    return names


def _table() -> dict[str, int] | None:
    feature = sys.modules.get("shibokensupport.feature")
    table = getattr(feature, "pyside_feature_dict", None)
    return table if isinstance(table, dict) and not getattr(sys, "frozen", False) else None


def register_package(root: Path, package: str) -> int:
    """Enter every module of `package` (source folder `root`); returns how many."""
    table = _table()
    if table is None or not root.is_dir():
        return 0
    added = 0
    for name in _modules(str(root), package):
        if name not in table:
            table[name] = NO_FEATURES
            added += 1
    return added


#: Top-level packages of our dependencies that load while the application runs.
LIBRARIES = ("platformdirs", "requests", "urllib3", "certifi", "charset_normalizer", "idna",
             "truststore", "keyring", "jaraco", "jeepney", "secretstorage", "stdnum")


def register_libraries() -> int:
    """The standard library's and our dependencies' top-level modules never name PySide6:
    the hook would read each (argparse, logging, dataclasses, json, ...) to find that out."""
    table = _table()
    if table is None:
        return 0
    added = 0
    for name in (*sys.stdlib_module_names, *LIBRARIES):
        if name not in table:
            table[name] = IGNORE
            added += 1
    return added


# Imported for this, first among our modules, by the composition root (desktop/app.py).
register_package(Path(__file__).resolve().parents[1], "desktop")
register_libraries()
