"""Asking which remittance files to open (File > Open remittance file…).

Kept apart so that a test replaces it (`ShellOptions.choose_files`); the files go to the
screen that reads them through `workspace.FileOpening`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget

FILTERS = "X12 835 remittances (*.835 *.edi *.txt *.x12);;All files (*)"


def choose_remittance(parent: QWidget) -> list[str]:
    files, _ = QFileDialog.getOpenFileNames(parent, "Open remittance file", "", FILTERS)
    return list(files)
