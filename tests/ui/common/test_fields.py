"""The form pieces every screen shares: error labels a screen reader can read, and a
summary that counts the marked fields and follows the fixes (issue 15, items 7 and 11)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.portal.errors import AccountLocked
from desktop.ui.common.a11y import Urgency
from desktop.ui.common.errors import sign_in_message
from desktop.ui.common.fields import (
    CheckedField,
    ErrorSummary,
    error_label,
    show_error,
)
from desktop.ui.common.formats import plural
from desktop.validation import ValidationError


def _digits(text: str) -> str:
    if not text.isdigit():
        raise ValidationError("Type digits only.")
    return text


def _name(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def _description(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Description)


def test_error_label_exposes_its_text_and_is_announced(qtbot, announced):
    parent = QWidget()
    qtbot.addWidget(parent)
    label = error_label(parent, "unlockError", "unlocking")
    assert label.isHidden() and label.property("role") == "error"
    assert label.styleSheet() == ""  # a role, not a colour
    show_error(label, "The password is not right.")
    assert not label.isHidden()
    assert _name(label) == "The password is not right."
    assert _description(label) == "Problem with unlocking"
    assert announced == [("The password is not right.", Urgency.ASSERTIVE)]
    show_error(label, "")
    assert label.isHidden()


def test_field_problem_is_read_and_announced_once(qtbot, announced):
    parent = QWidget()
    qtbot.addWidget(parent)
    field = CheckedField(parent, "npi", "&NPI:", "NPI", _digits)
    field.edit.setText("12a")
    assert not field.check()
    assert _name(field.error) == "Type digits only."
    assert _description(field.edit) == "Type digits only."
    field.edit.setText("12b")  # re-checked while fixing: the same words, not said again
    assert announced == [("Type digits only.", Urgency.ASSERTIVE)]
    field.edit.setText("12")
    assert not field.has_error and _description(field.edit) == ""


def _form(qtbot) -> tuple[QWidget, list[CheckedField], ErrorSummary]:
    parent = QWidget()
    qtbot.addWidget(parent)
    layout = QVBoxLayout(parent)
    fields = [CheckedField(parent, f"f{i}", f"F{i}:", f"field {i}", _digits) for i in range(3)]
    for f in fields:
        layout.addWidget(f.box)
    label = error_label(parent, "summary", "the form")
    layout.addWidget(label)
    return parent, fields, ErrorSummary(label, fields)


def test_summary_counts_in_the_plural_and_follows_the_fixes(qtbot):
    parent, fields, summary = _form(qtbot)
    label = parent.findChild(QWidget, "summary")
    for f in fields[:2]:
        f.edit.setText("x")
        f.check()
    summary.show_marked()
    assert label.text() == "Please correct the 2 marked fields."
    fields[2].edit.setText("y")
    fields[2].check()
    assert label.text() == "Please correct the 3 marked fields."
    fields[0].edit.setText("1")
    fields[1].edit.setText("2")
    assert label.text() == "Please correct the 1 marked field."
    fields[2].edit.setText("3")
    assert label.isHidden() and not summary.active


def test_summary_keeps_what_no_field_took_and_leaves_other_messages_alone(qtbot):
    parent, fields, summary = _form(qtbot)
    label = parent.findChild(QWidget, "summary")
    fields[0].set_server_error("Taken.")
    summary.show_marked(server=True, leftover=["The office is closed."])
    assert label.text() == ("The portal did not accept some details; see the 1 marked "
                            "field. The office is closed.")
    fields[0].edit.setText("9")
    assert label.text() == "The office is closed."
    show_error(label, "Saving failed.")  # the form's own message now
    fields[1].edit.setText("x")
    fields[1].check()
    assert label.text() == "Saving failed."


def test_plural_words_without_a_catalogue():
    assert plural("the %n marked field(s)".replace("%n", "1"), 1) == \
        "the 1 marked field"
    assert plural("2 minute(s)", 2) == "2 minutes"


@pytest.mark.parametrize(("seconds", "words"), [(60, "1 minute."), (300, "5 minutes.")])
def test_lockout_minutes_in_the_right_number(seconds, words):
    text = sign_in_message(AccountLocked(retry_after_s=seconds))
    assert text.endswith("Try again in " + words)
