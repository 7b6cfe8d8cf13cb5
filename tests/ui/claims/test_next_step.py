"""The claim detail's "What to do next" and its "Follow up on…" button (fake portal)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialogButtonBox

from desktop.ui.claims.screen import ClaimsScreen
from desktop.ui.common.style import Tone, tone_colours
from desktop.ui.worklist.followup import FollowUpDialog, check_follow_up
from tests.ui.claims.support import detail, line
from tests.ui.worklist.support import work_context

DENIED = detail("26061000000007", category="F2", claim_id="c7", allowed="0.00", paid="0.00",
                lines=[line(allowed="0.00", paid="0.00",
                            adjustments=(("CO", "50", "100.00"),), remarks=("N115",))])
PAID = detail("26061000000008", claim_id="c8")
STILL_PENDING = detail("26061000000009", category="P1", claim_id="c9", allowed=None,
                       paid=None, lines=[line(adjustments=(), allowed="0.00", paid="0.00")])


def shown(qtbot, claim):
    ctx, client = work_context([DENIED, PAID, STILL_PENDING])
    screen = ClaimsScreen(ctx)
    qtbot.addWidget(screen)
    screen.resize(1200, 760)
    screen.show()
    screen.activate()
    screen.open_claim(claim.claim_id, claim.claim_number)
    return screen, client


def test_a_denial_says_what_to_do_and_by_when(qtbot):
    screen, _ = shown(qtbot, DENIED)
    label = screen.detail.next_step
    assert label.isVisible()
    text = label.text()
    assert text.startswith("What to do next: Appeal or ask for reconsideration.")
    decided = DENIED.status_history[-1].effective_at.date()
    left = (decided + timedelta(days=180) - date.today()).days
    assert (f"{-left} days late" if left < 0 else f"{left} days left") in text
    assert "Deadline passed" in text or "left" in text  # the colour also has words
    assert "Rule: Reference plan provider manual" in text
    # The urgency's tone colours the paragraph (from `style`, no style sheet of its own).
    assert label.autoFillBackground() and label.styleSheet() == ""
    backgrounds = {tone_colours(t)[0].name() for t in Tone}
    assert label.palette().color(QPalette.ColorRole.Window).name() in backgrounds


def test_paid_says_nothing_to_do_and_in_process_says_nothing(qtbot):
    screen, _ = shown(qtbot, PAID)
    assert screen.detail.next_step.text().startswith("What to do next: Nothing to do.")
    screen.open_claim(STILL_PENDING.claim_id, STILL_PENDING.claim_number)
    assert not screen.detail.next_step.isVisible()


def _dialog(screen) -> FollowUpDialog:
    dialog = screen.window().findChild(FollowUpDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_follow_up_from_the_detail_is_saved_on_the_portal(qtbot):
    screen, client = shown(qtbot, DENIED)
    qtbot.mouseClick(screen.detail.follow_up_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(screen)
    due = date.today() + timedelta(days=3)
    dialog.due.setDate(QDate(due.year, due.month, due.day))
    dialog.note.setPlainText("Call the payer about the appeal")
    with qtbot.waitSignal(dialog.created, timeout=2000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save),
                         Qt.MouseButton.LeftButton)
    assert ("create_work_item", (DENIED.claim_number, due, "Call the payer about the appeal")
            ) in client.calls
    assert "on your worklist" in screen.status.text()


def test_f_key_opens_the_dialog_and_a_past_date_is_refused_in_words(qtbot):
    screen, client = shown(qtbot, DENIED)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow, timeout=2000)
    screen.table.setFocus()
    qtbot.keyClick(screen.table, Qt.Key.Key_F)
    dialog = _dialog(screen)
    past = date.today() - timedelta(days=2)
    dialog.due.setDate(QDate(past.year, past.month, past.day))
    dialog.save()
    assert dialog.isVisible()
    assert dialog.error.text() == "The date is in the past. Pick today or a later date."
    assert not any(name == "create_work_item" for name, _ in client.calls)


def test_sign_out_closes_the_dialog_with_what_was_typed(qtbot):
    screen, _ = shown(qtbot, DENIED)
    screen.follow_up()
    dialog = _dialog(screen)
    dialog.note.setPlainText("PHI-ish note")
    screen.clear()
    assert screen.window().findChild(FollowUpDialog) is None or not dialog.isVisible()


def test_check_follow_up_rules():
    today = date(2026, 3, 10)
    assert check_follow_up(today, "", today) is None
    assert "past" in (check_follow_up(today - timedelta(days=1), "", today) or "")
    assert "two years" in (check_follow_up(today + timedelta(days=800), "", today) or "")
    assert "500" in (check_follow_up(today, "x" * 501, today) or "")
