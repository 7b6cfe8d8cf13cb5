"""Saved searches (on the portal) and recent claims (in memory) above the claim search.

Why on the portal and in memory only: criteria hold member ids and patient names, and
recent claims are claim numbers, both PHI; the desktop keeps neither on the PC. Saved
searches are the office user's own, listed from `/saved-searches`; recent claims are
the last 20 claims opened in this session, dropped at sign-out.

Keyboard: Alt+1 ... Alt+9 run the first nine saved searches (Ctrl+1 ... 9 stay for the
screens), Ctrl+Shift+S saves the current search, Ctrl+E lists recent claims.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from datetime import date
from enum import Enum, auto

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QWidget,
)

from desktop.portal.claims import ClaimSearch
from desktop.portal.errors import Conflict, PortalError, ValidationFailed
from desktop.portal.worklist import SavedSearch
from desktop.ui.claims.form import date_text
from desktop.ui.common import a11y
from desktop.ui.common.errors import describe
from desktop.ui.common.formats import Formats
from desktop.ui.common.i18n import translate
from desktop.ui.common.style import Role, mark
from desktop.ui.common.text import plain
from desktop.ui.operations import Operations

RECENT_MAX = 20
SHORTCUT_SEARCHES = 9
NameQuestion = Callable[[QWidget], str | None]


def form_values(c: ClaimSearch, fmt: Formats | None = None) -> dict[str, str]:
    """A saved search as the search form's field texts (every field, so none is left over)."""
    def day(d: date | None) -> str:
        return date_text(d, fmt) if d else ""

    return {"claim_number": c.claim_number or "", "member_id": c.member_id or "",
            "last_name": c.patient_last_name or "", "first_name": c.patient_first_name or "",
            "dob": day(c.patient_dob), "service_from": day(c.service_from),
            "service_to": day(c.service_to), "billing_npi": c.billing_npi or "",
            "rendering_npi": c.rendering_npi or ""}


def ask_name(parent: QWidget) -> str | None:
    name, ok = QInputDialog.getText(parent, translate("SavedSearchBar", "Save this search"),
                                    translate("SavedSearchBar", "Name of the search:"))
    return name.strip() if ok and name.strip() else None


class _Op(Enum):
    LIST = auto()
    SAVE = auto()
    DELETE = auto()


class RecentClaims:
    """The last claims opened in this session, newest first (claim id -> number)."""

    def __init__(self) -> None:
        self._claims: OrderedDict[str, str] = OrderedDict()

    def add(self, claim_id: str, claim_number: str) -> None:
        self._claims.pop(claim_id, None)
        self._claims[claim_id] = claim_number
        while len(self._claims) > RECENT_MAX:
            self._claims.popitem(last=False)

    def newest_first(self) -> list[tuple[str, str]]:
        return list(reversed(self._claims.items()))

    def clear(self) -> None:
        self._claims.clear()


