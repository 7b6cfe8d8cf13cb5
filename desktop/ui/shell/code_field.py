"""The second-factor field of the sign-in and lock screens, hidden until the portal asks.

Why one small widget: both screens ask for the same thing in the same words (a 6-digit
code from the authenticator app, or a recovery code), and both hide the field again
when they are reset, so the layout does not keep an empty row around.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

#: A recovery code is `xxxxx-xxxxx`; leave room for spaces a clerk might type.
MAX_CODE_CHARS = 24


class CodeField(QLineEdit):
    """A line edit that carries its own form label, so both hide and show together."""

    def __init__(self, parent: QWidget, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(self.tr("Code from your authenticator app, or a recovery code"))
        self.setMaxLength(MAX_CODE_CHARS)
        self.setPlaceholderText(self.tr("6-digit code or recovery code"))
        self.setInputMethodHints(Qt.InputMethodHint.ImhNoPredictiveText
                                 | Qt.InputMethodHint.ImhNoAutoUppercase)
        self.label = QLabel(self.tr("&Code:"), parent)
        self.label.setBuddy(self)
        self.show_field(False)

    def show_field(self, on: bool) -> None:
        self.setVisible(on)
        self.label.setVisible(on)

    @property
    def asked(self) -> bool:
        """Whether the field is part of the form now (also before the window is shown)."""
        return not self.isHidden()


def code_field(parent: QWidget, name: str) -> CodeField:
    return CodeField(parent, name)
