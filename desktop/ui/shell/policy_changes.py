"""The privacy policy as formatted text, and "What changed" as formatted text too.

Why: "What changed" used to be a line diff of the raw Markdown, so a clerk read
`**...**`, `## ...` and "− -" and had to guess which version it was compared with. The
policy is now cut into its Markdown blocks (headings, paragraphs, list items); the
blocks that were removed and added are rendered like the policy itself, under a
"Removed" or "Added" label (words, not colour only), struck through or highlighted,
each run after the heading of the section it is in. Nothing is parsed as HTML: the
Markdown is rendered with raw HTML turned off and the pieces are joined as document
fragments.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from PySide6.QtCore import QUrl
from PySide6.QtGui import (
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import QTextBrowser

from desktop.ui.common.i18n import translate
from desktop.ui.common.style import Tone, tone_colours
from desktop.ui.common.text import plain

_FEATURES = (QTextDocument.MarkdownFeature.MarkdownDialectGitHub
             | QTextDocument.MarkdownFeature.MarkdownNoHTML)
_LIST_ITEM = re.compile(r"^\s{0,3}([-*+]|\d{1,3}[.)])\s+")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s")


class SafeTextBrowser(QTextBrowser):
    """A text browser that loads no resource (no local files, no network images)."""

    def loadResource(self, type: int, name: QUrl | str) -> object:
        return None


def _render(document: QTextDocument, markdown: str) -> None:
    """Markdown with raw HTML off; pictures replaced by a note (nothing is loaded)."""
    document.setMarkdown(plain(markdown, len(markdown) + 1, multiline=True), _FEATURES)
    images: list[tuple[int, int]] = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            if fragment.charFormat().isImageFormat():
                images.append((fragment.position(), fragment.length()))
            fragments += 1
        block = block.next()
    cursor = QTextCursor(document)
    for position, length in reversed(images):
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(translate("Policy", "[picture not shown]"), QTextCharFormat())


def set_policy_markdown(view: QTextBrowser, body: str) -> None:
    """Render the policy, at its top (the view opens on the first line)."""
    _render(view.document(), body)
    view.moveCursor(QTextCursor.MoveOperation.Start)


@dataclass(frozen=True)
class Block:
    """One Markdown block: a heading, a list item or a paragraph (its source lines)."""

    text: str

    @property
    def is_heading(self) -> bool:
        return bool(_HEADING.match(self.text))

    @property
    def key(self) -> str:
        """What is compared: the words, whatever the line breaks and spacing."""
        return " ".join(self.text.split())


def split_blocks(markdown: str) -> list[Block]:
    blocks: list[Block] = []
    lines: list[str] = []

    def flush() -> None:
        if lines:
            blocks.append(Block("\n".join(lines)))
            lines.clear()

    for line in markdown.splitlines():
        if not line.strip():
            flush()
        elif _HEADING.match(line) or _LIST_ITEM.match(line):
            flush()
            lines.append(line)
            if _HEADING.match(line):
                flush()
        else:
            lines.append(line)
    flush()
    return blocks


@dataclass(frozen=True)
class ChangesHeader:
    previous_version: str
    #: When the user accepted `previous_version`, already formatted; "" if unknown.
    accepted_on: str
    current_version: str


def _bold() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontWeight(QFont.Weight.Bold)
    return fmt


def _insert_markdown(cursor: QTextCursor, markdown: str, mark: QTextCharFormat | None,
                     label: str = "") -> None:
    """One block, rendered; `label` ("Removed:") goes in the same piece, above it (a
    list item inserted after a separate label line would leave an empty line)."""
    piece = QTextDocument()
    _render(piece, markdown)
    if label:
        head = QTextCursor(piece)
        kept = head.blockFormat()  # a list item's format carries its list
        head.insertText(label, _bold())
        head.insertBlock(kept, QTextCharFormat())
        first = piece.firstBlock()
        listed = first.textList()
        if listed is not None:  # the label is not a bullet of the list item below it
            listed.remove(first)
        QTextCursor(first).setBlockFormat(QTextBlockFormat())
    start = cursor.position() + (len(label) + 1 if label else 0)
    cursor.insertFragment(QTextDocumentFragment(piece))
    if mark is not None:
        end = cursor.position()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(mark)
        cursor.clearSelection()
        cursor.setPosition(end)
    cursor.insertBlock(QTextBlockFormat(), QTextCharFormat())


def _marks() -> tuple[QTextCharFormat, QTextCharFormat]:
    added, removed = QTextCharFormat(), QTextCharFormat()
    for fmt, tone in ((added, Tone.GOOD), (removed, Tone.BAD)):
        bg, ink = tone_colours(tone)
        fmt.setBackground(bg)
        fmt.setForeground(ink)
    removed.setFontStrikeOut(True)
    return added, removed


def write_changes(view: QTextBrowser, old: str, new: str, summary: str,
                  header: ChangesHeader) -> None:
    """The summary, then the removed and added blocks, as formatted text."""
    view.clear()
    cursor = QTextCursor(view.document())
    title = translate("Policy", "Changes since version {previous}, which you accepted on "
                      "{date}").format(previous=plain(header.previous_version, 40),
                                       date=header.accepted_on) if header.accepted_on else \
        translate("Policy", "Changes since version {previous}, the version you accepted "
                  "before").format(previous=plain(header.previous_version, 40))
    cursor.insertText(title + "\n", _bold())
    cursor.insertText(translate("Policy", "The current version is {current}.").format(
        current=plain(header.current_version, 40)) + "\n\n", QTextCharFormat())
    if summary.strip():
        cursor.insertText(translate("Policy", "Summary of changes") + "\n", _bold())
        cursor.insertText(plain(summary, 4000, multiline=True) + "\n\n", QTextCharFormat())
    _write_block_changes(cursor, split_blocks(old), split_blocks(new))
    view.moveCursor(QTextCursor.MoveOperation.Start)


def _write_block_changes(cursor: QTextCursor, old: list[Block], new: list[Block]) -> None:
    added, removed = _marks()
    matcher = difflib.SequenceMatcher(a=[b.key for b in old], b=[b.key for b in new],
                                      autojunk=False)
    section: Block | None = None
    shown: Block | None = None
    changed = False
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for block in new[j1:j2]:
                if block.is_heading:
                    section = block
            continue
        changed = True
        if section is not None and section is not shown and not (
                j2 > j1 and new[j1].is_heading):
            _insert_markdown(cursor, section.text, None)
            shown = section
        for n, block in enumerate(old[i1:i2]):
            _insert_markdown(cursor, block.text, removed,
                             "" if n else translate("Policy", "Removed:"))
        for n, block in enumerate(new[j1:j2]):
            _insert_markdown(cursor, block.text, added, "" if n else translate("Policy", "Added:"))
            if block.is_heading:
                section = shown = block
    if not changed:
        cursor.insertText(translate("Policy", "The text itself did not change."),
                          QTextCharFormat())
