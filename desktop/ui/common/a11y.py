"""What a screen reader hears: labels that expose their text, and changes announced.

Why: a `QLabel` with a fixed accessible name ("Problem with signing in") is announced
by that name only, so the message itself was never read out. Labels that carry a
message keep their text as the accessible name and say what they are in the
accessible *description*; when the message changes, it is announced (Qt 6.8's
`QAccessibleAnnouncementEvent`), politely for status, assertively for errors.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


class Urgency(Enum):
    """How a message is read out; the values name `QAccessible.AnnouncementPoliteness`
    members (QtGui's accessibility types load at the first announcement, not with the
    sign-in screen)."""

    POLITE = "Polite"        # counts, progress
    ASSERTIVE = "Assertive"  # errors


def message_label(parent: QWidget, name: str, what: str) -> QLabel:
    """A plain-text, word-wrapped label whose *text* is what a screen reader reads.

    `what` ("Problem with signing in", "Number of claims found") becomes the accessible
    description, never the name, so it cannot hide the message.
    """
    label = QLabel(parent)
    label.setObjectName(name)
    label.setAccessibleDescription(what)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def announce(widget: QWidget, text: str, urgency: Urgency = Urgency.POLITE) -> None:
    """Ask assistive technology to read `text` now (no-op when none is listening)."""
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    if not text or not QAccessible.isActive():
        return
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(getattr(QAccessible.AnnouncementPoliteness, urgency.value))
    QAccessible.updateAccessibility(event)


def set_message(label: QLabel, text: str, urgency: Urgency = Urgency.POLITE) -> None:
    """Show (or hide, when empty) a message label and announce a changed message."""
    changed = text != label.text()
    label.setText(text)
    label.setVisible(bool(text))
    if changed:
        announce(label, text, urgency)
