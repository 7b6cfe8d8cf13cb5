"""The worklist: follow-ups due today, overdue and upcoming, and claims that changed.

Everything shown lives on the portal (follow-ups, notes, last-seen statuses): the
screen keeps it in memory only and drops it at sign-out. Changes go with the item's
ETag; when a colleague changed the item meanwhile (412), the screen fetches theirs and
shows both, keeping the clerk's change until they choose: apply mine on top of theirs,
or keep theirs. Keyboard: Enter opens the claim, Ctrl+D or Delete marks done, S snoozes,
R hands the item to a colleague, F5 reloads.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from enum import Enum, auto

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QListWidgetItem, QWidget

from desktop.nextstep import NextStep, facts_from_batch, next_step
from desktop.portal.api import PortalApi
from desktop.portal.errors import (
    PolicyAcceptanceRequired,
    PortalError,
    PreconditionFailed,
    ValidationFailed,
)
from desktop.portal.worklist import BATCH_MAX, BatchClaim, UserRef, WorkChanges, WorkItem, WorkState
from desktop.portal.worklist import Worklist as WorklistData
from desktop.ui.claims.codes import CodeBook
from desktop.ui.common.errors import describe
from desktop.ui.common.formats import Formats
from desktop.ui.common.i18n import QT_TRANSLATE_NOOP
from desktop.ui.common.tables import remember
from desktop.ui.common.text import plain
from desktop.ui.context import ScreenContext
from desktop.ui.screen import Screen
from desktop.ui.worklist import dialogs
from desktop.ui.worklist.layout import WorklistLayout, conflict_text
from desktop.ui.worklist.model import WorklistModel

CHANGED_ROLE = Qt.ItemDataRole.UserRole + 1
Loaded = tuple[WorklistData, dict[str, BatchClaim]]


class _Op(Enum):
    LOAD = auto()
    CHANGE = auto()
    FETCH = auto()
    ASSIGNEES = auto()


def load_worklist(api: PortalApi) -> Loaded:
    """Worker thread: the list, then the status of its claims for "what to do next"."""
    worklist = api.get_worklist()
    numbers = list(dict.fromkeys(i.claim_number for i in worklist.items))
    claims: dict[str, BatchClaim] = {}
    for start in range(0, len(numbers), BATCH_MAX):
        for found in api.status_batch(numbers[start:start + BATCH_MAX]):
            if found.claim is not None:
                claims[found.claim_number] = found.claim
    return worklist, claims


class WorklistScreen(Screen):
    title = str(QT_TRANSLATE_NOOP("Screens", "Worklist"))

    def __init__(self, ctx: ScreenContext, *,
                 ask_date: dialogs.DateQuestion = dialogs.ask_snooze_date,
                 ask_assignee: dialogs.AssigneeQuestion = dialogs.ask_assignee,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("worklistScreen")
        self._ctx = ctx
        self._ops = ctx.ops.scope(self)
        self._fmt = Formats()
        self._ask_date = ask_date
        self._ask_assignee = ask_assignee
        self._claims: dict[str, BatchClaim] = {}
        self._paused = False
        #: A change refused as stale: (their item, my change), until the clerk chooses.
        self.conflict: tuple[WorkItem, WorkChanges] | None = None
        self.codes = CodeBook(ctx.ops, self)
        self.model = WorklistModel(self._fmt, self)
        self.ui = WorklistLayout(self, self.model)
        remember(ctx.view, "worklist/table/header", self.ui.table.horizontalHeader())
        remember(ctx.view, "worklist/splitter", self.ui.splitter)
        self.ui.table.activated.connect(self._activated)
        self.ui.changed.itemActivated.connect(self._open_changed)
        self.ui.refresh_button.clicked.connect(self.load)
        self.ui.done_button.clicked.connect(self.mark_done)
        self.ui.snooze_button.clicked.connect(self.snooze)
        self.ui.reassign_button.clicked.connect(self.reassign)
        self.ui.mine_button.clicked.connect(self.apply_mine)
        self.ui.theirs_button.clicked.connect(self.keep_theirs)
        self.codes.changed.connect(self._refresh_steps)
        for keys, slot in (("Ctrl+D", self.mark_done), ("Delete", self.mark_done),
                           ("S", self.snooze), ("R", self.reassign), ("F5", self.load)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- Screen hooks ------------------------------------------------------------------

    def activate(self) -> None:
        self.codes.ensure()
        self.load()
        self.ui.table.setFocus()

    def clear(self) -> None:
        self._ops.cancel_all()
        self._claims, self.conflict, self._paused = {}, None, False
        self.model.clear()
        self.ui.changed.clear()
        self.codes.clear()
        self.ui.show_conflict(None)
        self.ui.say("")

    def resume(self) -> None:
        if self.codes.interrupted:
            self.codes.ensure()
        if self._paused:
            self._paused = False
            self.load()

    # --- loading -----------------------------------------------------------------------

    def load(self) -> None:
        self.ui.say(self.tr("Loading your worklist…"))
        self._ops.portal(_Op.LOAD, load_worklist, on_success=self._loaded,
                         on_failure=lambda e: self.ui.say(self.tr(
                             "The worklist could not be loaded: {reason}").format(
                                 reason=describe(e)), error=True),
                         on_interrupted=self._interrupted)

    def _interrupted(self, exc: PortalError) -> None:
        self._paused = True
        if isinstance(exc, PolicyAcceptanceRequired):
            self.ui.say(self.tr("Paused until the updated privacy policy is accepted; "
                                "nothing you did is lost."))
        else:
            self.ui.say(self.tr("Paused until you sign in again; nothing you did is lost."))

    def _loaded(self, loaded: Loaded) -> None:
        worklist, self._claims = loaded
        selected = self.selected()
        self.model.set_items(list(worklist.items), self._steps())
        self.ui.fill_changed(worklist.changed, CHANGED_ROLE)
        self.ui.say_counts(worklist, self._fmt)
        row = self.model.row_of(selected.item_id) if selected else None
        self.ui.table.selectRow(row if row is not None else 0)

    def _steps(self) -> dict[str, NextStep | None]:
        book = self.codes.words.playbook
        return {n: next_step(facts_from_batch(c), book) for n, c in self._claims.items()}

    def _refresh_steps(self) -> None:
        self.model.words = self.codes.words
        if self.model.items:
            self.model.set_items(self.model.items, self._steps())

    # --- the selected item ---------------------------------------------------------------

    def selected(self) -> WorkItem | None:
        index = self.ui.table.currentIndex()
        if not index.isValid() or not 0 <= index.row() < len(self.model.items):
            return None
        return self.model.items[index.row()]

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            item = self.model.items[index.row()]
            self._ctx.open_claim(item.claim_id, item.claim_number)

    def _open_changed(self, entry: QListWidgetItem) -> None:
        ref = entry.data(CHANGED_ROLE)
        if isinstance(ref, tuple):
            self._ctx.open_claim(str(ref[0]), str(ref[1]))

    def mark_done(self) -> None:
        item = self.selected()
        if item is not None:
            self.change(item, WorkChanges(state=WorkState.DONE))

    def snooze(self) -> None:
        item = self.selected()
        if item is None:
            return
        today = date.today()
        when = self._ask_date(self.window(), max(item.due_date, today) + timedelta(days=7))
        if when is None:
            return
        if when < today:
            self.ui.say(self.tr("The date is in the past. Pick today or a later date."),
                        error=True)
            return
        self.change(item, WorkChanges(due_date=when))

    def reassign(self) -> None:
        item = self.selected()
        if item is not None:
            self._ops.portal(_Op.ASSIGNEES, lambda api: api.list_assignees(),
                             on_success=lambda users: self._reassign_to(item, users),
                             on_failure=lambda e: self.ui.say(describe(e), error=True))

    def _reassign_to(self, item: WorkItem, users: Sequence[UserRef]) -> None:
        others = [u for u in users if u != item.assignee]
        if not others:
            self.ui.say(self.tr("No colleague of your office can take this follow-up."),
                        error=True)
            return
        chosen = self._ask_assignee(self.window(), others)
        if chosen is not None:
            self.change(item, WorkChanges(assignee=chosen.username))

    # --- changes and conflicts ---------------------------------------------------------

    def change(self, item: WorkItem, changes: WorkChanges) -> None:
        self._ops.portal(
            _Op.CHANGE, lambda api: api.update_work_item(item.item_id, changes, item.etag),
            on_success=self._changed,
            on_failure=lambda exc: self._change_failed(item, changes, exc),
            on_interrupted=lambda _e: self.ui.say(self.tr(
                "Not saved yet: once the portal lets you in again, repeat the change."),
                error=True))

    def _changed(self, item: WorkItem) -> None:
        self.conflict = None
        self.ui.show_conflict(None)
        self.model.replace(item)
        self.ui.say(self._done_words(item))

    def _done_words(self, item: WorkItem) -> str:
        number = plain(item.claim_number, 40)
        if item.state is WorkState.DONE:
            return self.tr("Claim {claim}: follow-up done.").format(claim=number)
        if self.model.row_of(item.item_id) is None:
            return self.tr("Claim {claim}: handed to {who}.").format(
                claim=number, who=plain(item.assignee.display_name, 60))
        return self.tr("Claim {claim}: follow up on {date}.").format(
            claim=number, date=self._fmt.date(item.due_date))

    def _change_failed(self, item: WorkItem, changes: WorkChanges, exc: PortalError) -> None:
        if isinstance(exc, PreconditionFailed):
            self._ops.portal(_Op.FETCH, lambda api: api.get_work_item(item.item_id),
                             on_success=lambda theirs: self._show_conflict(theirs, changes),
                             on_failure=lambda e: self.ui.say(describe(e), error=True))
        elif isinstance(exc, ValidationFailed) and exc.fields:
            self.ui.say(" ".join(plain(v, 200) for v in exc.fields.values()), error=True)
        else:
            self.ui.say(self.tr("The change was not saved: {reason}").format(
                reason=describe(exc)), error=True)

    def _show_conflict(self, theirs: WorkItem, mine: WorkChanges) -> None:
        self.conflict = (theirs, mine)
        self.ui.show_conflict(conflict_text(theirs, mine, self._fmt))

    def apply_mine(self) -> None:
        if self.conflict is not None:
            theirs, mine = self.conflict
            self.change(theirs, mine)  # on top of their version, with its ETag

    def keep_theirs(self) -> None:
        if self.conflict is not None:
            theirs, _ = self.conflict
            self.conflict = None
            self.ui.show_conflict(None)
            self.model.replace(theirs)
            self.ui.say(self.tr("Kept your colleague's version."))


def make_worklist_screen(ctx: ScreenContext) -> Screen:
    return WorklistScreen(ctx)
