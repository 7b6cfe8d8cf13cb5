"""File > Options: what a clerk may choose for themselves, today the idle lock.

Why: the policy says a clerk may shorten the idle lock, never lengthen it, and there
was no way to do so in the app. The longest choice is IT's managed value (or the
built-in 15 minutes when IT set none); the choice is kept in the user settings.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.config import IDLE_LOCK_MIN
from desktop.ui.common.text import plain_label


class PreferencesDialog(QDialog):
    def __init__(self, minutes: int, maximum: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("optionsDialog")
        self.setWindowTitle(self.tr("Options"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.idle = QSpinBox(self)
        self.idle.setObjectName("optionIdleLock")
        self.idle.setAccessibleName(self.tr("Lock after this many minutes without use"))
        low = min(IDLE_LOCK_MIN, maximum)
        self.idle.setRange(low, maximum)
        self.idle.setValue(max(low, min(minutes, maximum)))
        self.idle.setSuffix(self.tr(" minutes"))
        form.addRow(self.tr("&Lock after:"), self.idle)
        layout.addLayout(form)
        note = plain_label(self.tr(
            "Claims Desktop hides every claim and asks for your password after this long "
            "without use. You can choose a shorter time; {maximum} minutes is the longest "
            "your organization allows.").format(maximum=maximum), self)
        note.setObjectName("optionIdleLockNote")
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("optionsButtons")
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setObjectName("optionsSave")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setObjectName("optionsCancel")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.idle.setFocus()

    @property
    def minutes(self) -> int:
        return self.idle.value()


def open_preferences(parent: QWidget, minutes: int, maximum: int,
                     chosen: Callable[[int], None]) -> PreferencesDialog:
    """Window-modal; `chosen(minutes)` runs when the clerk saves."""
    dialog = PreferencesDialog(minutes, maximum, parent)

    def finished(result: int) -> None:
        if result == QDialog.DialogCode.Accepted.value:
            chosen(dialog.minutes)
        dialog.deleteLater()

    dialog.finished.connect(finished)
    dialog.open()
    return dialog
