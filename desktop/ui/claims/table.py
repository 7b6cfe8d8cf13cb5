"""The results table view: fixed geometry, server-side sort indicator, early page fetches.

Kept apart from the screen because its rules are about staying fast with 100,000 rows:
- row heights are fixed and column widths come from the font and each column's
  typical content (`model.COLUMNS`), never from measuring rows (that would stall the
  window, and widths must not jump as pages arrive). Spare width goes first to the
  text that gets cut (status, then patient, then payment number) up to a cap, and
  what is left is shared by every column, so a wide screen has no empty third; once
  the clerk sizes or moves a column by hand, their layout stays (and is kept between
  runs by the screen, `ScreenContext.view`);
- the next page is asked for while a screenful of loaded rows is still below the view,
  so scrolling rarely meets the end of what is loaded;
- the header shows the portal's sort, not one Qt made up: only the service date and
  billed columns can be sorted, and clicking them is the screen's business;
- the cells are painted in one pass by `painting.CellPainter`, not cell by cell through
  a delegate (a search's first page painted in about a third of the time).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QTableView,
    QToolTip,
    QWidget,
)

from desktop.ui.claims.model import (
    COL_PATIENT,
    COL_PAYMENT,
    COL_SERVICE,
    COL_STATUS,
    COLUMNS,
    SORT_KEYS,
    ClaimsTableModel,
    tooltip,
)
from desktop.ui.claims.painting import CellPainter
from desktop.ui.common.clipboard import install_cell_copy

#: Start fetching the next page when this few loaded rows are left below the view.
PREFETCH_ROWS = 150
#: Columns that take spare width first: (column, share, most extra digit widths).
GROWERS: tuple[tuple[int, int, int], ...] = ((COL_STATUS, 3, 30), (COL_PATIENT, 2, 14),
                                             (COL_PAYMENT, 1, 4))
#: Columns that give up width first on a narrow window: (column, least digit widths).
SHRINKERS: tuple[tuple[int, int], ...] = ((COL_STATUS, 14), (COL_PATIENT, 12),
                                          (COL_PAYMENT, 12), (COL_SERVICE, 11))
#: Space around a cell's text, in pixels (margins and the grid line).
CELL_PAD = 12


class ClaimsTable(QTableView):
    """`claimsTable`."""

    def __init__(self, model: ClaimsTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self.setObjectName("claimsTable")
        self.setAccessibleName(self.tr("Claims found"))
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
        vertical.setAccessibleName(self.tr("Row numbers"))
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setObjectName("claimsTableHeader")
        header.setAccessibleName(self.tr("Columns; the service date and billed columns "
                                         "sort"))
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionsMovable(True)
        self._digit = self.fontMetrics().horizontalAdvance("0")
        self._fitting = False
        self.user_sized = False
        self._fitting = True
        try:
            for col, width in enumerate(self.base_widths()):
                header.resizeSection(col, width)
        finally:
            self._fitting = False
        header.sectionResized.connect(self._section_resized)
        header.sectionMoved.connect(self._section_moved)
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

    def tooltip_at(self, pos: QPoint) -> str | None:
        """The whole text of the cell at `pos` when the cell does not show all of it
        (cut at the column's edge, or shortened); None when it is all on screen."""
        index = self.indexAt(pos)
        if not index.isValid():
            return None
        shown = str(index.data() or "")
        full = index.data(Qt.ItemDataRole.ToolTipRole)
        margin = self.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                          self) + 1
        room = self.columnWidth(index.column()) - 2 * margin - 1
        if shown and (self.fontMetrics().horizontalAdvance(shown) > room
                      or shown.endswith("…")):
            return str(full) if full else tooltip(shown)
        return None

    def viewportEvent(self, event: QEvent) -> bool:
        """Tooltips only where a cell's text is cut short (one measurement per hover)."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            return True
        return super().viewportEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def base_widths(self) -> list[int]:
        """Each column's typical content (or its header, if wider), in pixels."""
        metrics = self.horizontalHeader().fontMetrics()
        model = self._model
        out = []
        for col, (_name, _tip, chars) in enumerate(COLUMNS):
            head = str(model.headerData(col, Qt.Orientation.Horizontal))
            # A sortable header's arrow needs about two digits more.
            arrow = 2 * self._digit if col in SORT_KEYS else 0
            out.append(max(chars * self._digit, metrics.horizontalAdvance(head) + arrow)
                       + CELL_PAD)
        return out

    def fit_columns(self) -> None:
        """Share the viewport's width: typical widths, then the growers, then everyone."""
        if self.user_sized:
            return
        widths = self.base_widths()
        spare = self.viewport().width() - sum(widths)
        if spare > 0:
            total_share = sum(share for _c, share, _m in GROWERS)
            pool = spare
            for col, share, most in GROWERS:
                extra = min(pool * share // total_share, most * self._digit)
                widths[col] += extra
                spare -= extra
            if spare > 0:  # a wide screen: every column a little wider, none empty
                whole = sum(widths)
                for col in range(len(widths)):
                    widths[col] += spare * widths[col] // whole
        else:  # a narrow window: the long texts give way (their tooltips show them whole)
            for col, least in SHRINKERS:
                if spare >= 0:
                    break
                give = min(-spare, widths[col] - (least * self._digit + CELL_PAD))
                if give > 0:
                    widths[col] -= give
                    spare += give
        header = self.horizontalHeader()
        self._fitting = True
        try:
            for col, width in enumerate(widths):
                if header.sectionSize(col) != width:
                    header.resizeSection(col, width)
        finally:
            self._fitting = False

    def restore_header(self, state: QByteArray) -> bool:
        """The clerk's widths and order from an earlier run; then no more fitting."""
        header = self.horizontalHeader()
        self._fitting = True
        try:
            ok = header.restoreState(state) and header.count() == len(COLUMNS)
        finally:
            self._fitting = False
        if ok:
            self.user_sized = True
        return ok

    def _section_resized(self, _section: int, _old: int, _new: int) -> None:
        if not self._fitting and self.isVisible():
            self.user_sized = True

    def _section_moved(self, _section: int, _old: int, _new: int) -> None:
        if not self._fitting:
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
