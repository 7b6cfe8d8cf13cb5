"""The batch status table: one row per distinct number, filled chunk by chunk.

The model only looks at a `BatchRun` (what was sent and what came back) and the invalid
entries; cell text is made when a cell is painted. "What to do next" is worked out once
per row when its answer arrives (and again if the playbook arrives later).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.batchinput import Invalid
from desktop.batchrun import BatchRun, RowState
from desktop.nextstep import NextStep, facts_from_batch, next_step
from desktop.portal.playbook import EMPTY_PLAYBOOK, Playbook
from desktop.ui.claims.explain import CodeWords, status_words
from desktop.ui.common.formats import Formats, local_date
from desktop.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from desktop.ui.common.nextstep import deadline_cell, step_tone
from desktop.ui.common.style import Tone, tone_colours
from desktop.ui.common.text import plain

COLUMNS: tuple[object, ...] = (
    QT_TRANSLATE_NOOP("BatchModel", "Claim number"), QT_TRANSLATE_NOOP("BatchModel", "Result"),
    QT_TRANSLATE_NOOP("BatchModel", "Status"), QT_TRANSLATE_NOOP("BatchModel", "Billed"),
    QT_TRANSLATE_NOOP("BatchModel", "Paid"), QT_TRANSLATE_NOOP("BatchModel", "Paid date"),
    QT_TRANSLATE_NOOP("BatchModel", "Payment number"),
    QT_TRANSLATE_NOOP("BatchModel", "What to do next"),
    QT_TRANSLATE_NOOP("BatchModel", "Deadline"))
(COL_NUMBER, COL_RESULT, COL_STATUS, COL_BILLED, COL_PAID, COL_PAID_DATE, COL_PAYMENT,
 COL_NEXT, COL_DEADLINE) = range(len(COLUMNS))
CLAIM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_STATE_TONES = {RowState.INVALID: Tone.BAD, RowState.NOT_FOUND: Tone.NEUTRAL,
                RowState.NOT_CHECKED: Tone.WARN}
_STATE_WORDS: dict[RowState, object] = {
    RowState.INVALID: QT_TRANSLATE_NOOP("BatchModel", "Not a claim number"),
    RowState.WAITING: QT_TRANSLATE_NOOP("BatchModel", "Waiting"),
    RowState.FOUND: QT_TRANSLATE_NOOP("BatchModel", "Found"),
    RowState.NOT_FOUND: QT_TRANSLATE_NOOP("BatchModel", "Not found"),
    RowState.NOT_CHECKED: QT_TRANSLATE_NOOP("BatchModel", "Not checked"),
}


def status_cell(category: str, words: str) -> str:
    """`Finalized: denied (F2)`: the words a clerk reads first, the code for those who
    know it after."""
    if not words:
        return category
    return translate("BatchModel", "{words} ({code})").format(words=words, code=category)


def state_words(state: RowState) -> str:
    """A row's result in words (translated), for the table and the CSV."""
    return translate("BatchModel", str(_STATE_WORDS[state]))
_NoIndex = QModelIndex()


