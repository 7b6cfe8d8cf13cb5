"""A fixture that puts the application's look back after a test applied a scheme, so that
no other test runs under a palette, style or sheet it did not ask for."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from desktop.ui.common import style


@pytest.fixture
def restore_look(qapp: QApplication) -> Iterator[None]:
    sheet, palette, name = qapp.styleSheet(), qapp.palette(), qapp.style().name()
    yield
    style.apply(qapp, style.Scheme.LIGHT)  # the module's scheme and tone cache
    qapp.setStyle(name)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)
