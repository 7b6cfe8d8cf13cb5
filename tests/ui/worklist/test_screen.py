"""The worklist with a fake portal: buckets, done / snooze / reassign, 412, keyboard."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from desktop.portal.errors import ServerError, SessionExpired
from desktop.portal.worklist import WorkState
from desktop.ui.context import ScreenContext
from desktop.ui.worklist.model import (
    COL_DEADLINE,
    COL_NEXT,
    COL_NOTE,
    COL_NUMBER,
    COL_WHEN,
)
from desktop.ui.worklist.screen import WorklistScreen
from tests.ui.claims.support import detail, line
from tests.ui.worklist.support import COLLEAGUE, changed_claim, work_context

TODAY = date.today()
DENIED = detail("2622900000001", category="F2", claim_id="c1", paid="0.00",
                lines=[line(adjustments=(("CO", "50", "100.00"),), paid="0.00")])
PAID = detail("2622900000002", claim_id="c2")
PENDING = detail("2622900000003", category="P1", claim_id="c3")


def make(qtbot, *, answers=None):
    ctx, client = work_context([DENIED, PAID, PENDING], today=TODAY)
    overdue = client.add_item(DENIED, TODAY - timedelta(days=2), "Appeal letter")
    due = client.add_item(PAID, TODAY, "")
    later = client.add_item(PENDING, TODAY + timedelta(days=5), "Call the payer")
    client.changed.append(changed_claim(PAID))
    opened: list[tuple[str, str]] = []
    answers = answers if answers is not None else {}
    ctx = ScreenContext(ops=ctx.ops, open_claim=lambda i, n: opened.append((i, n)))
    screen = WorklistScreen(
        ctx, ask_date=lambda _p, suggested: answers.get("date", suggested),
        ask_assignee=lambda _p, users: answers.get("user", users[0] if users else None))
    qtbot.addWidget(screen)
    screen.resize(1300, 700)
    screen.show()
    screen.activateWindow()
    screen.activate()
    return screen, client, opened, (overdue, due, later)


def test_buckets_in_words_next_step_and_counts(qtbot, qtmodeltester):
    s, _, _, _ = make(qtbot)
    m = s.model
    assert [m.index(r, COL_WHEN).data() for r in range(3)] == ["Overdue", "Today", "Upcoming"]
    assert m.index(0, COL_NUMBER).data() == DENIED.claim_number
    assert m.index(0, COL_NEXT).data() == "Appeal or ask for reconsideration"
    assert m.index(0, COL_DEADLINE).data()
    assert m.index(0, COL_NOTE).data() == "Appeal letter"
    assert m.index(2, COL_NEXT).data() == ""  # in process: nothing to do yet
    assert s.ui.summary.text() == ("1 overdue, 1 due today, 1 upcoming; 1 claim changed "
                                   "since you last opened them.")
    assert s.ui.changed.count() == 1 and "was Pending (P1)" in s.ui.changed.item(0).text()
    qtmodeltester.check(m, force_py=True)


def test_done_by_keyboard_removes_the_row(qtbot):
    s, client, _, (overdue, _, _) = make(qtbot)
    qtbot.waitUntil(s.isActiveWindow, timeout=2000)
    s.ui.table.setFocus()
    s.ui.table.selectRow(0)
    qtbot.keyClick(s.ui.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert client.items[overdue.item_id].state is WorkState.DONE
    assert s.model.rowCount() == 2
    assert s.ui.summary.text() == f"Claim {DENIED.claim_number}: follow-up done."


def test_snooze_moves_the_date_and_a_past_date_is_refused(qtbot):
    answers = {"date": TODAY - timedelta(days=1)}
    s, client, _, (overdue, _, _) = make(qtbot, answers=answers)
    s.ui.table.selectRow(0)
    s.snooze()
    assert "in the past" in s.ui.summary.text()
    assert not any(n == "update_work_item" for n, _ in client.calls)
    answers["date"] = TODAY + timedelta(days=3)
    qtbot.mouseClick(s.ui.snooze_button, Qt.MouseButton.LeftButton)
    assert client.items[overdue.item_id].due_date == TODAY + timedelta(days=3)
    row = s.model.row_of(overdue.item_id)
    assert row is not None and s.model.index(row, COL_WHEN).data() == "Upcoming"


def test_reassign_hands_the_item_to_a_colleague(qtbot):
    s, client, _, (_, due, _) = make(qtbot)
    s.ui.table.selectRow(1)
    s.reassign()
    assert client.items[due.item_id].assignee == COLLEAGUE
    assert s.model.row_of(due.item_id) is None
    assert "handed to Sam Sample" in s.ui.summary.text()


def test_a_colleagues_change_shows_both_and_keeps_mine(qtbot):
    s, client, _, (overdue, _, _) = make(qtbot)
    client.colleague_changes(overdue.item_id, note="Colleague called already")
    s.ui.table.selectRow(0)
    s.mark_done()
    assert s.conflict is not None
    text = s.ui.conflict.text()
    assert "Colleague called already" in text and "mark it done" in text
    assert client.items[overdue.item_id].state is WorkState.OPEN  # nothing overwritten
    qtbot.mouseClick(s.ui.mine_button, Qt.MouseButton.LeftButton)
    assert client.items[overdue.item_id].state is WorkState.DONE
    assert client.items[overdue.item_id].note == "Colleague called already"
    assert s.conflict is None and not s.ui.conflict_frame.isVisible()


def test_keep_theirs_drops_my_change(qtbot):
    s, client, _, (overdue, _, _) = make(qtbot)
    client.colleague_changes(overdue.item_id, note="theirs")
    s.ui.table.selectRow(0)
    s.mark_done()
    s.keep_theirs()
    assert client.items[overdue.item_id].state is WorkState.OPEN
    row = s.model.row_of(overdue.item_id)
    assert row is not None and s.model.index(row, COL_NOTE).data() == "theirs"


def test_enter_opens_the_claim_and_the_changed_list_opens_too(qtbot):
    s, _, opened, _ = make(qtbot)
    s.ui.table.setFocus()
    s.ui.table.selectRow(1)
    qtbot.keyClick(s.ui.table, Qt.Key.Key_Return)
    assert opened == [(PAID.claim_id, PAID.claim_number)]
    s.ui.changed.itemActivated.emit(s.ui.changed.item(0))
    assert opened[-1] == (PAID.claim_id, PAID.claim_number)


@pytest.mark.parametrize("error", [ServerError(), SessionExpired()])
def test_load_failures_in_words_and_resume(qtbot, error):
    s, client, _, _ = make(qtbot)
    client.fail["get_worklist"] = [error]
    s.load()
    assert s.model.rowCount() == 3  # what was shown stays
    if isinstance(error, SessionExpired):
        assert s.ui.summary.text().startswith("Paused")
        s.resume()
        assert s.ui.summary.text().startswith("1 overdue")
    else:
        assert "could not be loaded" in s.ui.summary.text()


def test_sign_out_drops_everything(qtbot):
    s, _, _, _ = make(qtbot)
    s.clear()
    assert s.model.rowCount() == 0 and s.ui.changed.count() == 0
