""""Follow up on…": put a claim on the worklist for a date, with a short note.

A dialog of its own so that the claim detail, the batch rows and the worklist all open
the same one. The date is checked here first (a date in the past is refused in words
before anything is sent) and again by the portal; the note is PHI and lives only in the
dialog until the portal has it. Saving runs as an operation of the dialog's own scope,
so closing the dialog drops an answer still on its way.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import Enum, auto

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.portal.errors import PortalError, ValidationFailed
from desktop.portal.worklist import NOTE_MAX, WorkItem
from desktop.ui.common.a11y import Urgency, message_label, set_message
from desktop.ui.common.errors import describe
from desktop.ui.common.formats import Formats
from desktop.ui.common.i18n import translate
from desktop.ui.common.style import Role, mark
from desktop.ui.common.text import plain
from desktop.ui.operations import Operations

AHEAD_DAYS = 730


class _Op(Enum):
    SAVE = auto()


def check_follow_up(due: date, note: str, today: date) -> str | None:
    """What is wrong with a follow-up, in words; None when it can be sent."""
    if due < today:
        return translate("FollowUpDialog", "The date is in the past. Pick today or a later "
                         "date.")
    if due > today + timedelta(days=AHEAD_DAYS):
        return translate("FollowUpDialog", "Pick a date within the next two years.")
    if len(note.strip()) > NOTE_MAX:
        return translate("FollowUpDialog", "Keep the note to {limit} characters (now "
                         "{now}).").format(limit=NOTE_MAX, now=len(note.strip()))
    return None


class FollowUpDialog(QDialog):
    """`followUpDialog`: date (`followUpDate`), note (`followUpNote`), Save."""

    created = Signal(object)  # WorkItem

    def __init__(self, ops: Operations, claim_number: str, parent: QWidget | None = None,
                 *, today: date | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUpDialog")
        self.setWindowTitle(self.tr("Follow up on a claim"))
        self._ops = ops.scope(self)
        self._number = claim_number
        self._today = today or date.today()
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Follow up on claim {claim}").format(
            claim=plain(claim_number, 60)), self)
        title.setTextFormat(Qt.TextFormat.PlainText)
        mark(title, Role.SUBHEADING)
        layout.addWidget(title)
        form = QFormLayout()
        self.due = QDateEdit(self)
        self.due.setObjectName("followUpDate")
        self.due.setAccessibleName(self.tr("Follow-up date"))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat(Formats().date_format)
        tomorrow = self._today + timedelta(days=1)
        self.due.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
        form.addRow(self.tr("&Date:"), self.due)
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("followUpNote")
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("A short note (optional)"))
        self.note.setTabChangesFocus(True)
        fm = self.note.fontMetrics()
        self.note.setFixedHeight(fm.lineSpacing() * 4 + fm.height())
        form.addRow(self.tr("&Note:"), self.note)
        layout.addLayout(form)
        self.error = message_label(self, "followUpError",
                                   self.tr("Problem with the follow-up"))
        mark(self.error, Role.ERROR)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setObjectName("followUpSave")
        self.save_button.setAccessibleName(self.tr("Save the follow-up"))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("followUpCancel")
        cancel.setAccessibleName(self.tr("Cancel without saving"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # room for a sentence of an error and a note's lines without squeezing (font-sized)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    @property
    def due_date(self) -> date:
        q = self.due.date()
        return date(q.year(), q.month(), q.day())

    def _show_error(self, text: str) -> None:
        set_message(self.error, plain(text, 600, multiline=True), Urgency.ASSERTIVE)

    def save(self) -> None:
        due, note = self.due_date, self.note.toPlainText().strip()
        problem = check_follow_up(due, note, self._today)
        if problem is not None:
            self._show_error(problem)
            return
        self.error.hide()
        self.save_button.setEnabled(False)
        number = self._number
        self._ops.portal(_Op.SAVE, lambda api: api.create_work_item(number, due, note),
                         on_success=self._saved, on_failure=self._failed,
                         on_interrupted=self._interrupted)

    def _saved(self, item: WorkItem) -> None:
        self.created.emit(item)
        self.accept()

    def _failed(self, exc: PortalError) -> None:
        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationFailed) and exc.fields:
            self._show_error(" ".join(plain(v, 200) for v in exc.fields.values()))
        else:
            self._show_error(self.tr("The follow-up was not saved: {reason}").format(
                reason=describe(exc)))

    def _interrupted(self, _exc: PortalError) -> None:
        self.save_button.setEnabled(True)
        self._show_error(self.tr("Not saved yet: sign in again (or accept the policy), then "
                                 "press Save. What you typed is kept."))

    def done(self, result: int) -> None:
        self._ops.cancel_all()
        super().done(result)
