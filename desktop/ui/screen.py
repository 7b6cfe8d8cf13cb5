"""The contract between the main window and a workspace screen.

`MainWindow` talks to the Claims, Account (and later) screens only through these
methods, so that it never needs to know what a screen holds. A screen runs its portal
work through the `Operations` of its `ScreenContext` (`desktop.ui.operations`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QWidget


class Screen(QWidget):
    """Base for workspace screens; MainWindow only talks to them through these methods."""

    title = ""

    def has_unsaved_changes(self) -> bool:
        return False

    def clear(self) -> None:
        """Drop every piece of portal data held by the screen (sign-out)."""

    def activate(self) -> None:
        """The screen became visible."""

    def can_leave(self) -> bool:
        """Asked before another screen is shown; a screen with unsaved edits may ask the
        user. Returning False keeps the user here. Edits are never dropped by leaving."""
        return True

    def open_files(self, paths: Sequence[Path]) -> None:
        """Files the user asked to open (File menu, command line); only the screen named
        by `ShellOptions.file_screen` receives them."""

    def resume(self) -> None:
        """The user accepted a changed policy or unlocked after an expiry: retry what was
        interrupted (e.g. the search that failed), keeping everything typed."""


@dataclass(frozen=True)
class ScreenSpec:
    """One entry of the workspace's navigation: how to build the screen and name it.

    The screen is built at the first sign-in (`build`), so its modules stay unloaded
    while the sign-in screen comes up. Automation finds the navigation button as
    `nav<Key>` (`navClaims`) and the Go menu action as `action<Key>`.
    """

    key: str
    label: str
    tip: str
    build: Callable[[], Screen]

    @property
    def nav_name(self) -> str:
        return "nav" + self.key.title().replace("_", "")

    @property
    def action_name(self) -> str:
        return "action" + self.key.title().replace("_", "")
