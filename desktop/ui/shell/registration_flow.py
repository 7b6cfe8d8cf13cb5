"""Register… and "I have a code for my office…" from the sign-in screen.

Why apart from the main window: registration needs the current policy accepted in this
launch (the portal records that acceptance with the new account), which makes it a
small flow of its own: the gate first if needed, then the dialog, and the policy
version it finally showed is remembered like any other acceptance.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from desktop.ui.operations import Operations
from desktop.ui.shell.login_screen import LoginScreen
from desktop.ui.shell.policy_gate import PolicyGate

if TYPE_CHECKING:
    from desktop.ui.registration.dialog import RegistrationDialog
    from desktop.ui.registration.verify import VerifyDialog

Build = Callable[[str, QWidget], "RegistrationDialog"]


class RegistrationFlow(QObject):
    def __init__(self, ops: Operations, window: QWidget, gate: PolicyGate, login: LoginScreen,
                 build: Build | None, *, signed_out: Callable[[], bool],
                 accepted: Callable[[], str | None],
                 remember: Callable[[str], None]) -> None:
        super().__init__(window)
        self._ops, self._window, self._gate, self._login = ops, window, gate, login
        self._build, self._signed_out = build, signed_out
        self._accepted, self._remember = accepted, remember
        self.dialog: RegistrationDialog | None = None
        self.verify_dialog: VerifyDialog | None = None
        login.register_requested.connect(self.register)
        login.verify_requested.connect(self.verify)

    def register(self) -> None:
        """Registration needs the current policy accepted in this launch: gate first."""
        if not self._signed_out() or self._build is None:
            return
        version = self._accepted()
        if version is None:
            self._gate.require(previous_version=None, record=lambda _v: None,
                               on_accepted=self.register,
                               on_declined=lambda: self._login.reset(self.tr(
                                   "You need to accept the privacy policy to register.")),
                               on_error=self._login.reset)
            return
        dialog = self._build(version, self._window)
        dialog.registered.connect(self._registered)
        dialog.verify_requested.connect(self.verify)
        # The form may have shown a newer policy (published while it was open).
        dialog.finished.connect(lambda _r: self._remember(dialog.policy_version)
                                if dialog.policy_version != version else None)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _registered(self, username: str, status: str) -> None:
        if status == "active":
            self._login.fill(username)

    def verify(self, username: str = "") -> None:
        """The first user of an office enters the office's code (now, or days later)."""
        if self._signed_out():
            from desktop.ui.registration.verify import open_verify_dialog

            self.verify_dialog = open_verify_dialog(self._ops, username, self._window,
                                                    self._login.fill)
