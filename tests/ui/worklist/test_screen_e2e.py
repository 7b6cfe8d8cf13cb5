"""The worklist in the real application against the real sandbox over TLS: what a
colleague changed meanwhile (412) shows both and keeps the clerk's change."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.ui.claims.screen import ClaimsScreen
from desktop.ui.worklist.screen import WorklistScreen
from tests.conftest import Sandbox
from tests.e2e.portal_helpers import (
    demo_contract,
    register,
    sign_in_accepted,
    today_utc,
)
from tests.ui.shell_helpers import WAIT_MS, accept_first_launch, start, walk_problems
from tests.ui.shell_helpers import sign_in_through_gate as sign_in


def test_worklist_done_after_a_colleagues_change(sandbox: Sandbox, tmp_path: Path, qtbot,
                                                 open_windows) -> None:
    contract = demo_contract(sandbox, 0)
    me, colleague = register(sandbox, contract), register(sandbox, contract)
    api = sign_in_accepted(sandbox, me.username, me.password)
    other = sign_in_accepted(sandbox, colleague.username, colleague.password)
    numbers = [c["claim_number"] for c in api.get("/claims", params={"limit": "2"}).json()[
        "items"]]
    made = [api.post("/worklist", json={"claim_number": n, "note": "Call the payer",
                                         "due_date": (today_utc() + timedelta(days=d))
                                         .isoformat()}).json()
            for n, d in zip(numbers, (0, 3), strict=True)]
    w = start(sandbox, tmp_path, qtbot, open_windows)
    accept_first_launch(qtbot, w)
    sign_in(qtbot, w, me.username, me.password)
    qtbot.mouseClick(w.nav["worklist"], Qt.MouseButton.LeftButton)
    screen = w.screens["worklist"]
    assert isinstance(screen, WorklistScreen)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 2, timeout=WAIT_MS)
    assert walk_problems(screen) == []
    first = made[0]
    path = f"/worklist/{first['item_id']}"
    theirs = other.patch(path, json={"note": "I called them"},
                         headers={"If-Match": other.get(path).json()["etag"]})
    assert theirs.status_code == 200, theirs.text
    screen.ui.table.selectRow(0)
    qtbot.mouseClick(screen.ui.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.conflict is not None, timeout=WAIT_MS)
    assert "I called them" in screen.ui.conflict.text()
    assert api.get(path).json()["state"] == "open"  # nothing overwritten
    qtbot.mouseClick(screen.ui.mine_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.model.rowCount() == 1, timeout=WAIT_MS)
    after = api.get(path).json()
    assert after["state"] == "done" and after["note"] == "I called them"
    # Enter opens the remaining claim in the Claims screen.
    screen.ui.table.setFocus()
    screen.ui.table.selectRow(0)
    qtbot.keyClick(screen.ui.table, Qt.Key.Key_Return)
    claims = w.screens["claims"]
    assert isinstance(claims, ClaimsScreen)
    qtbot.waitUntil(lambda: claims.detail.detail is not None, timeout=WAIT_MS)
    assert claims.detail.detail is not None
    assert claims.detail.detail.claim_number == numbers[1]