class SavedSearchBar(QWidget):
    """`savedSearchList`, `runSavedSearchButton`, `saveSearchButton`,
    `deleteSavedSearchButton`, `recentClaimsButton`."""

    #: Run this search (the screen fills the form with it and searches).
    run_requested = Signal(object)  # ClaimSearch
    #: Open this recent claim (claim id, claim number).
    open_requested = Signal(str, str)

    def __init__(self, ops: Operations, current: Callable[[], ClaimSearch | None], *,
                 ask: NameQuestion = ask_name, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = ops.scope(self)
        self._current = current
        self._ask = ask
        self.searches: list[SavedSearch] = []
        self.recent = RecentClaims()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        caption = QLabel(self.tr("Saved searches:"), self)
        row.addWidget(caption)
        self.combo = QComboBox(self)
        self.combo.setObjectName("savedSearchList")
        self.combo.setAccessibleName(self.tr("Saved searches"))
        self.combo.setMinimumContentsLength(24)
        self.combo.view().setObjectName("savedSearchListView")
        self.combo.view().setAccessibleName(self.tr("Saved searches"))
        caption.setBuddy(self.combo)
        row.addWidget(self.combo)
        self.run_button = self._button(self.tr("Run"), "runSavedSearchButton",
                                       self.tr("Run the chosen saved search (Alt+1 to "
                                               "Alt+9)"))
        self.save_button = self._button(self.tr("Save search…"), "saveSearchButton",
                                        self.tr("Save the current search under a name "
                                                "(Ctrl+Shift+S)"))
        self.delete_button = self._button(self.tr("Delete"), "deleteSavedSearchButton",
                                          self.tr("Delete the chosen saved search"))
        for b in (self.run_button, self.save_button, self.delete_button):
            row.addWidget(b)
        self.status = a11y.message_label(self, "savedSearchStatus",
                                         self.tr("Saved searches: what happened"))
        self.status.setWordWrap(False)
        self.status.hide()
        row.addWidget(self.status, 1)
        row.addStretch(0)
        self.recent_button = QToolButton(self)
        self.recent_button.setObjectName("recentClaimsButton")
        self.recent_button.setAccessibleName(self.tr("Recent claims (Ctrl+E)"))
        self.recent_button.setText(self.tr("Recent claims"))
        self.recent_button.setToolTip(self.tr("The last 20 claims opened in this session "
                                              "(Ctrl+E)"))
        self.recent_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.recent_menu = QMenu(self.recent_button)
        self.recent_menu.setObjectName("recentClaimsMenu")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.recent_button.setMenu(self.recent_menu)
        row.addWidget(self.recent_button)
        self.run_button.clicked.connect(lambda: self.run(self.combo.currentIndex()))
        self.save_button.clicked.connect(self.save_current)
        self.delete_button.clicked.connect(self.delete_chosen)
        self._shortcuts()
        self._sync()

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(tip)
        button.setToolTip(tip)
        return button

    def _shortcuts(self) -> None:
        screen = self.parentWidget() or self
        for n in range(1, SHORTCUT_SEARCHES + 1):
            shortcut = QShortcut(QKeySequence(f"Alt+{n}"), screen)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda i=n - 1: self.run(i))
        for keys, slot in (("Ctrl+Shift+S", self.save_current),
                           ("Ctrl+E", self.recent_button.showMenu)):
            shortcut = QShortcut(QKeySequence(keys), screen)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # --- saved searches ------------------------------------------------------------------

    def load(self) -> None:
        self._ops.portal(_Op.LIST, lambda api: api.list_saved_searches(),
                         on_success=self._listed, on_failure=self._failed,
                         on_interrupted=lambda _e: None)

    def _listed(self, searches: tuple[SavedSearch, ...]) -> None:
        self.searches = list(searches)
        self.combo.clear()
        for n, s in enumerate(self.searches, start=1):
            key = f"  (Alt+{n})" if n <= SHORTCUT_SEARCHES else ""
            self.combo.addItem(plain(s.name, 60) + key)
        self._sync()

    def run(self, index: int) -> None:
        if 0 <= index < len(self.searches):
            self.combo.setCurrentIndex(index)
            self.run_requested.emit(self.searches[index].criteria)

    def save_current(self) -> None:
        criteria = self._current()
        if criteria is None:
            self.say(self.tr("Correct the marked search fields first."), error=True)
            return
        name = self._ask(self.window())
        if name is None:
            return
        self._ops.portal(_Op.SAVE, lambda api: api.save_search(name, criteria),
                         on_success=self._saved, on_failure=self._failed,
                         on_interrupted=lambda _e: self.say(
                             self.tr("Not saved: sign in again, then save it again.")))

    def _saved(self, saved: SavedSearch) -> None:
        self.say(self.tr('Saved "{name}".').format(name=plain(saved.name, 60)))
        self.load()

    def _deleted(self, _result: None) -> None:
        self.say(self.tr("Deleted."))
        self.load()

    def delete_chosen(self) -> None:
        index = self.combo.currentIndex()
        if not 0 <= index < len(self.searches):
            return
        chosen = self.searches[index]
        self._ops.portal(_Op.DELETE, lambda api: api.delete_saved_search(chosen.search_id),
                         on_success=self._deleted,
                         on_failure=self._failed, on_interrupted=lambda _e: None)

    def _failed(self, exc: PortalError) -> None:
        if isinstance(exc, Conflict):
            self.say(self.tr("You already have a saved search of this name; pick another."),
                     error=True)
        elif isinstance(exc, ValidationFailed) and exc.fields:
            self.say(" ".join(plain(v, 200) for v in exc.fields.values()), error=True)
        else:
            self.say(describe(exc), error=True)

    def say(self, text: str, *, error: bool = False) -> None:
        """What happened to a saved search; gone with the next search (`say("")`)."""
        mark(self.status, Role.ERROR if error else None)
        a11y.set_message(self.status, plain(text, 300),
                         a11y.Urgency.ASSERTIVE if error else a11y.Urgency.POLITE)

    def _sync(self) -> None:
        has = bool(self.searches)
        self.run_button.setEnabled(has)
        self.delete_button.setEnabled(has)

    # --- recent claims -------------------------------------------------------------------

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.recent.newest_first()
        if not recent:
            self.recent_menu.addAction(self.tr("No claims opened yet")).setEnabled(False)
        for claim_id, number in recent:
            action = self.recent_menu.addAction(plain(number, 60))
            action.triggered.connect(lambda _=False, i=claim_id, n=number:
                                     self.open_requested.emit(i, n))

    def clear(self) -> None:
        """Sign-out: saved searches and recent claims leave memory."""
        self._ops.cancel_all()
        self.searches = []
        self.combo.clear()
        self.recent.clear()
        self.recent_menu.clear()
        self.say("")
        self._sync()
