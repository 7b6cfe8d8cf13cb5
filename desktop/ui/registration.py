"""Registration of a new office account (placeholder until its milestone lands)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from desktop.ui.context import ScreenContext


class RegistrationDialog(QDialog):
    #: username, status ("active" or "pending_review") after a successful registration
    registered = Signal(str, str)

    def __init__(self, ctx: ScreenContext, policy_version: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registrationDialog")
        self.setWindowTitle("Register")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(
            "Registering a new office account from Claims Desktop is coming in the next "
            "release. Until then, contact the portal's support desk (Help > Support contact).",
            self))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


def make_registration_dialog(ctx: ScreenContext, policy_version: str,
                             parent: QWidget | None = None) -> RegistrationDialog:
    return RegistrationDialog(ctx, policy_version, parent)
