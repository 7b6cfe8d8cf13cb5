"""Where files are opened from and saved to: the open dialog and the save folder.

Kept apart so that a test replaces the dialog (`ShellOptions.choose_files`); the files
go to the screen that reads them through `workspace.FileOpening`.

`save_folder()`: a save dialog given a path in a folder that does not exist opens in
the process's current directory, which for an installed program is its own folder
(issue 15, item 10: a PC without a Documents folder). The suggestion is therefore an
existing folder: Documents when there is one, else the home folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.ui.common.i18n import translate


def remittance_filters() -> str:
    return translate("Files", "X12 835 remittances (*.835 *.edi *.txt *.x12);;All files (*)")


#: Kept for callers that read the constant; the dialog uses `remittance_filters()`.
FILTERS = "X12 835 remittances (*.835 *.edi *.txt *.x12);;All files (*)"


def choose_remittance(parent: QWidget) -> list[str]:
    files, _ = QFileDialog.getOpenFileNames(
        parent, translate("Files", "Open remittance file"), str(save_folder()),
        remittance_filters())
    return list(files)


def save_folder() -> Path:
    """The folder a save dialog starts in: Documents if it exists, else home."""
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    home = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.HomeLocation)
    if home and Path(home).is_dir():
        return Path(home)
    return Path.home()


def suggested_save_path(stem: str, suffix: str) -> str:
    """`<save folder>/<stem>.<suffix>`, the stem made safe for any file system."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in stem)[:80]
    return str(save_folder() / f"{safe}.{suffix}")
