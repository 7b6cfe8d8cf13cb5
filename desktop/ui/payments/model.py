"""The payments found by a search, as a table model (the rows of one or more pages)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop.portal.payments import PaymentSummary
from desktop.ui.common.formats import Formats
from desktop.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from desktop.ui.common.text import plain
from desktop.ui.payments.words import method_words

COLUMNS: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("PaymentsModel", "Paid"), QT_TRANSLATE_NOOP("PaymentsModel", "Method"),
    QT_TRANSLATE_NOOP("PaymentsModel", "Trace / check no."),
    QT_TRANSLATE_NOOP("PaymentsModel", "Claims"), QT_TRANSLATE_NOOP("PaymentsModel", "Deposit"))
SHORT_METHODS: dict[str, object] = {"ACH": QT_TRANSLATE_NOOP("PaymentsModel", "EFT"),
                                    "CHK": QT_TRANSLATE_NOOP("PaymentsModel", "Check"),
                                    "NON": QT_TRANSLATE_NOOP("PaymentsModel", "Notice")}
COL_PAID, COL_METHOD, COL_TRACE, COL_CLAIMS, COL_TOTAL = range(len(COLUMNS))
PAYMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
AnyIndex = QModelIndex | QPersistentModelIndex


class PaymentsModel(QAbstractTableModel):
    """Rows are kept as the formatted strings they show, computed once per page."""

    def __init__(self, fmt: Formats, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fmt = fmt
        self._items: list[PaymentSummary] = []
        self._cells: list[tuple[str, ...]] = []

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_METHOD:
            return method_words(self._items[index.row()].method)
        if role == PAYMENT_ID_ROLE:
            return self._items[index.row()].payment_id
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (COL_CLAIMS,
                                                                            COL_TOTAL):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            return translate("PaymentsModel", str(COLUMNS[section]))
        return None

    def _cells_of(self, p: PaymentSummary) -> tuple[str, ...]:
        fmt = self._fmt
        short = SHORT_METHODS.get(p.method)
        method = translate("PaymentsModel", str(short)) if short else plain(p.method, 8)
        return (fmt.date(p.paid_date), method,
                plain(p.trace_number, 60),
                fmt.count(p.claim_count), fmt.amount(p.total_amount))

    def set_items(self, items: Sequence[PaymentSummary]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self._cells = [self._cells_of(p) for p in self._items]
        self.endResetModel()

    def append(self, items: Sequence[PaymentSummary]) -> None:
        if not items:
            return
        start = len(self._items)
        self.beginInsertRows(QModelIndex(), start, start + len(items) - 1)
        self._items += items
        self._cells += [self._cells_of(p) for p in items]
        self.endInsertRows()

    def item(self, row: int) -> PaymentSummary | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def items(self) -> list[PaymentSummary]:
        return list(self._items)
