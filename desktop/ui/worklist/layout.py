"""The worklist screen's widgets and words, apart from its logic.

Names automation relies on: `worklistTable`, `worklistDoneButton`,
`worklistSnoozeButton`, `worklistReassignButton`, `worklistRefreshButton`,
`worklistSummary`, `worklistConflict`, `worklistApplyMineButton`,
`worklistKeepTheirsButton`, `worklistChangedList`.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
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
from desktop.ui.common.a11y import Urgency, message_label, set_message
from desktop.ui.common.formats import Formats, plural
from desktop.ui.common.i18n import translate
from desktop.ui.common.style import Role, gap, mark
from desktop.ui.common.tables import read_only_table
from desktop.ui.common.text import plain, plain_label
from desktop.ui.worklist.model import WorklistModel

#: The usual longest value of each column (the font decides the pixels).
_SAMPLES = ("12/31/2026", "Upcoming", "26229000000099", "Testington, Alice",
            "Finalized: denied (F2)", "Appeal or ask for reconsideration",
            "Deadline passed: 88 days late", 20,
            "Pat Placeholder")
_STRETCH = 7  # the note takes the spare width



def _button(parent: QWidget, text: str, name: str, tip: str) -> QPushButton:
    button = QPushButton(text, parent)
    button.setObjectName(name)
    button.setAccessibleName(tip)
    button.setToolTip(tip)
    return button


def _status(words: str, code: str) -> str:
    """`Pending (P1)`: words first, the code for those who know it."""
    if not words:
        return code
    return translate("WorklistLayout", "{words} ({code})").format(words=words, code=code)


def describe_item(item: WorkItem, fmt: Formats) -> str:
    if item.state is WorkState.DONE:
        state = translate("WorklistLayout", "done")
    else:
        state = translate("WorklistLayout", "due {date}").format(date=fmt.date(item.due_date))
    who = plain(item.assignee.display_name, 60)
    if item.note:
        return translate("WorklistLayout", '{state}, assigned to {who}, note "{note}"').format(
            state=state, who=who, note=plain(item.note, 120))
    return translate("WorklistLayout", "{state}, assigned to {who}").format(state=state, who=who)


def describe_change(change: WorkChanges, fmt: Formats) -> str:
    parts = []
    if change.state is WorkState.DONE:
        parts.append(translate("WorklistLayout", "mark it done"))
    if change.due_date is not None:
        parts.append(translate("WorklistLayout", "follow up on {date}").format(
            date=fmt.date(change.due_date)))
    if change.assignee is not None:
        parts.append(translate("WorklistLayout", "hand it to {who}").format(
            who=plain(change.assignee, 40)))
    if change.note is not None:
        parts.append(translate("WorklistLayout", 'note "{note}"').format(
            note=plain(change.note, 120)))
    return ", ".join(parts) or translate("WorklistLayout", "no change")


def conflict_text(theirs: WorkItem, mine: WorkChanges, fmt: Formats) -> str:
    return translate("WorklistLayout",
                     "A colleague changed the follow-up on claim {claim} while you were "
                     "working.\nTheirs now: {theirs}.\nYours (kept, not sent yet): {mine}.").format(
        claim=plain(theirs.claim_number, 40), theirs=describe_item(theirs, fmt),
        mine=describe_change(mine, fmt))


class WorklistLayout(QObject):
    """The widgets; a QObject so that its plural texts go through `tr()` (lupdate marks
    plural forms only there)."""

    def __init__(self, screen: QWidget, model: WorklistModel) -> None:
        super().__init__(screen)
        layout = QVBoxLayout(screen)
        layout.setSpacing(gap(screen))
        title = plain_label(self.tr("Worklist"), screen)
        title.setObjectName("worklistTitle")
        mark(title, Role.HEADING)
        layout.addWidget(title)
        bar = QHBoxLayout()
        self.done_button = _button(screen, self.tr("&Done"), "worklistDoneButton",
                                   self.tr("Mark the follow-up done (Ctrl+D)"))
        self.snooze_button = _button(screen, self.tr("&Snooze…"), "worklistSnoozeButton",
                                     self.tr("Follow up on a later date (S)"))
        self.reassign_button = _button(screen, self.tr("&Reassign…"), "worklistReassignButton",
                                       self.tr("Hand the follow-up to a colleague (R)"))
        self.refresh_button = _button(screen, self.tr("Re&load"), "worklistRefreshButton",
                                      self.tr("Load the worklist again (F5)"))
        for b in (self.done_button, self.snooze_button, self.reassign_button,
                  self.refresh_button):
            bar.addWidget(b)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.summary = message_label(screen, "worklistSummary", self.tr("Worklist summary"))
        layout.addWidget(self.summary)
        layout.addWidget(self._conflict(screen))
        splitter = self.splitter = QSplitter(Qt.Orientation.Vertical, screen)
        splitter.setObjectName("worklistSplitter")
        self.table = self._table(splitter, model)
        changed_box = QWidget(splitter)
        box = QVBoxLayout(changed_box)
        box.setContentsMargins(0, 0, 0, 0)
        changed_title = plain_label(self.tr("Status changed since you last opened them"),
                                    changed_box)
        mark(changed_title, Role.SUBHEADING)
        box.addWidget(changed_title)
        self.changed = QListWidget(changed_box)
        self.changed.setObjectName("worklistChangedList")
        self.changed.setAccessibleName(self.tr("Claims whose status changed; Enter opens one"))
        box.addWidget(self.changed)
        splitter.addWidget(self.table)
        splitter.addWidget(changed_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

    def _conflict(self, screen: QWidget) -> QFrame:
        self.conflict_frame = QFrame(screen)
        self.conflict_frame.setObjectName("worklistConflictFrame")
        mark(self.conflict_frame, Role.NOTICE)
        row = QHBoxLayout(self.conflict_frame)
        self.conflict = message_label(self.conflict_frame, "worklistConflict",
                                      self.tr("A colleague changed this follow-up"))
        row.addWidget(self.conflict, 1)
        self.mine_button = _button(self.conflict_frame, self.tr("Apply &mine"),
                                   "worklistApplyMineButton",
                                   self.tr("Apply your change on top of your colleague's"))
        self.theirs_button = _button(self.conflict_frame, self.tr("Keep &theirs"),
                                     "worklistKeepTheirsButton",
                                     self.tr("Drop your change and keep your colleague's"))
        row.addWidget(self.mine_button)
        row.addWidget(self.theirs_button)
        self.conflict_frame.hide()
        return self.conflict_frame

    def _table(self, parent: QWidget, model: WorklistModel) -> QTableView:
        return read_only_table(parent, model, "worklistTable",
                               self.tr("Your follow-ups; Enter opens the claim"),
                               self.tr("Columns of the worklist"), _SAMPLES, _STRETCH)

    # --- words ---------------------------------------------------------------------------

    def say(self, text: str, *, error: bool = False) -> None:
        """Show (and announce) what the screen has to say; errors marked as such."""
        mark(self.summary, Role.ERROR if error else None)
        set_message(self.summary, plain(text, 800, multiline=True),
                    Urgency.ASSERTIVE if error else Urgency.POLITE)

    def say_counts(self, worklist: WorklistData, fmt: Formats) -> None:
        counts = {b: sum(i.bucket is b for i in worklist.items) for b in Bucket}
        n = len(worklist.changed)
        changed = plural(self.tr("%Ln claim(s) changed since you last opened them", None, n),
                         n)
        if not worklist.items:
            # a list of zeros tells a new clerk nothing; how to fill the list does
            text = (self.tr("Nothing to follow up on; {changed}.").format(changed=changed)
                    if n else
                    self.tr('Nothing to follow up on. To add a claim, open it and press '
                            '"Follow up on…".'))
        else:
            text = self.tr("{overdue} overdue, {today} due today, {upcoming} upcoming; "
                       "{changed}.").format(
                overdue=fmt.count(counts[Bucket.OVERDUE]),
                today=fmt.count(counts[Bucket.TODAY]),
                upcoming=fmt.count(counts[Bucket.UPCOMING]), changed=changed)
        self.say(text)

    def fill_changed(self, changed: Sequence[ChangedClaim], role: int) -> None:
        self.changed.clear()
        for c in changed:
            entry = QListWidgetItem(plain(self.tr("{claim}: was {before}, now {after}").format(
                claim=c.claim_number, before=_status(c.seen_status.label, c.seen_status.category),
                after=_status(c.status.label, c.status.category)), 300))
            entry.setData(role, (c.claim_id, c.claim_number))
            self.changed.addItem(entry)

    def show_conflict(self, text: str | None) -> None:
        if text is None:
            self.conflict.clear()
            self.conflict_frame.hide()
            return
        set_message(self.conflict, plain(text, 1200, multiline=True), Urgency.ASSERTIVE)
        self.conflict_frame.show()
