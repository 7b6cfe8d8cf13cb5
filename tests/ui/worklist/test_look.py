"""Worklist and the shared "what to do next" words: tones from the style, the conflict as
a notice, plural-aware deadlines, dates in the locale's format, widths that fit."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QAccessible, QColor

from desktop.nextstep import NextStep, Urgency
from desktop.portal.playbook import Action, CountedFrom, Window
from desktop.ui.common import style
from desktop.ui.common.formats import Formats
from desktop.ui.common.nextstep import (
    URGENCY_TONES,
    days_text,
    deadline_cell,
    deadline_text,
    step_tone,
)
from desktop.ui.common.style import Scheme, Tone
from desktop.ui.worklist.followup import FollowUpDialog
from desktop.ui.worklist.model import COL_NUMBER, COL_STATUS, COL_WHEN
from tests.ui.common.looks import restore_look  # noqa: F401 (a fixture)
from tests.ui.worklist.support import work_context
from tests.ui.worklist.test_screen import DENIED, make

#: Every test here may apply a scheme; the look is put back after each.
pytestmark = pytest.mark.usefixtures("restore_look")

BG = Qt.ItemDataRole.BackgroundRole
TODAY = date(2026, 3, 10)


def step(days: int | None, window: str | None = "appeal_window") -> NextStep:
    deadline = None if days is None else TODAY + timedelta(days=days)
    win = Window(window, 90, CountedFrom.DECISION_DATE, "Manual 4.2") if window else None
    return NextStep(Action.APPEAL, "Appeal", "Send an appeal.", deadline, win, "Manual 4.2")



@pytest.mark.parametrize(("left", "words"), [
    (1, "1 day left"), (12, "12 days left"), (0, "Due today"), (-1, "1 day late"),
    (-3, "3 days late"), (None, "No deadline")])
def test_days_are_plural_aware(left: int | None, words: str) -> None:
    assert days_text(left) == words


def test_deadline_words_and_tones() -> None:
    assert deadline_cell(step(-3), TODAY) == "Deadline passed: 3 days late"
    assert deadline_cell(step(None), TODAY) == ""
    assert deadline_text(step(12), TODAY, Formats().date) == \
        f"Urgent: 12 days left (by {Formats().date(TODAY + timedelta(days=12))}, appeal window)"
    assert deadline_text(step(None), TODAY, Formats().date) == "No deadline"
    assert step_tone(step(-3), TODAY) is Tone.BAD
    assert step_tone(step(10), TODAY) is Tone.WARN
    assert step_tone(step(100), TODAY) is Tone.GOOD
    assert step_tone(step(None), TODAY) is None and step_tone(None, TODAY) is None
    assert set(URGENCY_TONES) == set(Urgency)


@pytest.mark.parametrize("scheme", list(Scheme))
def test_bucket_colours_are_the_schemes_tones(qtbot, qapp,
                                              scheme: Scheme) -> None:
    style.apply(qapp, scheme)
    s, *_ = make(qtbot)
    m = s.model
    assert m.index(0, COL_WHEN).data(BG) == QColor(style.TONES[scheme][Tone.BAD][0])
    assert m.index(1, COL_WHEN).data(BG) == QColor(style.TONES[scheme][Tone.WARN][0])
    assert m.index(2, COL_WHEN).data(BG) is None  # upcoming: words only
    assert m.index(0, COL_NUMBER).data(BG) is None


def test_status_words_come_first(qtbot) -> None:
    s, *_ = make(qtbot)
    status = s.model.index(0, COL_STATUS).data()
    assert status.endswith(f"({DENIED.status.category})")
    assert not status.startswith(DENIED.status.category)


def test_the_conflict_is_a_notice_that_reads_its_text(qtbot) -> None:
    s, *_ = make(qtbot)
    s.ui.show_conflict("A colleague changed the follow-up.")
    frame, label = s.ui.conflict_frame, s.ui.conflict
    assert frame.property("role") == "notice" and frame.styleSheet() == ""
    name = QAccessible.queryAccessibleInterface(label).text(QAccessible.Text.Name)
    assert name == "A colleague changed the follow-up."


def test_errors_are_marked_by_role(qtbot) -> None:
    s, *_ = make(qtbot)
    s.ui.say("Broken", error=True)
    assert s.ui.summary.property("role") == "error" and s.ui.summary.styleSheet() == ""
    s.ui.say("Fine")
    assert s.ui.summary.property("role") == ""


def test_the_follow_up_date_is_shown_as_everywhere_else(qtbot) -> None:
    ctx, _ = work_context([DENIED])
    dialog = FollowUpDialog(ctx.ops, DENIED.claim_number, today=TODAY)
    qtbot.addWidget(dialog)
    assert dialog.due.displayFormat() == Formats().date_format
    assert dialog.due.text() == Formats().date(TODAY + timedelta(days=1))
    dialog.due.setDate(QDate(2026, 3, 1))
    dialog.save()
    assert dialog.error.property("role") == "error"
    assert "in the past" in dialog.error.text()
    fm = dialog.note.fontMetrics()
    assert dialog.note.height() >= fm.lineSpacing() * 4


def test_columns_fit_their_values_and_the_note_takes_the_rest(qtbot) -> None:
    s, *_ = make(qtbot)
    header = s.ui.table.horizontalHeader()
    fm = s.ui.table.fontMetrics()
    assert header.sectionSize(COL_NUMBER) > fm.horizontalAdvance("26229000000099")
    assert not header.stretchLastSection()


def test_columns_and_the_splitter_are_kept_between_runs(qtbot) -> None:
    from desktop.ui.context import ScreenContext
    from desktop.ui.viewstate import MemoryViewState
    from desktop.ui.worklist.screen import WorklistScreen

    view = MemoryViewState()
    base, _ = work_context([DENIED])
    ctx = ScreenContext(ops=base.ops, view=view)
    first = WorklistScreen(ctx)
    qtbot.addWidget(first)
    first.resize(1200, 700)
    first.show()
    first.ui.table.horizontalHeader().resizeSection(COL_STATUS, 321)
    first.ui.splitter.setSizes([200, 400])
    first.ui.splitter.splitterMoved.emit(200, 1)  # as a drag by the clerk does
    sizes = first.ui.splitter.sizes()
    again = WorklistScreen(ctx)
    qtbot.addWidget(again)
    again.resize(1200, 700)
    again.show()
    assert again.ui.table.horizontalHeader().sectionSize(COL_STATUS) == 321
    assert again.ui.splitter.sizes() == sizes


def test_a_long_status_is_in_the_tooltip(qtbot) -> None:
    s, *_ = make(qtbot)
    cell = s.model.index(0, COL_STATUS)
    assert cell.data(Qt.ItemDataRole.ToolTipRole) == cell.data()


def test_an_empty_worklist_says_how_to_fill_it_not_a_row_of_zeros(qtbot) -> None:
    from desktop.ui.context import ScreenContext
    from desktop.ui.worklist.screen import WorklistScreen

    base, _ = work_context([DENIED])
    screen = WorklistScreen(ScreenContext(ops=base.ops))
    qtbot.addWidget(screen)
    screen.activate()
    text = screen.ui.summary.text()
    assert text.startswith("Nothing to follow up on.") and "Follow up on…" in text
    assert "0 overdue" not in text


def test_the_follow_up_dialog_is_wide_enough_for_its_sentences(qtbot) -> None:
    ctx, _ = work_context([DENIED])
    dialog = FollowUpDialog(ctx.ops, DENIED.claim_number, today=TODAY)
    qtbot.addWidget(dialog)
    fm = dialog.fontMetrics()
    assert dialog.minimumWidth() >= fm.horizontalAdvance("The date is in the past. Pick today")
