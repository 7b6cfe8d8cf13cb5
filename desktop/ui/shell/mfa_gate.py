"""IT's `require_mfa`: a user without two-step sign-in sets it up before working.

Why a gate in the client, on top of the portal's own rules: the managed setting is how
an office's IT turns two-step sign-in from optional into required for every user of its
PCs. Right after sign-in (and the policy gate), before any claim is asked for, the
set-up dialog opens modally; cancelling it signs out. Once set up in this session, the
gate stays open (the session's user record is from before the set-up).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from desktop.ui.operations import Operations

if TYPE_CHECKING:
    from desktop.portal.models import UserInfo
    from desktop.ui.account.two_step_dialog import TwoStepDialog

DECLINED = str(QT_TRANSLATE_NOOP("MainWindow", "Your IT department requires two-step sign-in on "
                             "this computer, so you were signed out. Sign in again and set "
                             "it up to go on."))


class MfaGate:
    def __init__(self, ops: Operations, parent: QWidget, required: bool) -> None:
        self._ops = ops
        self._parent = parent
        self.required = required
        self._done = False
        self.dialog: TwoStepDialog | None = None

    def needed(self, user: UserInfo | None) -> bool:
        return (self.required and not self._done and user is not None
                and not user.mfa_enabled)

    def require(self, on_done: Callable[[], None], on_declined: Callable[[str], None]) -> None:
        # Loaded here, not at start-up: the dialog (with QtPrintSupport and the two-step
        # models) is needed only by a user IT requires to set it up, after sign-in.
        from desktop.ui.account.two_step_dialog import TwoStepDialog, TwoStepMode

        dialog = TwoStepDialog(self._ops, TwoStepMode.SET_UP, self._parent)
        dialog.setWindowTitle(translate("MainWindow", "Two-step sign-in is required"))

        def changed(on: bool) -> None:
            self._done = on

        def finished(_result: int) -> None:
            self.dialog = None
            dialog.deleteLater()
            if self._done:
                on_done()
            else:
                on_declined(translate("MainWindow", DECLINED))

        dialog.changed.connect(changed)
        dialog.finished.connect(finished)
        self.dialog = dialog
        dialog.open()

    def reset(self) -> None:
        """Signed out: the next user starts from their own record."""
        self._done = False
        if self.dialog is not None:
            dialog, self.dialog = self.dialog, None
            dialog.finished.disconnect()
            dialog.close()
            dialog.deleteLater()