class BatchModel(QAbstractTableModel):
    def __init__(self, formats: Formats, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fmt = formats
        self.run: BatchRun | None = None
        self.invalid: list[Invalid] = []
        self._steps: dict[int, NextStep | None] = {}
        self._texts: dict[int, tuple[str, ...]] = {}
        self._words = CodeWords()
        self.today = date.today()

    # --- contents ------------------------------------------------------------------------

    def start(self, run: BatchRun, invalid: list[Invalid]) -> None:
        self.beginResetModel()
        self.run, self.invalid, self._steps = run, list(invalid), {}
        self._texts = {}
        self.today = date.today()
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.run, self.invalid, self._steps = None, [], {}
        self._texts = {}
        self.endResetModel()

    def set_words(self, words: CodeWords) -> None:
        self._words = words
        if self.run is not None:
            self._steps = {row: self._step(row) for row in self.run.claims}
            self._texts = {}
            self._changed(0, self.rowCount() - 1)

    @property
    def playbook(self) -> Playbook:
        return self._words.playbook or EMPTY_PLAYBOOK

    def _step(self, row: int) -> NextStep | None:
        assert self.run is not None
        return next_step(facts_from_batch(self.run.claims[row]), self.playbook)

    def rows_changed(self, rows: list[int],
                     steps: Mapping[str, NextStep | None] | None = None) -> None:
        """Rows whose answer arrived; `steps` (by claim number) were worked out on the
        worker thread with the answer, so the GUI thread only stores them."""
        if not rows or self.run is None:
            return
        for row in rows:
            self._texts.pop(row, None)
            if row in self.run.claims:
                number = self.run.numbers[row]
                self._steps[row] = steps[number] if steps is not None and number in steps \
                    else self._step(row)
        self._changed(min(rows), max(rows))

    def _changed(self, first: int, last: int) -> None:
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))

    def step(self, row: int) -> NextStep | None:
        return self._steps.get(row)

    def claim_ref(self, row: int) -> tuple[str, str] | None:
        """(claim id, claim number) of a found row."""
        if self.run is None or row not in self.run.claims:
            return None
        s = self.run.claims[row].summary
        return s.claim_id, s.claim_number

    # --- Qt model ------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = _NoIndex) -> int:
        if parent.isValid():
            return 0
        return (len(self.run.numbers) if self.run else 0) + len(self.invalid)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = _NoIndex) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(COLUMNS):
                return translate("BatchModel", str(COLUMNS[section]))
            return None
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (COL_RESULT, COL_NEXT):
            return self.tip(row)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_STATUS:
            return self.text(row, col) or None  # the whole status when the cell elides it
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            tone = self._tone(row, col)
            if tone is None:
                return None
            return tone_colours(tone)[0 if role == Qt.ItemDataRole.BackgroundRole else 1]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_BILLED, COL_PAID):
            return _RIGHT
        if role == CLAIM_ID_ROLE:
            ref = self.claim_ref(row)
            return ref[0] if ref else None
        return None

    @property
    def valid_count(self) -> int:
        return len(self.run.numbers) if self.run else 0

    def invalid_at(self, row: int) -> Invalid:
        return self.invalid[row - self.valid_count]

    def state(self, row: int) -> RowState:
        if self.run is None or row >= self.valid_count:
            return RowState.INVALID
        return self.run.states[row]

    def _tone(self, row: int, col: int) -> Tone | None:
        if col == COL_RESULT:
            return _STATE_TONES.get(self.state(row))
        if col == COL_DEADLINE:
            return step_tone(self._steps.get(row), self.today)
        return None

    def tip(self, row: int) -> str | None:
        state = self.state(row)
        if state is RowState.INVALID:
            return plain(self.invalid_at(row).reason, 200)
        step = self._steps.get(row)
        if step is None:
            return None
        return plain(translate("BatchModel", "{advice} (Rule: {source})").format(
            advice=step.advice, source=step.source), 600)

    def text(self, row: int, col: int) -> str:
        """A cell's text; a row's cells are made once and kept (a paint asks for every
        cell with several roles, and the row only changes when its answer arrives)."""
        texts = self._texts.get(row)
        if texts is None:
            texts = self._texts[row] = self._row_texts(row)
        return texts[col]

    def _row_texts(self, row: int) -> tuple[str, ...]:
        return tuple(self._cell(row, col) for col in range(len(COLUMNS)))

    def _cell(self, row: int, col: int) -> str:
        state = self.state(row)
        if state is RowState.INVALID:
            bad = self.invalid_at(row)
            return {COL_NUMBER: plain(bad.text, 60), COL_RESULT: state_words(state)}.get(col, "")
        assert self.run is not None
        if col == COL_NUMBER:
            return plain(self.run.numbers[row], 60)
        if col == COL_RESULT:
            return state_words(state)
        claim = self.run.claims.get(row)
        if claim is None:
            return ""
        s, fmt = claim.summary, self._fmt
        step = self._steps.get(row)
        cells = {
            COL_STATUS: plain(status_cell(s.status.category, status_words(
                s.status.category, self._words, s.status.label)), 160),
            COL_BILLED: fmt.amount(s.billed_amount),
            COL_PAID: fmt.amount(s.paid_amount),
            COL_PAID_DATE: fmt.date(local_date(s.paid_at)),
            COL_PAYMENT: plain(s.payment_number or "", 60),
            COL_NEXT: plain(step.label, 100) if step else "",
            COL_DEADLINE: self.deadline_cell(step),
        }
        return cells.get(col, "")

    def deadline_cell(self, step: NextStep | None) -> str:
        return deadline_cell(step, self.today)
