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

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.ui.common.a11y import Urgency, message_label, set_message
from desktop.ui.common.i18n import plural, translate
from desktop.ui.common.style import Role, mark
from desktop.ui.common.text import plain

#: Returns the value in the form the portal expects, or raises `ValidationError`.
Rule = Callable[[str], Any]

#: Long enough for anything legitimate (a 128-character password in astral-plane
#: characters is 256 UTF-16 units); the rule, not the widget, says when it is too long.
FIELD_MAX_LENGTH = 1024

#: Deprecated: colours come from `style.mark(widget, Role.ERROR)`. Kept only until
#: `desktop/ui/worklist/followup.py` (not this module's owner's) stops importing it.

# Losing focus to a menu, a popup or another window is not "leaving the field".
_NOT_LEAVING = (Qt.FocusReason.PopupFocusReason, Qt.FocusReason.ActiveWindowFocusReason,
                Qt.FocusReason.MenuBarFocusReason)


def error_label(parent: QWidget, name: str, what: str) -> QLabel:
    """A hidden error line whose text is what a screen reader reads.

    "Problem with <what>" is only the accessible description: as a fixed accessible
    name it hid the message itself (issue 15, item 11). Show messages with
    `show_error` so that they are announced.
    """
    label = message_label(parent, name,
                          translate("Fields", "Problem with {what}").format(what=what))
    mark(label, Role.ERROR)
    label.hide()
    return label


def show_error(label: QLabel, text: str, max_chars: int = 400) -> None:
    """Show an error on an `error_label` and announce it assertively (empty: hide it)."""
    set_message(label, plain(text, max_chars, multiline=True), Urgency.ASSERTIVE)


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
    #: The field's problem appeared, changed or went away (summaries recount).
    problem_changed = Signal()

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
        # Loaded when a field is first checked: the module brings calendar and locale, and
        # the sign-in screen checks no field.
        from desktop.validation import ValidationError

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
        had = self.has_error
        set_message(self.error, "")
        self.edit.setAccessibleDescription("")
        if had:
            self.problem_changed.emit()

    def _show(self, message: str) -> None:
        text = plain(message, 300)
        changed = not self.has_error or text != self.error.text()
        # Announced (assertively) only when it is new, not on every re-check while typing.
        set_message(self.error, text, Urgency.ASSERTIVE)
        self.edit.setAccessibleDescription(text)
        if changed:
            self.problem_changed.emit()

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


class ErrorSummary(QObject):
    """The "Please correct the 2 marked fields" line of a form, kept true as fields are fixed.

    It used to be set once at Save and then stayed, singular, after the fields were put
    right. The summary recounts on every field's `problem_changed` and disappears when
    nothing is marked any more (leaving only messages no field took). Once the form
    shows another message on the same label, the summary stops following the fields.
    """

    def __init__(self, label: QLabel, fields: Sequence[CheckedField],
                 count: Callable[[], int] | None = None) -> None:
        super().__init__(label)
        self._label = label
        self._fields = list(fields)
        self._count = count or (lambda: sum(1 for f in self._fields if f.has_error))
        self._server = False
        self._leftover: list[str] = []
        self._shown: str | None = None
        for field in self._fields:
            field.problem_changed.connect(self.refresh)

    @property
    def active(self) -> bool:
        """The label shows this summary (not another message of the form)."""
        return self._shown is not None and self._label.text() == self._shown \
            and not self._label.isHidden()

    def show_marked(self, *, server: bool = False, leftover: Sequence[str] = ()) -> None:
        """Count the marked fields now and keep counting; `server`: the portal refused."""
        self._server = server
        self._leftover = [plain(m, 300) for m in leftover]
        self._shown = ""
        self._render()

    def refresh(self) -> None:
        if self.active:
            self._render()

    def _render(self) -> None:
        n = self._count()
        if n and self._server:
            text = plural(self.tr(
                "The portal did not accept some details; see the %n marked field(s).",
                None, n), n)
        elif n:
            text = plural(self.tr("Please correct the %n marked field(s).", None, n), n)
        else:
            text = ""
        text = " ".join(t for t in (text, *self._leftover) if t)
        self._shown = text if text else None
        mark(self._label, Role.ERROR)
        show_error(self._label, text)


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
