"""Every shortcut of the clerk's-day screens is listed in Help > Keyboard shortcuts."""

from __future__ import annotations

import re

from PySide6.QtGui import QKeySequence, QShortcut

from desktop.ui.batch.screen import BatchScreen
from desktop.ui.claims.screen import ClaimsScreen
from desktop.ui.shell.shortcuts import SHORTCUTS, shortcuts_text
from desktop.ui.worklist.screen import WorklistScreen
from tests.ui.worklist.support import work_context

ALIASES = {"Del": "Delete", "Ctrl+Return": "Ctrl+Enter"}


def listed(keys: str) -> bool:
    keys = ALIASES.get(keys, keys)
    for _where, text, _what in SHORTCUTS:
        if keys in re.split(r" or | … ", text):
            return True
        ranged = re.fullmatch(r"(\w+)\+1 … \1\+9", text)
        if ranged and re.fullmatch(rf"{ranged.group(1)}\+[1-9]", keys):
            return True
    return False


def test_every_screen_shortcut_is_in_the_help_list(qtbot):
    ctx, _ = work_context([])
    for screen in (ClaimsScreen(ctx), BatchScreen(ctx), WorklistScreen(ctx)):
        qtbot.addWidget(screen)
        keys = [s.key().toString(QKeySequence.SequenceFormat.PortableText)
                for s in screen.findChildren(QShortcut)]
        assert keys, type(screen).__name__
        missing = [k for k in keys if not listed(k)]
        assert missing == [], (type(screen).__name__, missing)


def test_the_list_reads_as_plain_text_grouped_by_screen():
    text = shortcuts_text()
    assert text.startswith("Everywhere\n")
    assert "\nWorklist\n" in text and "Ctrl+D or Delete" in text
    assert not listed("Ctrl+Q+Z")
