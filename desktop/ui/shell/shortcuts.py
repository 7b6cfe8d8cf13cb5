"""Help > Keyboard shortcuts: every key a clerk can use, in one plain-text list.

Kept as data beside the shell so that the list is written once; a test checks each
screen's own shortcuts against it.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.ui.common.text import message

#: (where, keys, what) in the order shown.
SHORTCUTS: tuple[tuple[str, str, str], ...] = (
    ("Everywhere", "Ctrl+1 … Ctrl+9", "Go to the screens, in the order of the buttons"),
    ("Everywhere", "Ctrl+O", "Open a remittance (835) file"),
    ("Everywhere", "Ctrl+L", "Lock now"),
    ("Everywhere", "Ctrl+Shift+O", "Sign out"),
    ("Everywhere", "F1", "Support contact"),
    ("Everywhere", "Ctrl+Shift+K", "This list"),
    ("Claims", "Enter", "Search (in the form); open the claim (in the list)"),
    ("Claims", "Esc", "Close the claim detail"),
    ("Claims", "F", "Follow up on the claim shown"),
    ("Claims", "Ctrl+P", "Print the claim shown (where IT allows)"),
    ("Claims", "Alt+1 … Alt+9", "Run saved search 1 to 9"),
    ("Claims", "Ctrl+Shift+S", "Save the current search"),
    ("Claims", "Ctrl+E", "Recent claims (the last 20 opened)"),
    ("Batch status", "Ctrl+Enter", "Check the numbers pasted"),
    ("Batch status", "Enter", "Open the claim of the row"),
    ("Worklist", "Enter", "Open the claim"),
    ("Worklist", "Ctrl+D or Delete", "Mark the follow-up done"),
    ("Worklist", "S", "Snooze: follow up on a later date"),
    ("Worklist", "R", "Reassign to a colleague"),
    ("Worklist", "F5", "Reload the worklist"),
)


def shortcuts_text(rows: Sequence[tuple[str, str, str]] = SHORTCUTS) -> str:
    lines: list[str] = []
    where = ""
    for place, keys, what in rows:
        if place != where:
            lines.append(("\n" if lines else "") + place)
            where = place
        lines.append(f"    {keys:<18} {what}")
    return "\n".join(lines)


def open_shortcuts(parent: QWidget) -> QMessageBox:
    box = message(parent, QMessageBox.Icon.Information, "Keyboard shortcuts",
                  shortcuts_text())
    box.setObjectName("shortcutsDialog")
    box.open()
    return box
