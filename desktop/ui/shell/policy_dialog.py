"""The privacy-policy gate: a modal dialog that must be accepted before any patient data.

Closing the dialog, pressing Esc or choosing Decline all reject it: a decline,
never an acceptance. The dialog does not talk to the portal; it asks its owner
(`accept_requested`) and is closed by the owner once the server has recorded
the acceptance, so a failed POST leaves the dialog open with the reason shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.common.a11y import Urgency, message_label, set_message
from desktop.ui.common.formats import Formats
from desktop.ui.common.links import UrlOpener, open_external
from desktop.ui.common.style import Role, mark
from desktop.ui.common.text import heading, plain, plain_label
from desktop.ui.shell.policy_changes import (
    ChangesHeader,
    SafeTextBrowser,
    set_policy_markdown,
    write_changes,
)

__all__ = ["AcceptanceRow", "PolicyDialog", "PolicyLike", "SafeTextBrowser",
           "set_policy_markdown"]


class PolicyLike(Protocol):
    @property
    def version(self) -> str: ...
    @property
    def effective_at(self) -> datetime | date | str: ...
    @property
    def title(self) -> str: ...
    @property
    def body_markdown(self) -> str: ...
    @property
    def summary_of_changes(self) -> str: ...


@dataclass(frozen=True)
class AcceptanceRow:
    version: str
    accepted_at: str
    receipt_id: str


@dataclass(frozen=True)
class Previous:
    """The version the user accepted before, for "What changed" at the gate."""

    version: str
    #: Its text, if the portal still has it (the changes are then shown block by block).
    policy: PolicyLike | None = None
    #: When the user accepted it, if known.
    accepted_at: datetime | None = None


def _when(value: datetime | date | str) -> str:
    if isinstance(value, datetime):
        return Formats().date(value.date())
    if isinstance(value, date):
        return Formats().date(value)
    return plain(value, 40)


class PolicyDialog(QDialog):
    """Shows the current policy, what changed, and (in view mode) the acceptance history.

    At the gate, "What changed" is there only for a user who accepted a version before
    (a brand-new user has nothing to compare with) and names both versions. The dialog
    opens at the top of the text, with the keyboard focus on the text, not the tab bar.
    """

    accept_requested = Signal(str)

    def __init__(
        self,
        policy: PolicyLike,
        *,
        previous: PolicyLike | None = None,
        previous_version: str | None = None,
        accepted_at: datetime | None = None,
        gate: bool = True,
        acceptances: Sequence[AcceptanceRow] = (),
        opener: UrlOpener | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("policyDialog")
        self.setWindowTitle(self.tr("Privacy policy"))
        self.setModal(True)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self._fit_to_screen()
        self._version = policy.version
        self._opener = opener
        before = previous_version or (previous.version if previous is not None else None)
        self._previous = (Previous(before, previous, accepted_at)
                          if before and before != policy.version else None)

        layout = QVBoxLayout(self)
        title = heading(plain(policy.title, 200), self, scale=1.3)
        title.setObjectName("policyTitle")
        layout.addWidget(title)
        meta = plain_label(self.tr("Version {version} · effective {date}").format(
            version=plain(policy.version, 40), date=_when(policy.effective_at)), self)
        meta.setObjectName("policyMeta")
        layout.addWidget(meta)
        if gate:
            intro = self.tr("Please read the policy. You need to accept it to search claims.")
            if self._previous is not None:
                intro = self.tr("The privacy policy has changed since you last accepted it. "
                                "Please read what changed and accept to continue.")
            self._intro = plain_label(intro, self)
            layout.addWidget(self._intro)

        layout.addWidget(self._build_tabs(policy, gate, acceptances), 1)

        self.error = message_label(self, "policyError",
                                   self.tr("Problem with accepting the policy"))
        mark(self.error, Role.ERROR)
        self.error.hide()
        layout.addWidget(self.error)
        layout.addWidget(self._build_buttons(gate))
        self._first_view().setFocus()

    def _fit_to_screen(self) -> None:
        """760x640 where there is room; never taller or wider than the screen."""
        screen = self.screen()
        room = screen.availableGeometry() if screen is not None else None
        width, height = 760, 640
        if room is not None:
            width, height = min(width, room.width() - 40), min(height, room.height() - 60)
        self.resize(width, height)

    def _build_tabs(self, policy: PolicyLike, gate: bool,
                    acceptances: Sequence[AcceptanceRow]) -> QTabWidget:
        """The policy, what changed since the version accepted before, and the history."""
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("policyTabs")
        self.tabs.setAccessibleName(self.tr("Privacy policy"))
        self.text = self._browser("policyText", self.tr("Privacy policy text"))
        set_policy_markdown(self.text, policy.body_markdown)
        self.tabs.addTab(self.text, self.tr("Policy"))

        self.changes = self._browser("policyChanges",
                                     self.tr("What changed in the privacy policy"))
        previous = self._previous
        if previous is not None:
            accepted_on = (Formats().date(previous.accepted_at.astimezone().date())
                           if previous.accepted_at is not None else "")
            old = previous.policy.body_markdown if previous.policy is not None else ""
            new = policy.body_markdown if previous.policy is not None else ""
            write_changes(self.changes, old, new, policy.summary_of_changes,
                          ChangesHeader(previous.version, accepted_on, policy.version))
            self.tabs.addTab(self.changes, self.tr("What changed"))
            if gate:
                self.tabs.setCurrentWidget(self.changes)
        elif not gate:
            self.changes.setPlainText(plain(policy.summary_of_changes, 4000, multiline=True))
            self.tabs.addTab(self.changes, self.tr("Summary of changes"))
        else:
            self.changes.hide()  # a first acceptance: nothing to compare with

        if acceptances or not gate:
            self.tabs.addTab(self._history(acceptances), self.tr("Your acceptances"))
        return self.tabs

    def _browser(self, name: str, accessible: str) -> SafeTextBrowser:
        view = SafeTextBrowser(self)
        view.setObjectName(name)
        view.setAccessibleName(accessible)
        view.setOpenLinks(False)
        view.setOpenExternalLinks(False)
        view.anchorClicked.connect(self._link)
        return view

    def _history(self, acceptances: Sequence[AcceptanceRow]) -> QTableWidget:
        history = QTableWidget(len(acceptances), 3, self)
        history.setObjectName("policyHistory")
        history.setAccessibleName(self.tr("Your policy acceptances"))
        history.setHorizontalHeaderLabels([self.tr("Version"), self.tr("Accepted at"),
                                           self.tr("Receipt")])
        history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        history.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        for row, acc in enumerate(acceptances):
            for col, value in enumerate((acc.version, acc.accepted_at, acc.receipt_id)):
                history.setItem(row, col, QTableWidgetItem(plain(value, 80)))
        history.resizeColumnsToContents()
        history.horizontalHeader().setStretchLastSection(True)
        return history

    def _first_view(self) -> QWidget:
        current = self.tabs.currentWidget()
        return current if current is not None else self.text

    def showEvent(self, event: QShowEvent) -> None:
        """Opened at the top of the text shown, with the focus in it."""
        super().showEvent(event)
        for view in (self.text, self.changes):
            view.moveCursor(view.textCursor().MoveOperation.Start)
            view.verticalScrollBar().setValue(0)
        self._first_view().setFocus(Qt.FocusReason.OtherFocusReason)

    def _build_buttons(self, gate: bool) -> QDialogButtonBox:
        """Accept / Decline at the gate; Close when only reading (Help)."""
        buttons = QDialogButtonBox(self)
        if gate:
            self.accept_button = QPushButton(self.tr("&Accept"), self)
            self.accept_button.setObjectName("policyAcceptButton")
            self.accept_button.setAccessibleName(self.tr("Accept the privacy policy"))
            self.decline_button = QPushButton(self.tr("&Decline"), self)
            self.decline_button.setObjectName("policyDeclineButton")
            self.decline_button.setAccessibleName(
                self.tr("Decline the privacy policy and sign out"))
            buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
            buttons.addButton(self.decline_button, QDialogButtonBox.ButtonRole.RejectRole)
            self.accept_button.clicked.connect(self._accept_clicked)
            self.decline_button.clicked.connect(self.reject)
            self.accept_button.setAutoDefault(False)
            self.decline_button.setAutoDefault(False)
        else:
            close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
            close.setObjectName("policyCloseButton")
            close.setAccessibleName(self.tr("Close the privacy policy"))
            close.clicked.connect(self.reject)
        return buttons

    @property
    def version(self) -> str:
        return self._version

    @property
    def previous_version(self) -> str | None:
        """The version "What changed" compares with; None for a first acceptance."""
        return self._previous.version if self._previous is not None else None

    def _accept_clicked(self) -> None:
        self.accept_button.setEnabled(False)
        set_message(self.error, "")
        self.accept_requested.emit(self._version)

    def acceptance_failed(self, message: str) -> None:
        """The server did not record the acceptance: stay open, say why, allow a retry."""
        set_message(self.error, plain(message, 400, multiline=True), Urgency.ASSERTIVE)
        self.accept_button.setEnabled(True)

    def _link(self, url: QUrl) -> None:
        open_external(self, url, self._opener)
