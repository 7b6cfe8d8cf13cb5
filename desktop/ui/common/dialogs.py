"""Two things every dialog-opening part of the UI shares: the lock's shelf, and the
question asked before unsaved changes could be lost.

Why one shelf: the idle lock must take every open dialog off the screen (the support
box, the policy viewer, a screen's password dialog) and bring it back after the
unlock, and a dialog holding a typed password must forget it. Screens do not hide
their own dialogs; they mark the ones that hold secrets with `wipe_secrets()`.
"""

from __future__ import annotations

from enum import Enum, auto
from typing import Protocol, runtime_checkable

from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from shiboken6 import isValid

from desktop.ui.common.i18n import translate
from desktop.ui.common.text import message


@runtime_checkable
class HoldsSecrets(Protocol):
    """A dialog with password fields: they are wiped when the lock hides it."""

    def wipe_secrets(self) -> None: ...


class DialogShelf:
    """Hides the visible dialogs of a window while it is locked; shows them again after."""

    def __init__(self, window: QWidget) -> None:
        self._window = window
        self._shelved: list[QDialog] = []

    @property
    def shelved(self) -> list[QDialog]:
        return [d for d in self._shelved if isValid(d)]

    def shelve(self) -> None:
        """Take every visible dialog of the window off the screen (locking)."""
        visible = [d for d in self._window.findChildren(QDialog) if d.isVisible()]
        self._shelved.extend(visible)
        for dialog in visible:
            if isinstance(dialog, HoldsSecrets):
                dialog.wipe_secrets()  # passwords do not outlive a lock
            dialog.hide()

    def restore(self) -> None:
        """Unlocked: bring back what was shelved (and still exists)."""
        shelved, self._shelved = self._shelved, []
        for dialog in shelved:
            if isValid(dialog):
                dialog.show()

    def forget(self) -> None:
        """Signed out: shelved dialogs are closed by their owners; do not bring them back."""
        self._shelved = []


class UnsavedChoice(Enum):
    SAVE = auto()
    #: Go on with what was asked (sign out, quit, leave); what that means for the
    #: edits is in the question's text.
    GO_ON = auto()
    STAY = auto()


def ask_unsaved(parent: QWidget | None, text: str, *, go_on: str, save: str | None = None,
                stay: str | None = None) -> UnsavedChoice:
    """The one "unsaved changes" question: optional Save, go on, or stay (the default).

    Standard buttons (renamed) so that Esc and the platform's button order work as
    every other box of the system does.
    """
    box = message(parent, QMessageBox.Icon.Question,
                  translate("Dialogs", "Unsaved changes"), text)
    box.setObjectName("unsavedQuestion")
    buttons = QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
    if save is not None:
        buttons = (QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Ignore
                   | QMessageBox.StandardButton.Cancel)
    box.setStandardButtons(buttons)
    if save is not None:
        box.button(QMessageBox.StandardButton.Save).setText(save)
        box.button(QMessageBox.StandardButton.Ignore).setText(go_on)
    else:
        box.button(QMessageBox.StandardButton.Discard).setText(go_on)
    box.button(QMessageBox.StandardButton.Cancel).setText(
        stay if stay is not None else translate("Dialogs", "Cancel"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    answer = box.exec()
    if answer == QMessageBox.StandardButton.Save:
        return UnsavedChoice.SAVE
    if answer in (QMessageBox.StandardButton.Discard, QMessageBox.StandardButton.Ignore):
        return UnsavedChoice.GO_ON
    return UnsavedChoice.STAY
