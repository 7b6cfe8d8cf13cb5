"""The worklist screen's widgets and words, apart from its logic.

Names automation relies on: `worklistTable`, `worklistDoneButton`,
`worklistSnoozeButton`, `worklistReassignButton`, `worklistRefreshButton`,
`worklistSummary`, `worklistConflict`, `worklistApplyMineButton`,
`worklistKeepTheirsButton`, `worklistChangedList`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.portal.worklist import Bucket, ChangedClaim, WorkChanges, WorkItem, WorkState
from desktop.portal.worklist import Worklist as WorklistData
from desktop.ui.common.formats import Formats
from desktop.ui.common.tables import read_only_table
from desktop.ui.common.text import heading, plain, set_plain
from desktop.ui.worklist.model import WorklistModel

ERROR_STYLE = "color: #a00000;"
CONFLICT_STYLE = "background: #fff4ce; border: 1px solid #e0c060; color: #3b2f00;"
_WIDTHS = (85, 75, 115, 150, 170, 240, 220, 180, 120)


def _button(parent: QWidget, text: str, name: str, tip: str) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(tip)
    button.setToolTip(tip)
    return button


def describe_item(item: WorkItem, fmt: Formats) -> str:
    state = "done" if item.state is WorkState.DONE else f"due {fmt.date(item.due_date)}"
    note = f', note "{plain(item.note, 120)}"' if item.note else ""
    return f"{state}, assigned to {plain(item.assignee.display_name, 60)}{note}"


def describe_change(change: WorkChanges, fmt: Formats) -> str:
    parts = []
    if change.state is WorkState.DONE:
        parts.append("mark it done")
    if change.due_date is not None:
        parts.append(f"follow up on {fmt.date(change.due_date)}")
    if change.assignee is not None:
        parts.append(f"hand it to {plain(change.assignee, 40)}")
    if change.note is not None:
        parts.append(f'note "{plain(change.note, 120)}"')
    return ", ".join(parts) or "no change"


def conflict_text(theirs: WorkItem, mine: WorkChanges, fmt: Formats) -> str:
    return (f"A colleague changed the follow-up on claim {plain(theirs.claim_number, 40)} "
            f"while you were working.\nTheirs now: {describe_item(theirs, fmt)}.\n"
            f"Yours (kept, not sent yet): {describe_change(mine, fmt)}.")


class WorklistLayout:
    def __init__(self, screen: QWidget, model: WorklistModel) -> None:
        layout = QVBoxLayout(screen)
        layout.addWidget(heading("Worklist", screen, 1.2))
        bar = QHBoxLayout()
        self.done_button = _button(screen, "&Done", "worklistDoneButton",
                                   "Mark the follow-up done (Ctrl+D)")
        self.snooze_button = _button(screen, "&Snooze…", "worklistSnoozeButton",
                                     "Follow up on a later date (S)")
        self.reassign_button = _button(screen, "&Reassign…", "worklistReassignButton",
                                       "Hand the follow-up to a colleague (R)")
        self.refresh_button = _button(screen, "Re&load", "worklistRefreshButton",
                                      "Load the worklist again (F5)")
        for b in (self.done_button, self.snooze_button, self.reassign_button,
                  self.refresh_button):
            bar.addWidget(b)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.summary = QLabel(screen)
        self.summary.setObjectName("worklistSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(self._conflict(screen))
        splitter = QSplitter(Qt.Orientation.Vertical, screen)
        splitter.setObjectName("worklistSplitter")
        self.table = self._table(splitter, model)
        changed_box = QWidget(splitter)
        box = QVBoxLayout(changed_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(heading("Status changed since you last opened them", changed_box, 1.0))
        self.changed = QListWidget(changed_box)
        self.changed.setObjectName("worklistChangedList")
        self.changed.setAccessibleName("Claims whose status changed; Enter opens one")
        box.addWidget(self.changed)
        splitter.addWidget(self.table)
        splitter.addWidget(changed_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

    def _conflict(self, screen: QWidget) -> QFrame:
        self.conflict_frame = QFrame(screen)
        self.conflict_frame.setStyleSheet(CONFLICT_STYLE)
        row = QHBoxLayout(self.conflict_frame)
        self.conflict = QLabel(self.conflict_frame)
        self.conflict.setObjectName("worklistConflict")
        self.conflict.setTextFormat(Qt.TextFormat.PlainText)
        self.conflict.setWordWrap(True)
        row.addWidget(self.conflict, 1)
        self.mine_button = _button(self.conflict_frame, "Apply &mine",
                                   "worklistApplyMineButton",
                                   "Apply your change on top of your colleague's")
        self.theirs_button = _button(self.conflict_frame, "Keep &theirs",
                                     "worklistKeepTheirsButton",
                                     "Drop your change and keep your colleague's")
        row.addWidget(self.mine_button)
        row.addWidget(self.theirs_button)
        self.conflict_frame.hide()
        return self.conflict_frame

    def _table(self, parent: QWidget, model: WorklistModel) -> QTableView:
        return read_only_table(parent, model, "worklistTable",
                               "Your follow-ups; Enter opens the claim",
                               "Columns of the worklist", _WIDTHS)

    # --- words ---------------------------------------------------------------------------

    def say(self, text: str, *, error: bool = False) -> None:
        set_plain(self.summary, text, 800)
        self.summary.setStyleSheet(ERROR_STYLE if error else "")

    def say_counts(self, worklist: WorklistData, fmt: Formats) -> None:
        counts = {b: sum(i.bucket is b for i in worklist.items) for b in Bucket}
        text = (f"{fmt.count(counts[Bucket.OVERDUE])} overdue, "
                f"{fmt.count(counts[Bucket.TODAY])} due today, "
                f"{fmt.count(counts[Bucket.UPCOMING])} upcoming; "
                f"{fmt.count(len(worklist.changed))} claims changed since you last opened "
                "them.")
        if not worklist.items:
            text = "Nothing to follow up on. " + text
        self.say(text)

    def fill_changed(self, changed: Sequence[ChangedClaim], role: int) -> None:
        self.changed.clear()
        for c in changed:
            entry = QListWidgetItem(plain(
                f"{c.claim_number}: was {c.seen_status.category} {c.seen_status.label}, "
                f"now {c.status.category} {c.status.label}", 300))
            entry.setData(role, (c.claim_id, c.claim_number))
            self.changed.addItem(entry)

    def show_conflict(self, text: str | None) -> None:
        if text is None:
            self.conflict.clear()
            self.conflict_frame.hide()
            return
        set_plain(self.conflict, text, 1200)
        self.conflict_frame.show()
