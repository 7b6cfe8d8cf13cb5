"""The privacy-policy gate: a modal dialog that must be accepted before any patient data.

Closing the dialog, pressing Esc or choosing Decline all reject it: a decline,
never an acceptance. The dialog does not talk to the portal; it asks its owner
(`accept_requested`) and is closed by the owner once the server has recorded
the acceptance, so a failed POST leaves the dialog open with the reason shown.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QColor, QFont, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.common.links import UrlOpener, open_external
from desktop.ui.common.text import heading, plain, plain_label, set_plain


class PolicyLike(Protocol):
    @property
    def version(self) -> str: ...
    @property
    def effective_at(self) -> datetime | date | str: ...
    @property
    def title(self) -> str: ...
    @property
    def body_markdown(self) -> str: ...
    @property
    def summary_of_changes(self) -> str: ...


@dataclass(frozen=True)
class AcceptanceRow:
    version: str
    accepted_at: str
    receipt_id: str


def _when(value: datetime | date | str) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return plain(value, 40)


def _diff_into(view: QTextBrowser, old: str, new: str, summary: str) -> None:
    """Write the summary and a line diff with QTextCursor: no HTML is ever parsed."""
    view.clear()
    cursor = QTextCursor(view.document())
    heading = QTextCharFormat()
    heading.setFontWeight(QFont.Weight.Bold)
    normal = QTextCharFormat()
    added = QTextCharFormat()
    added.setBackground(QColor("#d9f2d9"))
    removed = QTextCharFormat()
    removed.setBackground(QColor("#f8d7d7"))
    removed.setFontStrikeOut(True)
    cursor.insertText("Summary of changes\n", heading)
    cursor.insertText(plain(summary, 4000, multiline=True) + "\n\n", normal)
    cursor.insertText(
        "Changes since the version you accepted (added lines marked +, removed lines marked −)\n",
        heading,
    )
    old_lines, new_lines = old.splitlines(), new.splitlines()
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for n, group in enumerate(matcher.get_grouped_opcodes(1)):
        if n:
            cursor.insertText("  …\n", normal)
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                for text in old_lines[i1:i2]:
                    if text.strip():
                        cursor.insertText("  " + plain(text, 2000) + "\n", normal)
                continue
            for text in old_lines[i1:i2]:
                if text.strip():
                    cursor.insertText("− " + plain(text, 2000) + "\n", removed)
            for text in new_lines[j1:j2]:
                if text.strip():
                    cursor.insertText("+ " + plain(text, 2000) + "\n", added)
    view.moveCursor(QTextCursor.MoveOperation.Start)


class SafeTextBrowser(QTextBrowser):
    """A text browser that loads no resource (no local files, no network images)."""

    def loadResource(self, type: int, name: QUrl | str) -> object:
        return None


def set_policy_markdown(view: QTextBrowser, body: str) -> None:
    """Render Markdown with raw HTML turned off: the portal's text cannot inject markup.

    Bidi and control characters go as everywhere else, and pictures (`![x](url)`) are
    replaced by a note: nothing is loaded for them, and a broken image helps nobody.
    """
    features = (QTextDocument.MarkdownFeature.MarkdownDialectGitHub
                | QTextDocument.MarkdownFeature.MarkdownNoHTML)
    document = view.document()
    document.setMarkdown(plain(body, len(body) + 1, multiline=True), features)
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
        cursor.insertText("[picture not shown]", QTextCharFormat())


class PolicyDialog(QDialog):
    """Shows the current policy, what changed, and (in view mode) the acceptance history."""

    accept_requested = Signal(str)

    def __init__(
        self,
        policy: PolicyLike,
        *,
        previous: PolicyLike | None = None,
        gate: bool = True,
        acceptances: Sequence[AcceptanceRow] = (),
        opener: UrlOpener | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("policyDialog")
        self.setWindowTitle("Privacy policy")
        self.setModal(True)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.resize(760, 640)
        self._version = policy.version
        self._opener = opener

        layout = QVBoxLayout(self)
        title = heading(plain(policy.title, 200), self, scale=1.3)
        title.setObjectName("policyTitle")
        layout.addWidget(title)
        meta = plain_label(
            f"Version {plain(policy.version, 40)} · effective {_when(policy.effective_at)}", self
        )
        meta.setObjectName("policyMeta")
        layout.addWidget(meta)
        if gate:
            intro = "Please read the policy. You need to accept it to search claims."
            if previous is not None:
                intro = ("The privacy policy has changed since you last accepted it. "
                         "Please read what changed and accept to continue.")
            self._intro = plain_label(intro, self)
            layout.addWidget(self._intro)

        layout.addWidget(self._build_tabs(policy, previous, gate, acceptances), 1)

        self.error = QLabel(self)
        self.error.setObjectName("policyError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a00000;")
        self.error.hide()
        layout.addWidget(self.error)
        layout.addWidget(self._build_buttons(gate))

    def _build_tabs(self, policy: PolicyLike, previous: PolicyLike | None, gate: bool,
                    acceptances: Sequence[AcceptanceRow]) -> QTabWidget:
        """The policy, what changed since the version accepted before, and the history."""
        self.tabs = QTabWidget(self)
        self.text = SafeTextBrowser(self)
        self.text.setObjectName("policyText")
        self.text.setAccessibleName("Privacy policy text")
        self.text.setOpenLinks(False)
        self.text.setOpenExternalLinks(False)
        set_policy_markdown(self.text, policy.body_markdown)
        self.text.anchorClicked.connect(self._link)
        self.tabs.addTab(self.text, "Policy")

        self.changes = SafeTextBrowser(self)
        self.changes.setObjectName("policyChanges")
        self.changes.setAccessibleName("What changed in the privacy policy")
        self.changes.setOpenLinks(False)
        self.changes.setOpenExternalLinks(False)
        if previous is not None and previous.version != policy.version:
            _diff_into(self.changes, previous.body_markdown, policy.body_markdown,
                       policy.summary_of_changes)
        else:
            self.changes.setPlainText(
                plain(policy.summary_of_changes or "This is the first version you are shown.",
                      4000, multiline=True))
        self.tabs.addTab(self.changes, "What changed")
        if previous is not None and gate:
            self.tabs.setCurrentWidget(self.changes)

        if acceptances or not gate:
            history = QTableWidget(len(acceptances), 3, self)
            history.setObjectName("policyHistory")
            history.setAccessibleName("Your policy acceptances")
            history.setHorizontalHeaderLabels(["Version", "Accepted at", "Receipt"])
            history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            for row, acc in enumerate(acceptances):
                for col, value in enumerate((acc.version, acc.accepted_at, acc.receipt_id)):
                    history.setItem(row, col, QTableWidgetItem(plain(value, 80)))
            history.resizeColumnsToContents()
            history.horizontalHeader().setStretchLastSection(True)
            self.tabs.addTab(history, "Your acceptances")
        return self.tabs

    def _build_buttons(self, gate: bool) -> QDialogButtonBox:
        """Accept / Decline at the gate; Close when only reading (Help)."""
        buttons = QDialogButtonBox(self)
        if gate:
            self.accept_button = QPushButton("&Accept", self)
            self.accept_button.setObjectName("policyAcceptButton")
            self.accept_button.setAccessibleName("Accept the privacy policy")
            self.decline_button = QPushButton("&Decline", self)
            self.decline_button.setObjectName("policyDeclineButton")
            self.decline_button.setAccessibleName("Decline the privacy policy and sign out")
            buttons.addButton(self.accept_button, QDialogButtonBox.ButtonRole.AcceptRole)
            buttons.addButton(self.decline_button, QDialogButtonBox.ButtonRole.RejectRole)
            self.accept_button.clicked.connect(self._accept_clicked)
            self.decline_button.clicked.connect(self.reject)
            self.accept_button.setAutoDefault(False)
            self.decline_button.setAutoDefault(False)
        else:
            close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
            close.setObjectName("policyCloseButton")
            close.setAccessibleName("Close the privacy policy")
            close.clicked.connect(self.reject)
        return buttons

    @property
    def version(self) -> str:
        return self._version

    def _accept_clicked(self) -> None:
        self.accept_button.setEnabled(False)
        self.error.hide()
        self.accept_requested.emit(self._version)

    def acceptance_failed(self, message: str) -> None:
        """The server did not record the acceptance: stay open, say why, allow a retry."""
        set_plain(self.error, message)
        self.error.show()
        self.accept_button.setEnabled(True)

    def _link(self, url: QUrl) -> None:
        open_external(self, url, self._opener)
