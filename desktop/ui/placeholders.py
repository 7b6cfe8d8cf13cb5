"""Stand-ins for the Claims and Account screens until their own milestones land.

They follow the same small interface the real screens will: `has_unsaved_changes`,
`clear` (drop everything on sign-out) and `activate` (shown).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.ui.text import heading


class Screen(QWidget):
    """Base for workspace screens; MainWindow only talks to them through these methods."""

    title = ""

    def has_unsaved_changes(self) -> bool:
        return False

    def clear(self) -> None:
        """Drop every piece of portal data held by the screen (sign-out)."""

    def activate(self) -> None:
        """The screen became visible."""

    def can_leave(self) -> bool:
        """Asked before another screen is shown; a screen with unsaved edits may ask the
        user. Returning False keeps the user here. Edits are never dropped by leaving."""
        return True

    def resume(self) -> None:
        """The user accepted a changed policy or unlocked after an expiry: retry what was
        interrupted (e.g. the search that failed), keeping everything typed."""


class PlaceholderScreen(Screen):
    def __init__(self, object_name: str, title: str, text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.title = title
        layout = QVBoxLayout(self)
        layout.addWidget(heading(title, self))
        body = QLabel(text, self)
        body.setTextFormat(Qt.TextFormat.PlainText)
        body.setWordWrap(True)
        layout.addWidget(body)
        layout.addStretch(1)


def claims_placeholder() -> Screen:
    return PlaceholderScreen(
        "claimsScreen", "Claims",
        "Claim search is coming in the next release. Here you will search by claim number, "
        "member id, patient name and date of birth, dates of service, NPI and status, and "
        "open a claim to see its lines, adjustments, remarks and payment in plain words.")


def account_placeholder() -> Screen:
    return PlaceholderScreen(
        "accountScreen", "Account",
        "Account settings are coming in the next release. Here you will update your name, "
        "email and phone, choose how the plan contacts you, change your password, see your "
        "privacy-policy acceptances and, if needed, deactivate the account.")
