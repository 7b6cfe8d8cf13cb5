"""Make untrusted text (from the server or the user) safe to put in a widget.

Qt guesses rich text from a leading `<` in labels, message boxes and tooltips;
bidi overrides can make `pay 100` read as `001 yap`; control characters and
zero-width characters hide content. Everything the UI shows that it did not
write itself passes through `plain()` and goes into widgets set to
`Qt.TextFormat.PlainText`.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

#: Longest value shown in one cell or label before it is elided.
DEFAULT_MAX_CHARS = 200

# Bidi embeddings/overrides/isolates and zero-width/invisible formatting characters.
_STRIP = {
    0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2028, 0x2029,
    0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
    0x2060, 0x2061, 0x2062, 0x2063, 0x2064,
    0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF, 0x061C, 0x180E,
}


def plain(value: object, max_chars: int = DEFAULT_MAX_CHARS, *, multiline: bool = False) -> str:
    """Strip control, bidi and invisible characters, and elide past `max_chars`."""
    text = "" if value is None else str(value)
    # Most text needs nothing taken out: `str.isprintable` is False for every category
    # dropped below (and for every character of _STRIP), so such text is only re-spaced.
    spaced = text.replace("\r", " ")
    if not multiline:
        spaced = spaced.replace("\n", " ").replace("\t", " ")
    if spaced.replace("\n", "").replace("\t", "").isprintable():
        return _elided(spaced, max_chars)
    out: list[str] = []
    for ch in text:
        cp = ord(ch)
        if ch in "\n\t" and multiline:
            out.append(ch)
            continue
        if ch in "\r\n\t":
            out.append(" ")
            continue
        if cp in _STRIP:
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cs", "Co", "Cn") or (cat == "Cf" and cp != 0x00AD):
            continue
        out.append(ch)
        if len(out) > max_chars + 1:
            break
    return _elided("".join(out), max_chars)


def _elided(text: str, max_chars: int) -> str:
    if len(text) > max_chars:
        return text[: max_chars - 1].rstrip() + "…"
    return text


def plain_label(text: object = "", parent: QWidget | None = None, *, max_chars: int = 400,
                word_wrap: bool = True) -> QLabel:
    """A QLabel that can never be talked into rendering HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(word_wrap)
    label.setText(plain(text, max_chars, multiline=True))
    return label


def heading(text: str, parent: QWidget | None = None, scale: float = 1.4) -> QLabel:
    """A bold, larger plain-text title (screens, dialogs)."""
    label = plain_label(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    return label


def set_plain(label: QLabel, text: object, max_chars: int = 400) -> None:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(plain(text, max_chars, multiline=True))


def message(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: object,
            informative: object = "") -> QMessageBox:
    """A message box whose texts are plain, whatever the server sent."""
    box = QMessageBox(parent)
    box.setObjectName("messageBox")
    box.setIcon(icon)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setWindowTitle(plain(title, 80))
    body = plain(text, 600, multiline=True)
    if informative:
        # The informative label has no text-format setter of its own: keep it all in one.
        body += "\n\n" + plain(informative, 600, multiline=True)
    box.setText(body)
    return box
