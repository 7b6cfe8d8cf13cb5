"""The worklist's two small questions: snooze until when, and hand to whom.

Each is one function the screen calls (tests hand in their own answers); they run a
short modal dialog because the answer is needed before anything is sent.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QWidget,
)

from desktop.portal.worklist import UserRef
from desktop.ui.common.formats import Formats
from desktop.ui.common.i18n import translate
from desktop.ui.common.text import plain

DateQuestion = Callable[[QWidget, date], date | None]
AssigneeQuestion = Callable[[QWidget, Sequence[UserRef]], UserRef | None]


def _buttons(dialog: QDialog, ok_name: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setObjectName(ok_name)
    ok.setAccessibleName(translate("WorklistDialogs", "Confirm"))
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    cancel.setObjectName(ok_name.replace("Ok", "Cancel"))
    cancel.setAccessibleName(translate("WorklistDialogs", "Cancel"))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def ask_snooze_date(parent: QWidget, suggested: date) -> date | None:
    dialog = QDialog(parent)
    dialog.setObjectName("snoozeDialog")
    dialog.setWindowTitle(translate("WorklistDialogs", "Snooze the follow-up"))
    form = QFormLayout(dialog)
    edit = QDateEdit(dialog)
    edit.setObjectName("snoozeDate")
    edit.setAccessibleName(translate("WorklistDialogs", "New follow-up date"))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(Formats().date_format)
    edit.setDate(QDate(suggested.year, suggested.month, suggested.day))
    form.addRow(translate("WorklistDialogs", "Follow up again &on:"), edit)
    form.addRow(_buttons(dialog, "snoozeOk"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    q = edit.date()
    return date(q.year(), q.month(), q.day())


def ask_assignee(parent: QWidget, users: Sequence[UserRef]) -> UserRef | None:
    dialog = QDialog(parent)
    dialog.setObjectName("reassignDialog")
    dialog.setWindowTitle(translate("WorklistDialogs", "Hand the follow-up to a colleague"))
    form = QFormLayout(dialog)
    combo = QComboBox(dialog)
    combo.setObjectName("reassignUser")
    combo.setAccessibleName(translate("WorklistDialogs", "Colleague"))
    combo.view().setObjectName("reassignUserView")
    combo.view().setAccessibleName(translate("WorklistDialogs", "Colleagues"))
    for user in users:
        combo.addItem(plain(translate("WorklistDialogs", "{name} ({username})").format(
            name=user.display_name, username=user.username), 120))
    form.addRow(translate("WorklistDialogs", "&Colleague:"), combo)
    form.addRow(_buttons(dialog, "reassignOk"))
    if dialog.exec() != QDialog.DialogCode.Accepted or combo.currentIndex() < 0:
        return None
    return users[combo.currentIndex()]
