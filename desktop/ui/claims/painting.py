"""Paints the claims table's exposed cells in one pass, reading the model's rows directly.

Why not QTableView's own painting: it goes through the delegate cell by cell, and for
each cell Qt calls into Python about ten times (`index()` asks `rowCount` and
`columnCount`, then `flags`, then `data` for seven roles), and the style lays each text
out with a QTextLayout. With ~400 cells on screen that was 12-13 ms of a search's
~29 ms on the slow machine class, two thirds of it Python call overhead. Here one
Python call paints the exposed rectangle: row backgrounds, the status colours, the
selected row through the style (so it still looks native), the grid, the focus frame of
the current cell, and each cell's text drawn once, elided only when it may not fit.

What the view still does: scrolling, selection, the header, accessibility and tooltips
all work from the model, as before; only the pixels of the cells come from here, and
tests/ui/claims/test_painting.py checks that they are Qt's pixels. Cases this does not
know (right-to-left layouts, word wrap) fall back to Qt; a hover highlight, which some
Windows styles draw in item views, is not drawn.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionFocusRect, QStyleOptionViewItem, QTableView

from desktop.ui.claims.model import (
    COL_STATUS,
    COLUMNS,
    MONEY_COLUMNS,
    R_CATEGORY,
    ClaimsTableModel,
    Row,
)
from desktop.ui.claims.status import status_qcolours

#: Elided texts kept for repaints (the status column repeats a few dozen labels).
_ELIDED_MAX = 4096
#: Rows whose texts and widths are kept for repaints (a screenful is a few dozen).
_ROWS_MAX = 2048
#: The width of a text whose glyph advances are not in the table: Qt must measure it.
_UNKNOWN = float("inf")
#: Whether the column's text is drawn flush right (money), as the model's alignment says.
_RIGHT = tuple(c in MONEY_COLUMNS for c in range(len(COLUMNS)))


#: A row's cache entry: the row, its texts, their widths. (Not the status colours: they
#: follow the colour scheme, which the OS can change while the rows are shown.)
_Cells = tuple[Row, tuple[str, ...], tuple[float, ...]]


class CellPainter:
    """Draws the visible part of a `ClaimsTable` the way its delegate would, only faster."""

    def __init__(self, view: QTableView, model: ClaimsTableModel) -> None:
        self._view = view
        self._model = model
        self._elided: dict[tuple[str, int], str] = {}
        self._rows: dict[int, _Cells] = {}
        # A new result: the rows kept for repaints belong to the old one; let them go.
        model.modelReset.connect(self._rows.clear)
        self._font_key = ""
        self._advances: dict[str, int] = {}
        self._metrics = QFontMetrics(view.font())
        self._line_height = self._metrics.height()
        self._ascent = self._metrics.ascent()
        self._metrics_f = QFontMetricsF(view.font())

    def can_paint(self) -> bool:
        """False where Qt's own painting is needed (layouts this class does not do)."""
        view = self._view
        return (view.layoutDirection() == Qt.LayoutDirection.LeftToRight
                and not view.wordWrap() and self._model.shown > 0)

    def paint(self, painter: QPainter, exposed: QRect) -> None:
        view, model = self._view, self._model
        first = view.rowAt(exposed.top())
        if first < 0:
            return  # the exposed part lies below the last row
        last = view.rowAt(exposed.bottom())
        if last < 0:
            last = model.shown - 1
        columns = self._columns(exposed)
        if not columns:
            return
        self._refresh_metrics()
        palette = view.palette()
        group = (QPalette.ColorGroup.Active if view.isActiveWindow()
                 else QPalette.ColorGroup.Inactive)
        if not view.isEnabled():
            group = QPalette.ColorGroup.Disabled
        colours = (palette.color(group, QPalette.ColorRole.Base),
                   palette.color(group, QPalette.ColorRole.AlternateBase),
                   palette.color(group, QPalette.ColorRole.Text))
        # As QTableView does: with a grid, a cell is one pixel narrower and shorter.
        grid = 1 if view.showGrid() else 0
        height = view.rowHeight(first)
        columns = [(col, x, width - grid) for col, x, width in columns]
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None,
                                          view) + 1
        left = columns[0][1]
        right = columns[-1][1] + columns[-1][2]
        selected = self._selected_cells(first, last)
        alternate = view.alternatingRowColors()
        y = view.rowViewportPosition(first)
        for row in range(first, last + 1):
            painter.fillRect(left, y, right - left, height - grid,
                             colours[1] if alternate and row % 2 else colours[0])
            chosen = selected.get(row)
            plain = [c for c in columns if c[0] not in chosen] if chosen else columns
            if plain:
                self._row(painter, row, y, height - grid, plain, margin, colours[2])
            if chosen:
                self._selected_row(painter, row, y, height - grid,
                                   [c for c in columns if c[0] in chosen], margin)
            y += height  # fixed row heights (the vertical header does not resize)
        if grid:
            self._grid(painter, first, last, columns, height)
        self._focus(painter, exposed)

    # --- pieces ---------------------------------------------------------------------

    def _columns(self, exposed: QRect) -> list[tuple[int, int, int]]:
        """(column, x, width) of every shown column that reaches into `exposed`."""
        header = self._view.horizontalHeader()
        out = []
        for visual in range(header.count()):
            col = header.logicalIndex(visual)
            if header.isSectionHidden(col) or col >= len(COLUMNS):
                continue
            x, width = header.sectionViewportPosition(col), header.sectionSize(col)
            if x + width > exposed.left() and x <= exposed.right() and width > 0:
                out.append((col, x, width))
        return out

    def _selected_cells(self, first: int, last: int) -> dict[int, set[int]]:
        """Row -> its selected columns, for the rows from `first` to `last`.

        Asked once per paint (a clerk selects one row; code may select one cell).
        """
        selection = self._view.selectionModel()
        out: dict[int, set[int]] = {}
        if selection is None or not selection.hasSelection():
            return out
        for index in selection.selectedIndexes():
            row = index.row()
            if first <= row <= last:
                out.setdefault(row, set()).add(index.column())
        return out

    def _cells_of(self, row: int) -> _Cells:
        """The row's texts and their widths, worked out once and kept for repaints.

        Kept per row tuple (the model's rows are immutable; a new result or a changed
        row is a new tuple, so an entry can never be stale), and forgotten with the font
        and with each new result.
        """
        r = self._model.row_at(row)
        entry = self._rows.get(id(r))
        if entry is not None and entry[0] is r:
            return entry
        text = self._model.text
        texts = tuple(text(r, col) for col in range(len(COLUMNS)))
        advances = self._advances
        widths: list[float] = []
        for col, value in enumerate(texts):
            if _RIGHT[col]:  # flush right at the text's exact (fractional) width
                widths.append(self._metrics_f.horizontalAdvance(value) if value else 0.0)
            elif value.isascii():
                try:
                    widths.append(sum(map(advances.__getitem__, value)))
                except KeyError:
                    widths.append(_UNKNOWN)
            else:
                widths.append(_UNKNOWN)
        if len(self._rows) >= _ROWS_MAX:
            self._rows.clear()
        entry = (r, texts, tuple(widths))
        self._rows[id(r)] = entry
        return entry

    def _row(self, painter: QPainter, row: int, y: int, height: int,
             columns: list[tuple[int, int, int]], margin: int, ink: QColor,
             highlight: QColor | None = None) -> None:
        """One row's texts: one loop, no call per cell but Qt's drawing.

        Centred as the style centres a laid-out line (whole pixels, rounded down) and
        drawn at the baseline point: the rectangle-and-flags call lays the text out
        again to place it, about twice the time, for the same pixels. A text is elided
        only when the sum of its glyphs' advances does not fit comfortably (a pixel
        spare for kerning), or when that sum is not known (non-ASCII): then Qt measures.
        """
        r, texts, widths = self._cells_of(row)
        background, foreground = status_qcolours(r[R_CATEGORY])
        baseline = y + (height - self._line_height) // 2 + self._ascent
        draw = painter.drawText
        pen = ink if highlight is None else highlight
        painter.setPen(pen)
        for col, x, width in columns:
            if highlight is None:
                if col == COL_STATUS:
                    painter.fillRect(x, y, width, height, background)
                    painter.setPen(foreground)
                    pen = foreground
                elif pen is not ink:
                    painter.setPen(ink)
                    pen = ink
            text = texts[col]
            room = width - 2 * margin
            if not text or room <= 0:
                continue
            if _RIGHT[col]:
                advance = widths[col]
                if advance > room - 1:
                    text = self._fitted(text, room)
                    advance = self._metrics_f.horizontalAdvance(text)
                draw(QPointF(x + margin + room - advance, baseline), text)
            else:
                if widths[col] >= room - 1:
                    text = self._fitted(text, room)
                draw(x + margin, baseline, text)

    def _selected_row(self, painter: QPainter, row: int, y: int, height: int,
                      columns: list[tuple[int, int, int]], margin: int) -> None:
        """Selected cells: the style draws their highlight, as the delegate would."""
        view = self._view
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.state |= QStyle.StateFlag.State_Selected
        option.showDecorationSelected = True
        style = view.style()
        group = (QPalette.ColorGroup.Active if view.isActiveWindow()
                 else QPalette.ColorGroup.Inactive)
        ink = view.palette().color(group, QPalette.ColorRole.HighlightedText)
        for _col, x, width in columns:
            option.rect = QRect(x, y, width, height)
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option,
                                painter, view)
        self._row(painter, row, y, height, columns, margin, ink, highlight=ink)

    def _fitted(self, text: str, room: int) -> str:
        """`text` elided on the right to `room` pixels, as Qt elides (kept for repaints)."""
        key = (text, room)
        fitted = self._elided.get(key)
        if fitted is None:
            if len(self._elided) >= _ELIDED_MAX:
                self._elided.clear()
            fitted = self._metrics.elidedText(text, Qt.TextElideMode.ElideRight, room)
            self._elided[key] = fitted
        return fitted

    def _grid(self, painter: QPainter, first: int, last: int,
              columns: list[tuple[int, int, int]], height: int) -> None:
        """The grid line right of and below each cell (the cells stop a pixel short)."""
        view = self._view
        option = QStyleOptionViewItem()
        option.initFrom(view)
        hint = view.style().styleHint(QStyle.StyleHint.SH_Table_GridLineColor, option, view)
        painter.setPen(QColor.fromRgba(hint & 0xFFFFFFFF))
        top = view.rowViewportPosition(first)
        bottom = view.rowViewportPosition(last) + height - 1
        left, right = columns[0][1], columns[-1][1] + columns[-1][2]
        for _col, x, width in columns:
            painter.drawLine(x + width, top, x + width, bottom)
        for y in range(top + height - 1, bottom + 1, height):
            painter.drawLine(left, y, right, y)

    def _focus(self, painter: QPainter, exposed: QRect) -> None:
        view = self._view
        current = view.currentIndex()
        if not (view.hasFocus() and current.isValid()):
            return
        rect = view.visualRect(current)
        if not rect.intersects(exposed):
            return
        option = QStyleOptionFocusRect()
        option.initFrom(view)
        option.rect = rect
        option.state |= QStyle.StateFlag.State_KeyboardFocusChange
        view.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option,
                                   painter, view)

    def _refresh_metrics(self) -> None:
        """Glyph advances of printable ASCII in the view's font (again if the font changed)."""
        font = self._view.font()
        key = font.key()
        if key == self._font_key:
            return
        self._font_key = key
        self._metrics = QFontMetrics(font)
        self._line_height = self._metrics.height()
        self._ascent = self._metrics.ascent()
        self._advances = {chr(c): self._metrics.horizontalAdvance(chr(c)) for c in range(32, 127)}
        self._metrics_f = QFontMetricsF(font)
        self._elided.clear()
        self._rows.clear()
