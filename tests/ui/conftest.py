"""Fixtures of the UI suites."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.ui.common import a11y
from desktop.ui.common.a11y import Urgency
from desktop.ui.shell.main_window import MainWindow
from tests.ui.shell_helpers import close_window


@pytest.fixture
def open_windows() -> Iterator[list[MainWindow]]:
    """Windows a test launched; closed at the end without prompts or a left-over token."""
    windows: list[MainWindow] = []
    yield windows
    for w in windows:
        close_window(w)


@pytest.fixture
def announced(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, Urgency]]:
    """What was announced to assistive technology (none listens in tests)."""
    said: list[tuple[str, Urgency]] = []
    monkeypatch.setattr(a11y, "announce",
                        lambda _w, text, urgency=Urgency.POLITE: said.append((text, urgency))
                        if text else None)
    return said
