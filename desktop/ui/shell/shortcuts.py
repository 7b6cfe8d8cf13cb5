"""Help > Keyboard shortcuts: every key a clerk can use, in one plain-text list.

Kept as data beside the shell so that the list is written once; a test checks each
screen's own shortcuts against it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from desktop.ui.common.text import message

#: (where, keys, what) in the order shown.
SHORTCUTS = cast(tuple[tuple[str, str, str], ...], (
    (QT_TRANSLATE_NOOP("Shortcuts", "Everywhere"), "Ctrl+1 … Ctrl+9",
     QT_TRANSLATE_NOOP("Shortcuts", "Go to the screens, in the order of the buttons")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Everywhere"), "Ctrl+O",
     QT_TRANSLATE_NOOP("Shortcuts", "Open a remittance (835) file")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Everywhere"), "Ctrl+L",
     QT_TRANSLATE_NOOP("Shortcuts", "Lock now")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Everywhere"), "Ctrl+Shift+O",
     QT_TRANSLATE_NOOP("Shortcuts", "Sign out")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Everywhere"), "F1",
     QT_TRANSLATE_NOOP("Shortcuts", "Support contact")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Everywhere"), "Ctrl+Shift+K",
     QT_TRANSLATE_NOOP("Shortcuts", "This list")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Claims"), "Enter",
     QT_TRANSLATE_NOOP("Shortcuts", "Search (in the form); open the claim (in the list)")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Claims"), "Esc",
     QT_TRANSLATE_NOOP("Shortcuts", "Close the claim detail")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Claims"), "F",
     QT_TRANSLATE_NOOP("Shortcuts", "Follow up on the claim shown")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Claims"), "Ctrl+P",
     QT_TRANSLATE_NOOP("Shortcuts", "Print the claim shown (where IT allows)")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Claims"), "Alt+1 … Alt+9",
     QT_TRANSLATE_NOOP("Shortcuts", "Run saved search 1 to 9")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Claims"), "Ctrl+Shift+S",
     QT_TRANSLATE_NOOP("Shortcuts", "Save the current search")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Claims"), "Ctrl+E",
     QT_TRANSLATE_NOOP("Shortcuts", "Recent claims (the last 20 opened)")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Batch status"), "Ctrl+Enter",
     QT_TRANSLATE_NOOP("Shortcuts", "Check the numbers pasted")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Batch status"), "Enter",
     QT_TRANSLATE_NOOP("Shortcuts", "Open the claim of the row")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Worklist"), "Enter",
     QT_TRANSLATE_NOOP("Shortcuts", "Open the claim")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Worklist"), "Ctrl+D or Delete",
     QT_TRANSLATE_NOOP("Shortcuts", "Mark the follow-up done")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Worklist"), "S",
     QT_TRANSLATE_NOOP("Shortcuts", "Snooze: follow up on a later date")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Worklist"), "R",
     QT_TRANSLATE_NOOP("Shortcuts", "Reassign to a colleague")),
    (QT_TRANSLATE_NOOP("Shortcuts", "Worklist"), "F5",
     QT_TRANSLATE_NOOP("Shortcuts", "Reload the worklist")),
))


def shortcuts_text(rows: Sequence[tuple[str, str, str]] = SHORTCUTS) -> str:
    lines: list[str] = []
    where = ""
    for place, keys, what in rows:
        if place != where:
            lines.append(("\n" if lines else "") + translate("Shortcuts", place))
            where = place
        lines.append(f"    {keys:<18} {translate('Shortcuts', what)}")
    return "\n".join(lines)


def open_shortcuts(parent: QWidget) -> QMessageBox:
    box = message(parent, QMessageBox.Icon.Information,
                  translate("Shortcuts", "Keyboard shortcuts"), shortcuts_text())
    box.setObjectName("shortcutsDialog")
    box.open()
    return box
