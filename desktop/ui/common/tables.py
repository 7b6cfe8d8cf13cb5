"""One way to build a read-only result table (batch status, worklist).

Why shared: a clerk moves between these lists with the keyboard, so they must behave
alike: whole rows selected one at a time, nothing editable, Tab leaving the table, no
row numbers, cells copied through the one clipboard helper (cleared on lock).

Column widths are given as a sample of the longest usual value (or a count of
characters), never in pixels, and measured with the table's font: at 150% or 200%
scaling, or with a large OS font, a column that fitted "26229000000099" still does. A
column no narrower than its header, and the one column that takes the spare width (the
one whose text is longest, not whichever happens to be last).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QSplitter, QTableView, QWidget

from desktop.ui.common.clipboard import install_cell_copy
from desktop.ui.common.i18n import translate
from desktop.ui.viewstate import ViewState

Sample = str | float


def char_widths(widget: QWidget, samples: Sequence[Sample],
                headers: Sequence[str] = ()) -> list[int]:
    """Pixel widths that fit each sample text (or that many average characters), and
    the column's header, plus the cell's padding."""
    fm = widget.fontMetrics()
    pad = fm.height()
    bold = QFont(widget.font())
    bold.setBold(True)
    head = QFontMetrics(bold)
    out = []
    for col, sample in enumerate(samples):
        width = (fm.horizontalAdvance(sample) if isinstance(sample, str)
                 else round(sample * fm.averageCharWidth()))
        if col < len(headers):
            width = max(width, head.horizontalAdvance(headers[col]))
        out.append(width + pad)
    return out


def row_height(widget: QWidget) -> int:
    """One line of text and a little air, from the font (not a fixed pixel count)."""
    fm = widget.fontMetrics()
    return fm.height() + max(6, fm.height() // 2)


def read_only_table(parent: QWidget, model: QAbstractItemModel, name: str, accessible: str,
                    columns_name: str, samples: Sequence[Sample],
                    stretch: int | None = None) -> QTableView:
    """`samples`: each column's usual longest text (or width in characters); `stretch`:
    the column that takes the spare width (the last when None)."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    table.setCornerButtonEnabled(False)
    vertical = table.verticalHeader()
    vertical.setObjectName(name + "RowHeader")
    vertical.setAccessibleName(translate("Tables", "Row numbers"))
    vertical.hide()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(row_height(table))
    header = table.horizontalHeader()
    header.setObjectName(name + "Header")
    header.setAccessibleName(columns_name)
    header.setSectionsMovable(True)
    titles = [str(model.headerData(c, Qt.Orientation.Horizontal) or "")
              for c in range(model.columnCount())]
    for col, width in enumerate(char_widths(table, samples, titles)):
        header.resizeSection(col, width)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    install_cell_copy(table)
    return table


def remember(view: ViewState, key: str, widget: QHeaderView | QSplitter) -> bool:
    """Keep a header's column widths and order (or a splitter's sizes) between runs.

    Restores what was saved under `key` (True when there was something) and saves again
    whenever the clerk changes it. Layout is not personal data (`desktop.ui.viewstate`).
    """
    saved = view.load_bytes(key)
    restored = saved is not None and widget.restoreState(saved)

    def save(*_args: object) -> None:
        view.save_bytes(key, widget.saveState())

    if isinstance(widget, QHeaderView):
        widget.sectionResized.connect(save)
        widget.sectionMoved.connect(save)
    else:
        widget.splitterMoved.connect(save)
    return bool(restored)
