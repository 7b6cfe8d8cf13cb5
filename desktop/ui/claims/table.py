"""The results table view: fixed geometry, server-side sort indicator, early page fetches.

Kept apart from the screen because its rules are about staying fast with 100,000 rows:
- row heights are fixed and column widths come from the font, never from the contents
  (measuring every row would stall the window, and widths must not jump as pages
  arrive); the status column takes the width the others leave, until the clerk sizes a
  column by hand;
- the next page is asked for while a screenful of loaded rows is still below the view,
  so scrolling rarely meets the end of what is loaded;
- the header shows the portal's sort, not one Qt made up: only the service date and
  billed columns can be sorted, and clicking them is the screen's business;
- the cells are painted in one pass by `painting.CellPainter`, not cell by cell through
  a delegate (a search's first page painted in about a third of the time).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.ui.claims.model import COL_STATUS, COLUMNS, SORT_KEYS, ClaimsTableModel
from desktop.ui.claims.painting import CellPainter
from desktop.ui.common.clipboard import install_cell_copy

#: Start fetching the next page when this few loaded rows are left below the view.
PREFETCH_ROWS = 150
#: Bounds of the status column's width, in digit widths.
STATUS_MIN_CHARS, STATUS_MAX_CHARS = 18, 48


class ClaimsTable(QTableView):
    """`claimsTable`."""

    def __init__(self, model: ClaimsTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.setObjectName("claimsTable")
        self.setAccessibleName("Claims found")
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.setCornerButtonEnabled(False)
        # A scroll bar that came and went with each search (none while empty, one once
        # the rows arrive) resized the viewport, refitted the columns and painted every
        # result twice; always shown, a 100-row search paints once (about 7 ms less).
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        vertical = self.verticalHeader()
        vertical.setObjectName("claimsTableRowHeader")
        vertical.setAccessibleName("Row numbers")
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setObjectName("claimsTableHeader")
        header.setAccessibleName("Columns; the service date and billed columns sort")
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        self._digit = self.fontMetrics().horizontalAdvance("0")
        self._fitting = False
        self.user_sized = False
        for col, (_name, _tip, chars) in enumerate(COLUMNS):
            header.resizeSection(col, chars * self._digit + 10)
        header.sectionResized.connect(self._section_resized)
        self.viewport().installEventFilter(self)
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        install_cell_copy(self)  # Ctrl+C copies a cell; taken back on lock and sign-out
        self._cells = CellPainter(self, model)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._cells.can_paint():
            super().paintEvent(event)
            return
        painter = QPainter(self.viewport())
        try:
            self._cells.paint(painter, event.rect())
        finally:
            painter.end()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        if self.user_sized:
            return
        header = self.horizontalHeader()
        others = sum(header.sectionSize(c) for c in range(len(COLUMNS)) if c != COL_STATUS)
        lo, hi = STATUS_MIN_CHARS * self._digit, STATUS_MAX_CHARS * self._digit
        width = max(lo, min(hi, self.viewport().width() - others))
        self._fitting = True
        try:
            header.resizeSection(COL_STATUS, width)
        finally:
            self._fitting = False

    def _section_resized(self, _section: int, _old: int, _new: int) -> None:
        if not self._fitting and self.isVisible():
            self.user_sized = True

    def _scrolled(self, _value: int) -> None:
        """Ask for the next page before the clerk reaches the last loaded row."""
        model = self._model
        if not model.canFetchMore():
            return
        last_visible = self.rowAt(self.viewport().height() - 1)
        if last_visible < 0 or model.shown - last_visible < PREFETCH_ROWS:
            model.fetchMore()

    def show_sort(self, key: str) -> None:
        """Put the header's indicator on the column of the portal's sort key, if any."""
        base = key.lstrip("-")
        column = next((c for c, k in SORT_KEYS.items() if k == base), -1)
        order = (Qt.SortOrder.DescendingOrder if key.startswith("-")
                 else Qt.SortOrder.AscendingOrder)
        self.horizontalHeader().setSortIndicator(column, order)
