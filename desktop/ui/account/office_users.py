"""Account > Office users, for an office's administrators: approve or refuse the people who
registered for the office, and remove those who left.

Shown only when the account is an administrator's (`office_admin`); the portal checks
again (403 for anyone else). Names and e-mail addresses are the portal's strings and go
into the table as plain text. A refusal needs a reason, which the portal keeps with it.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum, auto

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.portal.api import PortalApi
from desktop.portal.errors import PortalError
from desktop.portal.security import OfficeUser, OfficeUsers, PendingUser
from desktop.ui.common.a11y import Urgency, message_label, set_message
from desktop.ui.common.errors import describe
from desktop.ui.common.formats import Formats, local_date
from desktop.ui.common.i18n import translate
from desktop.ui.common.style import Role, mark
from desktop.ui.common.text import message, plain, plain_label
from desktop.ui.operations import Operations


class _Op(Enum):
    LOAD = auto()
    DECIDE = auto()


def _table(parent: QWidget, name: str, title: str, headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setAccessibleName(title)
    table.setHorizontalHeaderLabels(headers)
    table.setTabKeyNavigation(False)  # one Tab stop; the arrow keys move inside
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    heads = ((table.horizontalHeader(), "Columns",
              translate("OfficeUsersSection", "Columns")),
             (table.verticalHeader(), "Rows", translate("OfficeUsersSection", "Rows")))
    for header, kind, spoken in heads:
        header.setObjectName(f"{name}{kind}")
        header.setAccessibleName(spoken)
    table.verticalHeader().hide()
    table.horizontalHeader().setStretchLastSection(True)
    table.setMinimumHeight(110)
    return table


def _fill(table: QTableWidget, rows: list[tuple[str, list[str]]]) -> None:
    table.setRowCount(len(rows))
    for r, (user_id, cells) in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(plain(text, 120))
            item.setData(Qt.ItemDataRole.UserRole, user_id)
            table.setItem(r, c, item)
    table.resizeColumnsToContents()


def _name(user: PendingUser | OfficeUser) -> str:
    return f"{user.first_name} {user.last_name}".strip()


class OfficeUsersSection(QGroupBox):
    def __init__(self, ops: Operations, parent: QWidget | None = None) -> None:
        super().__init__(translate("OfficeUsersSection", "Office users"), parent)
        self.setObjectName("accountOfficeUsers")
        self._ops = ops.scope(self)
        self._formats = Formats()
        self.users: OfficeUsers | None = None
        #: The message shown asks to select someone: it goes once someone is selected.
        self._asked_to_select = False
        #: The message shown is a failed load's: the next load that works takes it away.
        self._load_problem = False
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr(
            "People who registered for your office wait here until you approve them. "
            "Approve only people who work for your office."), self, max_chars=300))
        self.pending = _table(self, "officePendingTable", self.tr("Pending users"),
                              [self.tr("Name"), self.tr("E-mail"), self.tr("NPI"),
                               self.tr("Requested")])
        layout.addWidget(self.pending)
        row = QHBoxLayout()
        self.approve = self._button(self.tr("&Approve"), "officeApprove", self._approve, row)
        self.refuse = self._button(self.tr("&Refuse…"), "officeRefuse", self._refuse, row)
        row.addStretch(1)
        self.refresh = self._button(self.tr("Re&load"), "officeRefresh", self.load, row)
        layout.addLayout(row)
        layout.addWidget(plain_label(self.tr("Active users"), self))
        self.active = _table(self, "officeActiveTable", self.tr("Active users"),
                             [self.tr("Name"), self.tr("E-mail"), self.tr("NPI"),
                              self.tr("Role")])
        layout.addWidget(self.active)
        row2 = QHBoxLayout()
        self.remove = self._button(self.tr("Re&move…"), "officeRemove", self._remove, row2)
        row2.addStretch(1)
        layout.addLayout(row2)
        # Outcomes ("Approved") and problems share the line; the role tells them apart.
        self.error = message_label(self, "officeError", self.tr("Office users message"))
        self.error.hide()
        layout.addWidget(self.error)
        for table in (self.pending, self.active):
            table.itemSelectionChanged.connect(self._selection_changed)
        self.hide()

    def _button(self, text: str, name: str, slot: Callable[[], object],
                row: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    def show_for(self, office_admin: bool) -> None:
        self.setVisible(office_admin)
        if office_admin:
            self.load()

    def load(self) -> None:
        self._ops.portal(_Op.LOAD, lambda api: api.list_office_users(), on_success=self._show,
                         on_failure=self._load_failed, on_interrupted=lambda _e: None)

    def _load_failed(self, exc: PortalError) -> None:
        self._problem(describe(exc))
        self._load_problem = True

    def _show(self, users: OfficeUsers) -> None:
        self.users = users
        if self._load_problem:
            # A problem of an earlier load. Not a refused decision's ("You cannot remove
            # yourself"), whose reload comes right after it: that one stays to be read.
            self._message("", None, Urgency.POLITE)
        requested = self._formats.date
        _fill(self.pending, [(p.user_id, [_name(p), p.email, p.npi,
                                          requested(local_date(p.requested_at))])
                             for p in users.pending])
        you = self.tr(" (you)")
        _fill(self.active, [(a.user_id, [_name(a) + (you if a.is_you else ""), a.email, a.npi,
                                         self.tr("Administrator") if a.office_admin
                                         else self.tr("User")])
                            for a in users.active])

    def _selected(self, table: QTableWidget) -> str | None:
        item = table.item(table.currentRow(), 0) if table.currentRow() >= 0 else None
        if item is None:
            self._problem(self.tr("Select a person in the list first."))
            self._asked_to_select = True
            return None
        return str(item.data(Qt.ItemDataRole.UserRole))

    def _approve(self) -> None:
        user_id = self._selected(self.pending)
        if user_id is not None:
            self._decide(lambda api: api.approve_user(user_id),
                         self.tr("Approved: they can sign in now."))

    def _refuse(self) -> None:
        user_id = self._selected(self.pending)
        if user_id is None:
            return
        reason, ok = self.ask_reason()
        if ok and reason.strip():
            text = reason.strip()[:500]
            self._decide(lambda api: api.refuse_user(user_id, text), self.tr("Refused."))
        elif ok:
            self._problem(self.tr("Give a reason for the refusal; nothing was changed."))

    def ask_reason(self) -> tuple[str, bool]:
        """Replaced by tests. The reason the person is told."""
        return QInputDialog.getText(self, self.tr("Refuse the request"),
                                    self.tr("Reason (the person is told):"))

    def _remove(self) -> None:
        user_id = self._selected(self.active)
        if user_id is None:
            return
        if self.confirm_remove():
            self._decide(lambda api: api.remove_user(user_id),
                         self.tr("Removed: that user is signed out and cannot sign in again."))

    def confirm_remove(self) -> bool:
        """Replaced by tests."""
        box = message(self.window(), QMessageBox.Icon.Question, self.tr("Remove the user"),
                      self.tr("Remove this user from your office? They are signed out at "
                              "once."))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _decide(self, call: Callable[[PortalApi], None], done: str) -> None:
        def finished(_r: object) -> None:
            self._say(done)
            self.load()

        self._ops.portal(_Op.DECIDE, call,
                         on_success=finished, on_failure=self._failed,
                         on_interrupted=lambda _e: None)

    def _failed(self, exc: PortalError) -> None:
        self._problem(describe(exc))
        if exc.status in (404, 409):
            self.load()

    def _say(self, text: str) -> None:
        """A decision went through: a success, politely announced."""
        self._message(text, Role.SUCCESS, Urgency.POLITE)

    def _problem(self, text: str) -> None:
        self._message(text, Role.ERROR, Urgency.ASSERTIVE)

    def _message(self, text: str, role: Role | None, urgency: Urgency) -> None:
        self._asked_to_select = False
        self._load_problem = False
        mark(self.error, role)
        set_message(self.error, plain(text, 600), urgency)

    def _selection_changed(self) -> None:
        if self._asked_to_select:
            self._message("", None, Urgency.POLITE)

    def clear(self) -> None:
        self._ops.cancel_all()
        self.users = None
        for table in (self.pending, self.active):
            table.setRowCount(0)
        self._message("", None, Urgency.POLITE)
        self.hide()
