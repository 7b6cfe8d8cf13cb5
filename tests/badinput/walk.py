"""Hostile text and the widget walk that proves it is shown literally and safely.

`HOSTILE` is the catalogue of bad input (issue 8, item 3). `walk_problems(root)`
visits every widget under a window (and its open dialogs) and reports any place
where untrusted text could be interpreted or hidden: a label that may render rich
text, a tooltip with live markup, a table cell or label longer than its cap, or a
bidi override, zero-width or control character that survived into what is shown.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextImageFormat
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QTextEdit,
    QWidget,
)

LONG = 10_000

#: name -> value: every kind of bad input the issue lists, one per entry.
HOSTILE: dict[str, str] = {
    "html-bold": "<b>x</b>",
    "html-img": '<img src="https://evil.example/p.png">',
    "html-link": '<a href="https://evil.example/">click</a>',
    "html-script": "<script>alert(1)</script><i>it</i>",
    "bidi-override": "Smith\u202egnp.exe\u202c",
    "bidi-isolates": "A\u2066B\u2069C\u200fD\u061c",
    "zero-width": "Jo\u200bhn\u200d\ufeff\u2060Doe",
    "control": "Ann\x07\x1b[31mLee\x7f\x85\x9b",
    "newlines": "line1\r\nline2\rline3",
    "nul": "Nul\x00Byte",
    "long": "L" * LONG,
    "emoji": "Zo\u00eb \U0001f600\U0001f3e5 \U0001f1fa\U0001f1f8",
    "combining": "Z\u0351\u0300a\u0301\u0302\u0303l\u0308g\u0327o e\u0301",
    "rtl-text": "\u05e2\u05d1\u05e8\u05d9\u05ea \u0627\u0644\u0639\u0631\u0628\u064a\u0629",
}

#: Characters that must never reach the screen from untrusted text.
_INVISIBLE = {0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A, 0x202B,
              0x202C, 0x202D, 0x202E, 0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF,
              0x061C}
#: Markup that would be live if a widget interpreted it.
LIVE_MARKUP = ("<b>", "<img", "<a href", "<script", "<i>")
LABEL_CAP = 1_200
CELL_CAP = 200
TITLE_CAP = 200


def bad_chars(text: str, *, multiline: bool = True) -> list[str]:
    out = []
    for ch in text:
        cp = ord(ch)
        if ch in "\n\t" and multiline:
            continue
        if cp in _INVISIBLE or unicodedata.category(ch) in ("Cc", "Cs", "Co"):
            out.append(f"U+{cp:04X}")
    return out


def _check(where: str, text: str, cap: int | None, problems: list[str], *,
           multiline: bool = True) -> None:
    bad = bad_chars(text, multiline=multiline)
    if bad:
        problems.append(f"{where}: hidden/control characters {bad[:5]}")
    if cap is not None and len(text) > cap:
        problems.append(f"{where}: {len(text)} characters shown (cap {cap})")


def _tooltip(where: str, tip: str, problems: list[str]) -> None:
    _check(where + " tooltip", tip, None, problems)
    if GuiQt.mightBeRichText(tip) and any(m in tip for m in LIVE_MARKUP):
        problems.append(f"{where}: tooltip would render markup")


def _columns(model: QAbstractItemModel) -> int:
    try:
        return int(model.columnCount(QModelIndex()))
    except TypeError:  # list models keep columnCount private: one column
        return 1


def _model(where: str, model: QAbstractItemModel, problems: list[str]) -> None:
    rows = min(model.rowCount(QModelIndex()), 60)
    for row in range(rows):
        for col in range(_columns(model)):
            index = model.index(row, col)
            shown = model.data(index, Qt.ItemDataRole.DisplayRole)
            if shown is not None and not isinstance(shown, str | int | float):
                problems.append(f"{where}[{row},{col}]: display data is {type(shown).__name__}")
                continue
            _check(f"{where}[{row},{col}]", str(shown or ""), CELL_CAP, problems,
                   multiline=False)
            tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                _tooltip(f"{where}[{row},{col}]", tip, problems)


def _document(where: str, edit: QTextEdit, problems: list[str]) -> None:
    doc = edit.document()
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                problems.append(f"{where}: shows an image "
                                f"({QTextImageFormat(fmt).name()[:40]!r})")
            it += 1
        block = block.next()
    _check(where, edit.toPlainText(), None, problems)


def widgets_of(root: QWidget) -> Iterable[QWidget]:
    seen: set[int] = set()
    tops = [root, *(w for w in QApplication.topLevelWidgets()
                    if w is not root and w.isVisible())]
    for top in tops:
        for w in (top, *top.findChildren(QWidget)):
            if id(w) not in seen:
                seen.add(id(w))
                yield w


def walk_problems(root: QWidget) -> list[str]:
    problems: list[str] = []
    for w in widgets_of(root):
        where = f"{type(w).__name__}#{w.objectName() or '?'}"
        if w.isWindow():
            _check(where + " title", w.windowTitle(), TITLE_CAP, problems, multiline=False)
        if w.toolTip():
            _tooltip(where, w.toolTip(), problems)
        if isinstance(w, QLabel):
            if w.buddy() is None and w.text() and w.textFormat() != Qt.TextFormat.PlainText:
                problems.append(f"{where}: label not plain text")
            _check(where, w.text(), LABEL_CAP, problems)
        elif isinstance(w, QAbstractButton):
            _check(where, w.text(), LABEL_CAP, problems, multiline=False)
        elif isinstance(w, QLineEdit) and w.isReadOnly():
            _check(where, w.text(), None, problems, multiline=False)
        elif isinstance(w, QTextEdit):
            _document(where, w, problems)
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                _check(f"{where} item {i}", w.itemText(i), CELL_CAP, problems,
                       multiline=False)
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            _model(where, w.model(), problems)
    return problems


def all_shown_text(root: QWidget) -> str:
    """Everything the window shows as text, joined (to find a value shown literally)."""
    parts: list[str] = []
    for w in widgets_of(root):
        if isinstance(w, QLabel | QAbstractButton | QLineEdit):
            parts.append(w.text())
        elif isinstance(w, QTextEdit):
            parts.append(w.toPlainText())
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            m = w.model()
            for row in range(min(m.rowCount(QModelIndex()), 60)):
                for col in range(_columns(m)):
                    parts.append(str(m.data(m.index(row, col)) or ""))
    return "\n".join(parts)
