"""The claims table's one-pass painter draws exactly what Qt's own cell painting draws.

`CellPainter` replaces QTableView's delegate painting for speed; these tests render the
same viewport both ways and compare them pixel by pixel, in the states a clerk meets:
status colours, long and non-ASCII text that is elided, negative and empty amounts, the
selected row, the focus frame, a disabled table, no grid, a partly exposed area.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QItemSelectionModel, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QMainWindow

from desktop.tasks import SyncTaskRunner
from desktop.ui.claims.model import COL_MEMBER, COL_PATIENT, ClaimsTableModel, Row, RowPage
from desktop.ui.claims.table import ClaimsTable
from desktop.ui.operations import Operations
from tests.ui.claims.support import FakeClient

CATEGORIES = ("F1", "F2", "P3", "A1", "R4", "F4", "E0")


def row(i: int) -> Row:
    last = ("Ünïcödé-Nåmé" if i == 2 else "an-extraordinarily-long-family-name" if i == 4
            else f"Lastname{i}")
    return (f"id{i}", f"CLM{i:010d}", last, f"First{i}", f"M{i:09d}",
            date(2026, 1, 1 + i % 28), date(2026, 2, 1 + i % 28), CATEGORIES[i % 7],
            "Finalized: the claim or line has been paid in full" if i % 3 else "Short",
            123456 + i * 1000, 100000 + i, -90000 - i, 1000 + i,
            date(2026, 3, 1 + i % 28) if i % 2 else None, f"EFT{i:08d}" if i % 4 else None,
            "key")


@pytest.fixture
def table(qtbot) -> Iterator[ClaimsTable]:
    model = ClaimsTableModel(Operations(FakeClient([]), SyncTaskRunner()))
    view = ClaimsTable(model)
    window = QMainWindow()
    window.setCentralWidget(view)
    window.resize(900, 420)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    model.set_results(RowPage([row(i) for i in range(60)], None, 60), None)
    view.horizontalHeader().resizeSection(COL_PATIENT, 90)  # names elide
    yield view
    window.close()


def both_ways(view: ClaimsTable, area: QRect | None = None) -> tuple[QImage, QImage]:
    """(ours, Qt's) renderings of the viewport, or of `area` of it."""
    target = area or QRect(0, 0, -1, -1)
    ours = view.viewport().grab(target).toImage()
    view._cells.can_paint = lambda: False  # type: ignore[method-assign]
    try:
        theirs = view.viewport().grab(target).toImage()
    finally:
        del view._cells.can_paint
    return ours, theirs


def differing_pixels(a: QImage, b: QImage) -> int:
    assert a.size() == b.size()
    return sum(1 for y in range(a.height()) for x in range(a.width())
               if a.pixel(x, y) != b.pixel(x, y))


def test_plain_rows_are_painted_as_qt_paints_them(table: ClaimsTable) -> None:
    assert table._cells.can_paint()
    ours, theirs = both_ways(table)
    assert differing_pixels(ours, theirs) == 0


def test_selected_row_and_focus_frame_match(table: ClaimsTable, qtbot) -> None:
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    table.selectRow(3)
    table.setCurrentIndex(table.model().index(3, COL_MEMBER))
    table.verticalScrollBar().setValue(2)
    ours, theirs = both_ways(table)
    assert differing_pixels(ours, theirs) == 0


def test_a_single_selected_cell_matches(table: ClaimsTable) -> None:
    """Code may select one cell; Qt then highlights that cell only, and so do we."""
    selection = table.selectionModel()
    selection.select(table.model().index(5, COL_PATIENT),
                     QItemSelectionModel.SelectionFlag.ClearAndSelect)
    ours, theirs = both_ways(table)
    assert differing_pixels(ours, theirs) == 0


@pytest.mark.parametrize("change", ["disabled", "no grid", "no alternating rows"])
def test_other_view_states_match(table: ClaimsTable, change: str) -> None:
    if change == "disabled":
        table.setEnabled(False)
    elif change == "no grid":
        table.setShowGrid(False)
    else:
        table.setAlternatingRowColors(False)
    ours, theirs = both_ways(table)
    assert differing_pixels(ours, theirs) == 0


def test_a_partly_exposed_area_matches(table: ClaimsTable) -> None:
    ours, theirs = both_ways(table, QRect(95, 30, 300, 50))
    assert differing_pixels(ours, theirs) == 0


def test_a_painting_difference_would_be_seen(table: ClaimsTable) -> None:
    """The comparison can fail: a cell text changed only in our rendering shows up."""
    model = table.model()
    assert isinstance(model, ClaimsTableModel)
    ours = table.viewport().grab().toImage()
    model._rows[0] = (*model._rows[0][:1], "CLM-CHANGED", *model._rows[0][2:])
    table._cells.can_paint = lambda: False  # type: ignore[method-assign]
    theirs = table.viewport().grab().toImage()
    assert differing_pixels(ours, theirs) > 0


def test_right_to_left_layouts_are_left_to_qt(table: ClaimsTable) -> None:
    table.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    assert not table._cells.can_paint()
    table.model().clear()  # type: ignore[attr-defined]
    table.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    assert not table._cells.can_paint()  # nothing to paint: Qt draws the empty view
