"""Form building blocks: the error label, a centered card, and a line edit bound to its
caption, its error label and its rule.

`CheckedField` is used by the registration form, the account screen and the claim
search (one implementation of "check as the user types or leaves a field" for all).
What makes it worth a class:

- a field is checked when the user leaves it (or presses Enter) after typing, and
  re-checked on every keystroke once it shows a problem, so the message goes away as
  soon as the value is right but does not nag while someone is still typing;
- the portal's own field errors land on the same label and stay until the value is
  changed, because re-checking the same text locally would wrongly clear them;
- nothing here ever changes what the user typed: no input masks, no validators that
  refuse keystrokes or pastes, no silent truncation (the rule explains instead).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.ui.common.text import plain
from desktop.validation import ValidationError

#: Returns the value in the form the portal expects, or raises `ValidationError`.
Rule = Callable[[str], Any]

#: Long enough for anything legitimate (a 128-character password in astral-plane
#: characters is 256 UTF-16 units); the rule, not the widget, says when it is too long.
FIELD_MAX_LENGTH = 1024

ERROR_STYLE = "color: #a00000;"

# Losing focus to a menu, a popup or another window is not "leaving the field".
_NOT_LEAVING = (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason,
                Qt.FocusReason.MenuBarFocusReason)


def error_label(parent: QWidget, name: str, what: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setAccessibleName(f"Problem with {what}")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    label.hide()
    return label


def centered_card(outer: QWidget, min_width: int = 420,
                  max_width: int = 520) -> tuple[QFrame, QVBoxLayout]:
    """A framed panel centered in `outer` (sign-in, lock): the panel and its layout."""
    layout = QVBoxLayout(outer)
    layout.addStretch(1)
    card = QFrame(outer)
    card.setFrameShape(QFrame.Shape.StyledPanel)
    card.setMinimumWidth(min_width)
    card.setMaximumWidth(max_width)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(card)
    row.addStretch(1)
    layout.addLayout(row)
    layout.addStretch(2)
    return card, QVBoxLayout(card)


class CheckedField(QObject):
    """One text field: edit, caption (with mnemonic and buddy), error label and rule."""

    #: The text changed, by the user or by the program.
    changed = Signal()

    def __init__(self, parent: QWidget, name: str, caption: str, what: str, rule: Rule, *,
                 wire: str = "", password: bool = False, placeholder: str = "") -> None:
        super().__init__(parent)
        self.name = name
        self.what = what
        self.wire = wire
        self._rule = rule
        self._touched = False
        self._server: tuple[str, str] | None = None
        self.box = QWidget(parent)
        layout = QVBoxLayout(self.box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.edit = QLineEdit(self.box)
        self.edit.setObjectName(name)
        self.edit.setAccessibleName(what[:1].upper() + what[1:])
        self.edit.setMaxLength(FIELD_MAX_LENGTH)
        if placeholder:
            self.edit.setPlaceholderText(placeholder)
        if password:
            self.edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.edit.setInputMethodHints(Qt.InputMethodHint.ImhHiddenText
                                          | Qt.InputMethodHint.ImhNoPredictiveText
                                          | Qt.InputMethodHint.ImhSensitiveData)
        layout.addWidget(self.edit)
        self.error = error_label(self.box, name + "Error", what)
        layout.addWidget(self.error)
        self.caption = QLabel(caption, parent)
        self.caption.setBuddy(self.edit)
        self.box.setFocusProxy(self.edit)
        self.edit.textEdited.connect(self._edited)
        self.edit.textChanged.connect(self._text_changed)
        self.edit.editingFinished.connect(self._left)
        self.edit.installEventFilter(self)

    # --- what the user typed ---------------------------------------------------------

    def text(self) -> str:
        return self.edit.text()

    def set_text(self, text: str) -> None:
        """Set by the program (loaded values, conflict choices): not a user edit."""
        self._server = None
        self._touched = False
        self.edit.setText(text)
        self.clear_error()

    def wipe(self) -> None:
        """Forget the text, undo history included (passwords, sign-out)."""
        self.edit.setText("")  # setText, unlike clear(), resets the undo history
        self._server = None
        self._touched = False
        self.clear_error()

    def set_rule(self, rule: Rule) -> None:
        self._rule = rule

    # --- checking --------------------------------------------------------------------

    def value(self) -> Any:
        """The checked value; raises `ValidationError` (nothing shown)."""
        return self._rule(self.edit.text())

    def check(self, *, show: bool = True) -> bool:
        """Check against the rule; show the outcome unless `show` is False."""
        if self._server is not None:
            if self._server[0] == self.edit.text():
                if show:
                    self._show(self._server[1])
                return False
            self._server = None
        try:
            self._rule(self.edit.text())
        except ValidationError as exc:
            if show:
                self._show(exc.message)
            return False
        if show:
            self.clear_error()
        return True

    def set_server_error(self, message: str) -> None:
        """The portal refused this value: show its words until the value changes."""
        self._server = (self.edit.text(), message)
        self._show(message)

    def drop_server_error(self) -> None:
        self._server = None

    @property
    def has_error(self) -> bool:
        return not self.error.isHidden()

    @property
    def error_text(self) -> str:
        return self.error.text() if self.has_error else ""

    def clear_error(self) -> None:
        self.error.clear()
        self.error.hide()
        self.edit.setAccessibleDescription("")

    def _show(self, message: str) -> None:
        text = plain(message, 300)
        self.error.setText(text)
        self.error.show()
        self.edit.setAccessibleDescription(text)

    # --- reacting to the user --------------------------------------------------------

    def _edited(self, _text: str) -> None:
        self._touched = True

    def _text_changed(self, _text: str) -> None:
        if self.has_error:
            self.check()
        self.changed.emit()

    def _left(self) -> None:
        if self._touched or self.has_error:
            self.check()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # editingFinished only fires when the text changed since last time; leaving a
        # field that still shows a problem, or one typed into earlier, re-checks too.
        if (watched is self.edit and event.type() == QEvent.Type.FocusOut
                and isinstance(event, QFocusEvent) and event.reason() not in _NOT_LEAVING
                and self._touched):
            self.check()
        return False


def first_with_error(fields: Iterable[CheckedField]) -> CheckedField | None:
    return next((f for f in fields if f.has_error), None)


def check_all(fields: Iterable[CheckedField]) -> list[CheckedField]:
    """Check every field, showing each outcome; returns the ones with a problem."""
    return [f for f in list(fields) if not f.check()]


def apply_server_errors(fields: Iterable[CheckedField], errors: dict[str, str]) -> list[str]:
    """Put each portal field error on its field; return the messages no field took."""
    by_wire = {f.wire: f for f in fields if f.wire}
    leftover = []
    for key, message in errors.items():
        field = by_wire.get(key)
        if field is None:
            leftover.append(message)
        else:
            field.set_server_error(message)
    return leftover
