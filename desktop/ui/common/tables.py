"""One way to build a read-only result table (batch status, worklist).

Why shared: a clerk moves between these lists with the keyboard, so they must behave
alike: whole rows selected one at a time, nothing editable, Tab leaving the table, no
row numbers, cells copied through the one clipboard helper (cleared on lock).

Column widths are given in characters, not pixels, and turned into pixels with the
table's font: at 150% or 200% scaling, or with a large OS font, a column that fitted
"Claim number" still does.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.ui.common.clipboard import install_cell_copy
from desktop.ui.common.i18n import translate


def char_widths(widget: QWidget, chars: Sequence[float]) -> list[int]:
    """Pixel widths for columns `chars` average characters wide (plus cell padding)."""
    fm = widget.fontMetrics()
    unit, pad = fm.averageCharWidth(), fm.height()
    return [round(n * unit) + pad for n in chars]


def row_height(widget: QWidget) -> int:
    """One line of text and a little air, from the font (not a fixed pixel count)."""
    fm = widget.fontMetrics()
    return fm.height() + max(6, fm.height() // 2)


def read_only_table(parent: QWidget, model: QAbstractItemModel, name: str, accessible: str,
                    columns_name: str, chars: Sequence[float]) -> QTableView:
    """`chars`: each column's width in average characters of the table's font."""
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
    header.setStretchLastSection(True)
    header.setSectionsMovable(True)
    for col, width in enumerate(char_widths(table, chars)):
        header.resizeSection(col, width)
    install_cell_copy(table)
    return table
