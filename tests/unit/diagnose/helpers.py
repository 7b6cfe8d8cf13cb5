"""What the diagnose tests share: a fake registry, a token store that must not be read, a report."""

from __future__ import annotations

import json
import socket
from pathlib import Path

from desktop import diagnose
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
