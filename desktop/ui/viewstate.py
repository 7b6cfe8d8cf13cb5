"""Window layout kept between runs: geometry, splitters, table columns, last screen.

Why a store of its own: layout is not personal data, so it may be kept on the PC, but
it is not a setting IT manages either; it lives in its own file beside the user
settings (`view-state.ini` in the user config directory) so that a bad or stale
layout can never make the settings file fail to load, and deleting it is always safe.
Screens get a `ViewState` through `ScreenContext.view`; tests use `MemoryViewState`.
Keys are plain names ("claims/results/header"); values are Qt's own `saveState()` /
`saveGeometry()` bytes or short strings.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QByteArray, QSettings

FILE_NAME = "view-state.ini"


class ViewState(Protocol):
    def load_bytes(self, key: str) -> QByteArray | None: ...
    def save_bytes(self, key: str, value: QByteArray) -> None: ...
    def load_text(self, key: str) -> str | None: ...
    def save_text(self, key: str, value: str) -> None: ...


class MemoryViewState:
    """Kept for the life of the object: tests, and a PC whose config dir is unwritable."""

    def __init__(self) -> None:
        self._values: dict[str, QByteArray | str] = {}

    def load_bytes(self, key: str) -> QByteArray | None:
        value = self._values.get(key)
        return value if isinstance(value, QByteArray) else None

    def save_bytes(self, key: str, value: QByteArray) -> None:
        self._values[key] = QByteArray(value)

    def load_text(self, key: str) -> str | None:
        value = self._values.get(key)
        return value if isinstance(value, str) else None

    def save_text(self, key: str, value: str) -> None:
        self._values[key] = value


class FileViewState:
    """An INI file through `QSettings` (written atomically by Qt, read lazily)."""

    def __init__(self, config_dir: Path) -> None:
        self._settings = QSettings(str(config_dir / FILE_NAME), QSettings.Format.IniFormat)

    def load_bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_bytes(self, key: str, value: QByteArray) -> None:
        self._settings.setValue(key, value)

    def load_text(self, key: str) -> str | None:
        value = self._settings.value(key)
        return value if isinstance(value, str) else None

    def save_text(self, key: str, value: str) -> None:
        self._settings.setValue(key, value)

    def sync(self) -> None:
        self._settings.sync()
