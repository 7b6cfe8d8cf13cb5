"""Issue 8, item 7: a copied cell is plain text, and the app takes back only its own copy.

The whole-session test (test_leak_session.py) shows the main window clearing the
clipboard on lock and sign-out; these pin the rules of `desktop.ui.common.clipboard`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from desktop.ui.common import clipboard

PHI = "Sentinelbrook, Quillonia"


@pytest.fixture
def board(qapp) -> Iterator[QClipboard]:
    cb = QGuiApplication.clipboard()
    cb.clear()
    clipboard._ours.clear()
    yield cb
    cb.clear()
    clipboard._ours.clear()


@pytest.fixture
def table(qtbot) -> QTableWidget:
    t = QTableWidget(2, 2)
    qtbot.addWidget(t)
    t.setItem(0, 0, QTableWidgetItem("SNTLQX4417Z"))
    t.setItem(0, 1, QTableWidgetItem(PHI))
    t.setItem(1, 0, QTableWidgetItem("<b>bold</b>\u202e\u200bcell"))
    clipboard.install_cell_copy(t)
    t.show()
    t.setFocus()
    return t


def copy_cell(qtbot, t: QTableWidget, row: int, col: int) -> None:
    t.setCurrentCell(row, col)
    qtbot.keyClick(t, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_c_copies_the_current_cell_as_plain_text(qtbot, board, table):
    copy_cell(qtbot, table, 0, 1)
    assert board.text() == PHI
    assert clipboard.holds_ours()
    copy_cell(qtbot, table, 1, 0)
    # Markup stays literal text; bidi overrides and zero-width characters are dropped.
    assert board.text() == "<b>bold</b>cell"
    assert not board.mimeData().hasHtml()


def test_the_copy_asks_clipboard_history_tools_to_skip_it(qtbot, board, table):
    copy_cell(qtbot, table, 0, 0)
    formats = board.mimeData().formats()
    if sys.platform == "win32":
        assert any("CanIncludeInClipboardHistory" in f for f in formats)
    elif sys.platform != "darwin":
        assert "x-kde-passwordManagerHint" in formats
        assert bytes(board.mimeData().data("x-kde-passwordManagerHint").data()) == b"secret"


def test_lock_or_sign_out_clears_the_apps_own_copy(qtbot, board, table):
    copy_cell(qtbot, table, 0, 1)
    assert clipboard.clear_if_ours() is True
    assert board.text() == ""
    assert not clipboard.holds_ours()


def test_what_the_user_copied_elsewhere_afterwards_is_left_alone(qtbot, board, table):
    copy_cell(qtbot, table, 0, 1)
    board.setText("shopping list: milk")  # another program's copy, as far as the app knows
    if board.ownsClipboard():
        pytest.skip("this platform cannot tell another program's copy from ours in-process")
    assert clipboard.clear_if_ours() is False
    assert board.text() == "shopping list: milk"


def test_nothing_copied_means_nothing_cleared(board):
    board.setText("the user's own text")
    if board.ownsClipboard():
        pytest.skip("this platform cannot tell another program's copy from ours in-process")
    assert clipboard.clear_if_ours() is False
    assert board.text() == "the user's own text"


def test_no_current_cell_copies_nothing(qtbot, board):
    t = QTableWidget(0, 1)
    qtbot.addWidget(t)
    clipboard.install_cell_copy(t)
    board.setText("kept")
    qtbot.keyClick(t, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert board.text() == "kept"
