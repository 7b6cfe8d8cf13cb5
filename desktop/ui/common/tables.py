"""One way to build a read-only result table (batch status, worklist).

Why shared: a clerk moves between these lists with the keyboard, so they must behave
alike: whole rows selected one at a time, nothing editable, Tab leaving the table, no
row numbers, cells copied through the one clipboard helper (cleared on lock).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from desktop.ui.common.clipboard import install_cell_copy


def read_only_table(parent: QWidget, model: QAbstractItemModel, name: str, accessible: str,
                    columns_name: str, widths: Sequence[int]) -> QTableView:
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
    vertical.setAccessibleName("Row numbers")
    vertical.hide()
    vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    vertical.setDefaultSectionSize(table.fontMetrics().height() + 8)
    header = table.horizontalHeader()
    header.setObjectName(name + "Header")
    header.setAccessibleName(columns_name)
    header.setStretchLastSection(True)
    for col, width in enumerate(widths):
        header.resizeSection(col, width)
    install_cell_copy(table)
    return table
