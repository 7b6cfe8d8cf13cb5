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

from PySide6.QtCore import QModelIndex, QPointF, QRect, Qt
from PySide6.QtGui import QColor, QFontMetrics, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyleOptionFocusRect, QStyleOptionViewItem, QTableView

from desktop.ui.claims.model import (
    COL_STATUS,
    COLUMNS,
    MONEY_COLUMNS,
    R_CATEGORY,
    ClaimsTableModel,
)
from desktop.ui.claims.status import status_qcolours

#: Elided texts kept for repaints (the status column repeats a few dozen labels).
_ELIDED_MAX = 4096
#: Whether the column's text is drawn flush right (money), as the model's alignment says.
_RIGHT = tuple(c in MONEY_COLUMNS for c in range(len(COLUMNS)))


class CellPainter:
    """Draws the visible part of a `ClaimsTable` the way its delegate would, only faster."""

    def __init__(self, view: QTableView, model: ClaimsTableModel) -> None:
        self._view = view
        self._model = model
        self._elided: dict[tuple[str, int], str] = {}
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
        for row in range(first, last + 1):
            y = view.rowViewportPosition(row)
            painter.fillRect(left, y, right - left, height - grid,
                             colours[1] if row % 2 and view.alternatingRowColors()
                             else colours[0])
            chosen = self._selected_columns(row, columns)
            plain = [c for c in columns if c[0] not in chosen] if chosen else columns
            if plain:
                self._row(painter, row, y, height - grid, plain, margin, colours[2])
            if chosen:
                self._selected_row(painter, row, y, height - grid,
                                   [c for c in columns if c[0] in chosen], margin)
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

    def _selected_columns(self, row: int, columns: list[tuple[int, int, int]]) -> set[int]:
        """The columns of `row` that are selected (the whole row, as the clerk selects)."""
        selection = self._view.selectionModel()
        if selection is None or not selection.rowIntersectsSelection(row, QModelIndex()):
            return set()
        model = self._model
        return {col for col, _x, _w in columns if selection.isSelected(model.index(row, col))}

    def _row(self, painter: QPainter, row: int, y: int, height: int,
             columns: list[tuple[int, int, int]], margin: int, ink: QColor) -> None:
        model = self._model
        r = model.row_at(row)
        pen = ink
        painter.setPen(ink)
        for col, x, width in columns:
            if col == COL_STATUS:
                background, foreground = status_qcolours(r[R_CATEGORY])
                painter.fillRect(x, y, width, height, background)
                painter.setPen(foreground)
                pen = foreground
            elif pen is not ink:
                painter.setPen(ink)
                pen = ink
            self._text(painter, model.text(r, col), col, x, y, width, height, margin)

    def _selected_row(self, painter: QPainter, row: int, y: int, height: int,
                      columns: list[tuple[int, int, int]], margin: int) -> None:
        """Selected cells: the style draws their highlight, as the delegate would."""
        view, model = self._view, self._model
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.state |= QStyle.StateFlag.State_Selected
        option.showDecorationSelected = True
        style = view.style()
        group = (QPalette.ColorGroup.Active if view.isActiveWindow()
                 else QPalette.ColorGroup.Inactive)
        ink = view.palette().color(group, QPalette.ColorRole.HighlightedText)
        r = model.row_at(row)
        for col, x, width in columns:
            option.rect = QRect(x, y, width, height)
            style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option,
                                painter, view)
            painter.setPen(ink)
            self._text(painter, model.text(r, col), col, x, y, width, height, margin)

    def _text(self, painter: QPainter, text: str, col: int, x: int, y: int, width: int,
              height: int, margin: int) -> None:
        if not text:
            return
        room = width - 2 * margin
        if room <= 0:
            return
        # Centred as the style centres a laid-out line: whole pixels, rounded down. Drawn
        # at its baseline point: the rectangle-and-flags call lays the text out again to
        # place it, about twice the time, for the same pixels (the fitted text fits).
        fitted = self._fitted(text, room)
        baseline = y + (height - self._line_height) // 2 + self._ascent
        if _RIGHT[col]:  # flush right at the text's exact (fractional) width, as Qt places it
            painter.drawText(QPointF(x + margin + room - self._metrics_f.horizontalAdvance(fitted),
                                     baseline), fitted)
        else:
            painter.drawText(x + margin, baseline, fitted)

    def _fitted(self, text: str, room: int) -> str:
        """`text`, or elided on the right when it may be wider than `room` pixels.

        Measuring every cell would lay each text out twice; for ASCII text the sum of
        the glyphs' advances is known from a table, and only texts whose sum does not
        fit comfortably are measured (and elided) by Qt.
        """
        if text.isascii():
            advances = self._advances
            try:
                if sum(map(advances.__getitem__, text)) < room - 1:  # kerning: a pixel spare
                    return text
            except KeyError:
                pass
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
        for row in range(first, last + 1):
            y = view.rowViewportPosition(row) + height - 1
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
