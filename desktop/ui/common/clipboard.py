"""The application's side of the system clipboard: copy a cell, take it back on lock and sign-out.

Why this exists: a clerk may copy a member id or a claim number into another
program, and that is allowed. But the clipboard outlives the lock screen and the
session, so a patient name left there is pasted by whoever sits down next at a
shared office PC. The app therefore remembers the text it put on the clipboard
and, on lock and sign-out, clears the clipboard only if it still holds that
text: what the clerk copied elsewhere in the meantime is theirs and stays.

Where the platform can tell (X11, Windows), a clipboard the application still
owns is cleared too, which also covers text copied from a selectable label.
The copy is marked for clipboard-history tools to skip (Windows clipboard
history and cloud clipboard, KDE's Klipper); other history tools may still keep
a copy, which SECURITY.md lists as a known limit.

The clipboard is one per process, so the memory of what was copied is too.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, QObject, Qt
from PySide6.QtGui import QClipboard, QGuiApplication, QKeyEvent, QKeySequence

if TYPE_CHECKING:  # the item views load with the screens after sign-in
    from PySide6.QtWidgets import QAbstractItemView

from desktop.ui.common.text import plain

#: Longest text a cell copy puts on the clipboard (cells hold short values).
MAX_COPY_CHARS = 2000

_DWORD_ZERO = b"\x00\x00\x00\x00"
# Formats that ask clipboard-history tools to leave the copy alone.
if sys.platform == "win32":
    _HISTORY_HINTS: tuple[tuple[str, bytes], ...] = (
        ('application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"',
         _DWORD_ZERO),
        ('application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"', _DWORD_ZERO),
        ('application/x-qt-windows-mime;value="CanUploadToCloudClipboard"', _DWORD_ZERO),
    )
elif sys.platform == "darwin":
    _HISTORY_HINTS = ()
else:
    _HISTORY_HINTS = (("x-kde-passwordManagerHint", b"secret"),)

_MODES = (QClipboard.Mode.Clipboard, QClipboard.Mode.Selection)
#: What this process last put on each clipboard mode.
_ours: dict[QClipboard.Mode, str] = {}


def _clipboard() -> QClipboard | None:
    app = QGuiApplication.instance()
    return QGuiApplication.clipboard() if app is not None else None


def copy_text(text: object) -> str:
    """Put `text` on the clipboard as plain text and remember it; returns what was put."""
    cleaned = plain(text, MAX_COPY_CHARS)
    board = _clipboard()
    if board is None or not cleaned:
        return ""
    data = QMimeData()
    data.setText(cleaned)
    for fmt, value in _HISTORY_HINTS:
        data.setData(fmt, value)
    board.setMimeData(data, QClipboard.Mode.Clipboard)
    _ours[QClipboard.Mode.Clipboard] = cleaned
    return cleaned


def holds_ours() -> bool:
    """Whether the clipboard still holds what the application put there."""
    board = _clipboard()
    if board is None:
        return False
    return any(_is_ours(board, mode) for mode in _MODES)


def _is_ours(board: QClipboard, mode: QClipboard.Mode) -> bool:
    if mode == QClipboard.Mode.Selection and not board.supportsSelection():
        return False
    owns = board.ownsClipboard() if mode == QClipboard.Mode.Clipboard else board.ownsSelection()
    remembered = _ours.get(mode)
    return owns or (bool(remembered) and board.text(mode) == remembered)


def clear_if_ours() -> bool:
    """Lock and sign-out: empty the clipboard if it still holds the app's text.

    Returns whether anything was cleared. Text the user copied in another program
    after the app's copy is left alone.
    """
    board = _clipboard()
    if board is None:
        return False
    cleared = False
    for mode in _MODES:
        if _is_ours(board, mode):
            board.clear(mode)
            cleared = True
    _ours.clear()
    return cleared


def copy_current_cell(view: QAbstractItemView) -> str:
    """Copy the current cell's text, as shown, to the clipboard."""
    index = view.currentIndex()
    if not index.isValid():
        return ""
    value = index.data(Qt.ItemDataRole.DisplayRole)
    return copy_text("" if value is None else value)


class _CellCopy(QObject):
    """Event filter: the standard Copy keys copy the current cell through this module."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
                and isinstance(event, QKeyEvent)
                and event.matches(QKeySequence.StandardKey.Copy)):
            if kind == QEvent.Type.KeyPress:
                copy_current_cell(self._view)
            event.accept()  # no window shortcut takes the keys, and Qt's own copy is skipped
            return True
        return super().eventFilter(watched, event)


def install_cell_copy(view: QAbstractItemView) -> None:
    """Make Ctrl+C (the platform's Copy keys) in `view` copy the cell through this module."""
    view.installEventFilter(_CellCopy(view))
