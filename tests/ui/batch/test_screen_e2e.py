"""Batch status in the real application against the real sandbox over TLS.

Numbers of the user's office, of another office and made-up ones go in one paste of
more than 500 distinct numbers (two chunks); what the table says is checked against the
sandbox's own database; a found row opens in the Claims screen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from desktop.batchrun import RowState
from desktop.ui.batch.screen import BatchScreen
from desktop.ui.claims.screen import ClaimsScreen
from tests.conftest import Sandbox
from tests.e2e.portal_helpers import demo_contract, read_only_db, register
from tests.ui.shell_helpers import WAIT_MS, accept_first_launch, start, walk_problems
from tests.ui.shell_helpers import sign_in_through_gate as sign_in


def numbers_by_office(sb: Sandbox, tin: str) -> tuple[list[str], list[str]]:
    with read_only_db(sb) as conn:
        rows = conn.execute(
            "SELECT c.claim_number, replace(o.tin, '-', '') = ? AS mine FROM claims c "
            "JOIN organizations o ON o.id = c.org_id ORDER BY c.id LIMIT 2000",
            (tin.replace("-", ""),)).fetchall()
    return [r[0] for r in rows if r[1]][:300], [r[0] for r in rows if not r[1]][:300]


def test_batch_of_600_numbers_mine_theirs_and_unknown(sandbox: Sandbox, tmp_path: Path,
                                                      qtbot, open_windows) -> None:
    # A fresh user of demo office 0: its claims, without touching the demo user itself.
    user = register(sandbox, demo_contract(sandbox, 0))
    mine, theirs = numbers_by_office(sandbox, user.tin)
    unknown = [str(9 * 10**12 + n) for n in range(20)]
    w = start(sandbox, tmp_path, qtbot, open_windows)
    accept_first_launch(qtbot, w)
    sign_in(qtbot, w, user.username, user.password)
    qtbot.mouseClick(w.nav["batch"], Qt.MouseButton.LeftButton)
    screen = w.screens["batch"]
    assert isinstance(screen, BatchScreen) and screen.isVisible()
    assert w.nav["batch"].objectName() == "navBatch"
    pasted = mine + theirs + unknown + mine[:5] + ["not-a-number!"]
    screen.ui.input.setPlainText("\n".join(pasted))
    qtbot.mouseClick(screen.ui.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.run is not None and screen.run.finished
                    and not screen.busy, timeout=WAIT_MS)
    run = screen.run
    assert run is not None and len(run.numbers) == len(mine) + len(theirs) + len(unknown)
    states = dict(zip(run.numbers, run.states, strict=True))
    assert all(states[n] is RowState.FOUND for n in mine)
    assert all(states[n] is RowState.NOT_FOUND for n in theirs + unknown)
    assert screen.model.rowCount() == len(run.numbers) + 1
    assert screen.ui.progress.value() == len(run.numbers)
    assert walk_problems(screen) == []
    # Enter on the first row opens that claim in the Claims screen.
    screen.ui.table.setFocus()
    screen.ui.table.setCurrentIndex(screen.model.index(0, 0))
    qtbot.keyClick(screen.ui.table, Qt.Key.Key_Return)
    claims = w.screens["claims"]
    assert isinstance(claims, ClaimsScreen)
    qtbot.waitUntil(lambda: claims.isVisible() and claims.detail.detail is not None,
                    timeout=WAIT_MS)
    assert claims.detail.detail is not None
    assert claims.detail.detail.claim_number == mine[0]
