"""Asking which remittance files to open (File > Open remittance file…).

Kept apart from the main window so that a test replaces it (`ShellOptions.choose_files`)
and the window does not grow; the files themselves go to the screen that reads them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QWidget

if TYPE_CHECKING:
    from desktop.ui.shell.workspace import Workspace

FILTERS = "X12 835 remittances (*.835 *.edi *.txt *.x12);;All files (*)"


def choose_remittance(parent: QWidget) -> list[str]:
    files, _ = QFileDialog.getOpenFileNames(parent, "Open remittance file", "", FILTERS)
    return list(files)


class FileOpening:
    """Files the user asked to open (the File menu, the command line) go to one screen.

    Command-line files wait for the first sign-in; nothing is opened while signed out
    or locked (`working` says whether the workspace is in use).
    """

    def __init__(self, workspace: Workspace, screen_key: str | None,
                 initial: Sequence[Path], choose: Callable[[QWidget], list[str]],
                 working: Callable[[], bool]) -> None:
        self._workspace, self._key = workspace, screen_key
        self._initial, self._choose, self._working = tuple(initial), choose, working

    @property
    def enabled(self) -> bool:
        return self._key is not None

    def ask(self, parent: QWidget) -> None:
        if self._working():
            self.open([Path(p) for p in self._choose(parent)])

    def open(self, paths: Sequence[Path]) -> None:
        if self._working() and self._key is not None:
            self._workspace.open_files(self._key, paths)

    def open_initial(self) -> None:
        """After a sign-in: the command line's files, once."""
        paths, self._initial = self._initial, ()
        self.open(paths)
