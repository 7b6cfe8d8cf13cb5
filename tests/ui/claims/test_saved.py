"""Saved searches (fake portal) and recent claims on the Claims screen."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from desktop.portal.claims import ClaimSearch
from desktop.portal.errors import Conflict
from desktop.ui.claims.saved import RECENT_MAX, RecentClaims
from desktop.ui.claims.screen import ClaimsScreen
from tests.ui.claims.support import many
from tests.ui.worklist.support import work_context


def make(qtbot, name="Denied in March"):
    claims = many(30)
    ctx, client = work_context(claims)
    screen = ClaimsScreen(ctx, ask_search_name=lambda _p: name)
    qtbot.addWidget(screen)
    screen.resize(1300, 760)
    screen.show()
    screen.activateWindow()
    screen.activate()
    return screen, client, claims


def test_save_the_current_search_and_run_it_from_the_list(qtbot):
    s, client, claims = make(qtbot)
    s.form.set_values(member_id=claims[3].patient.member_id, service_from="", service_to="")
    qtbot.mouseClick(s.saved.save_button, Qt.MouseButton.LeftButton)
    name, criteria = next(a for n, a in client.calls if n == "save_search")
    assert name == "Denied in March" and criteria.member_id == claims[3].patient.member_id
    assert s.saved.combo.count() == 1 and "Alt+1" in s.saved.combo.itemText(0)
    s.form.reset()
    qtbot.mouseClick(s.saved.run_button, Qt.MouseButton.LeftButton)
    assert s.form.fields["member_id"].edit.text() == claims[3].patient.member_id
    searched = [a for n, a in client.calls if n == "search_claims"][-1][0]
    assert searched.member_id == claims[3].patient.member_id


def test_alt_number_runs_a_saved_search(qtbot):
    s, client, _ = make(qtbot)
    client.saved.append(client.save_search("Range", ClaimSearch(
        service_from=date(2026, 1, 1), service_to=date(2026, 2, 1), statuses=("F2",))))
    s.saved.load()
    qtbot.waitUntil(s.isActiveWindow, timeout=2000)
    qtbot.keyClick(s.saved.combo, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    searched = [a for n, a in client.calls if n == "search_claims"][-1][0]
    assert searched.service_from == date(2026, 1, 1) and searched.statuses == ("F2",)
    # Written as every other date on screen (`Formats`), which the field reads back.
    assert s.form.fields["service_to"].edit.text() == s.formats.date(date(2026, 2, 1))
    assert s.form.status.currentText() == "1 status code"


def test_a_taken_name_is_said_in_words(qtbot):
    s, client, _ = make(qtbot)
    client.fail["save_search"] = [Conflict()]
    s.saved.save_current()
    assert "already have a saved search of this name" in s.saved.status.text()


def test_delete_and_sign_out(qtbot):
    s, client, _ = make(qtbot)
    s.saved.save_current()
    s.saved.delete_chosen()
    assert client.saved == [] and s.saved.combo.count() == 0
    s.saved.save_current()
    s.clear()
    assert s.saved.combo.count() == 0 and s.saved.searches == []


def test_recent_claims_keep_the_last_20_and_go_at_sign_out(qtbot):
    s, _, claims = make(qtbot)
    for c in claims[:3]:
        s.open_claim(c.claim_id, c.claim_number)
    s.open_claim(claims[0].claim_id, claims[0].claim_number)
    assert [n for _, n in s.saved.recent.newest_first()] == [
        claims[0].claim_number, claims[2].claim_number, claims[1].claim_number]
    s.saved.recent_menu.aboutToShow.emit()
    actions = s.saved.recent_menu.actions()
    assert actions[0].text() == claims[0].claim_number
    actions[1].trigger()
    assert s.detail.detail is not None and s.detail.detail.claim_number == claims[2].claim_number
    s.clear()
    assert s.saved.recent.newest_first() == []


def test_recent_is_capped():
    recent = RecentClaims()
    for n in range(RECENT_MAX + 5):
        recent.add(f"c{n}", str(n))
    assert len(recent.newest_first()) == RECENT_MAX
    assert recent.newest_first()[0] == ("c24", "24")
