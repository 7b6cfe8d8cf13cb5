"""The worklist table: the clerk's open follow-ups, due first, with what to do next.

Rows are the portal's `WorkItem`s in its order (due date); "what to do next" comes from
the same playbook as everywhere, applied to each claim's batch status, which arrives
with the list. The bucket ("Overdue", "Today", "Upcoming") is always written out, the
colour only helps.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.nextstep import NextStep
from desktop.portal.worklist import Bucket, WorkItem
from desktop.ui.claims.explain import CodeWords, status_words
from desktop.ui.common.formats import Formats
from desktop.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from desktop.ui.common.nextstep import deadline_cell, step_tone
from desktop.ui.common.style import Tone, tone_colours
from desktop.ui.common.text import plain

COLUMNS: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("WorklistModel", "Due"), QT_TRANSLATE_NOOP("WorklistModel", "When"),
    QT_TRANSLATE_NOOP("WorklistModel", "Claim number"),
    QT_TRANSLATE_NOOP("WorklistModel", "Patient"), QT_TRANSLATE_NOOP("WorklistModel", "Status"),
    QT_TRANSLATE_NOOP("WorklistModel", "What to do next"),
    QT_TRANSLATE_NOOP("WorklistModel", "Deadline"), QT_TRANSLATE_NOOP("WorklistModel", "Note"),
    QT_TRANSLATE_NOOP("WorklistModel", "Assigned to"))
(COL_DUE, COL_WHEN, COL_NUMBER, COL_PATIENT, COL_STATUS, COL_NEXT, COL_DEADLINE, COL_NOTE,
 COL_ASSIGNEE) = range(len(COLUMNS))
BUCKET_WORDS: dict[Bucket, object] = {
    Bucket.OVERDUE: QT_TRANSLATE_NOOP("WorklistModel", "Overdue"),
    Bucket.TODAY: QT_TRANSLATE_NOOP("WorklistModel", "Today"),
    Bucket.UPCOMING: QT_TRANSLATE_NOOP("WorklistModel", "Upcoming")}
_BUCKET_TONES = {Bucket.OVERDUE: Tone.BAD, Bucket.TODAY: Tone.WARN}


def bucket_words(bucket: Bucket | None) -> str:
    if bucket is None:
        return translate("WorklistModel", "Done")
    return translate("WorklistModel", str(BUCKET_WORDS[bucket]))
_NoIndex = QModelIndex()


class WorklistModel(QAbstractTableModel):
    def __init__(self, formats: Formats, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fmt = formats
        self.items: list[WorkItem] = []
        self.steps: dict[str, NextStep | None] = {}
        self.today = date.today()
        self.words = CodeWords()

    def set_items(self, items: list[WorkItem], steps: dict[str, NextStep | None]) -> None:
        self.beginResetModel()
        self.items, self.steps = list(items), dict(steps)
        self.today = date.today()
        self.endResetModel()

    def clear(self) -> None:
        self.set_items([], {})

    def row_of(self, item_id: str) -> int | None:
        return next((i for i, it in enumerate(self.items) if it.item_id == item_id), None)

    def replace(self, item: WorkItem) -> None:
        """The portal's answer to a change: the row is updated, or goes when the item is
        no longer the clerk's open work (done, handed to a colleague)."""
        row = self.row_of(item.item_id)
        if row is None:
            return
        if item.bucket is None or item.assignee != self.items[row].assignee:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.items[row]
            self.endRemoveRows()
            return
        self.items[row] = item
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NoIndex) -> int:
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _NoIndex) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(COLUMNS):
                return translate("WorklistModel", str(COLUMNS[section]))
            return None
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item, col = self.items[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(item, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_STATUS:
            return self.text(item, col) or None  # the whole status when the cell elides it
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_NOTE, COL_NEXT):
            step = self.steps.get(item.claim_number)
            tip = item.note if col == COL_NOTE else (step.advice if step else "")
            return plain(tip, 600) or None
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            tone = self._tone(item, col)
            if tone is None:
                return None
            return tone_colours(tone)[0 if role == Qt.ItemDataRole.BackgroundRole else 1]
        return None

    def _tone(self, item: WorkItem, col: int) -> Tone | None:
        if col == COL_WHEN and item.bucket is not None:
            return _BUCKET_TONES.get(item.bucket)
        if col == COL_DEADLINE:
            return step_tone(self.steps.get(item.claim_number), self.today)
        return None

    def text(self, item: WorkItem, col: int) -> str:
        step = self.steps.get(item.claim_number)
        if col == COL_DUE:
            return self._fmt.date(item.due_date)
        if col == COL_WHEN:
            return bucket_words(item.bucket)
        if col == COL_NUMBER:
            return plain(item.claim_number, 60)
        if col == COL_PATIENT:
            return plain(item.patient_name, 120)
        if col == COL_STATUS:
            words = status_words(item.status.category, self.words, item.status.label)
            return plain(translate("WorklistModel", "{words} ({code})").format(
                words=words, code=item.status.category) if words else item.status.category,
                160)
        if col == COL_NEXT:
            return plain(step.label, 100) if step else ""
        if col == COL_DEADLINE:
            return deadline_cell(step, self.today)
        if col == COL_NOTE:
            return plain(item.note, 120)
        if col == COL_ASSIGNEE:
            return plain(item.assignee.display_name or item.assignee.username, 80)
        return ""
