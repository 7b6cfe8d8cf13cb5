"""The Payments screen in the real application against the real sandbox over TLS:
navigation (navPayments, Ctrl+3), search and open, a claim of the remittance, File > Open
remittance file… and a file named on the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

from desktop.ui.payments.screen import PaymentsScreen
from tests.conftest import Sandbox
from tests.e2e.portal_helpers import demo_contract, register
from tests.ui.shell_helpers import WAIT_MS, accept_first_launch, start, submit_sign_in
from tests.unit import remit835_samples as samples

pytestmark = pytest.mark.e2e


def signed_in(sandbox: Sandbox, tmp_path: Path, qtbot, windows, *extra: str):
    user = register(sandbox, demo_contract(sandbox, 0))
    w = start(sandbox, tmp_path, qtbot, windows, *extra)
    accept_first_launch(qtbot, w)
    submit_sign_in(qtbot, w, user.username, user.password)
    qtbot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)
    screen = w.screens["payments"]
    assert isinstance(screen, PaymentsScreen)
    return w, screen


def test_search_open_and_a_claim_of_the_remittance(sandbox, tmp_path, qtbot, open_windows):
    w, screen = signed_in(sandbox, tmp_path, qtbot, open_windows)
    nav = w.findChild(QPushButton, "navPayments")
    assert nav is not None and "Ctrl+3" in nav.toolTip()
    qtbot.mouseClick(nav, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.model.rowCount() > 0, timeout=WAIT_MS)
    first = screen.model.item(0)
    screen.table.activated.emit(screen.model.index(0, 0))
    qtbot.waitUntil(lambda: screen.view.current is not None and screen.view.complete,
                    timeout=WAIT_MS)
    total = screen.findChild(QLabel, "remittanceTotal").text()
    assert total.startswith("Deposit $") and screen.view.current.total_amount == first.total_amount
    screen.view.claims.setCurrentItem(screen.view.claims.topLevelItem(0))
    qtbot.mouseClick(screen.view.open_claim, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.claim.detail is not None, timeout=WAIT_MS)
    assert screen.claim.detail.claim_number == screen.view.current.claims[0].claim_number


def test_file_menu_opens_a_remittance_file(sandbox, tmp_path, qtbot, open_windows,
                                           monkeypatch):
    path = tmp_path / "remit.835"
    path.write_text(samples.interchange(samples.transaction()), "ascii")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *_a, **_k: ([str(path)], "")))
    w, screen = signed_in(sandbox, tmp_path, qtbot, open_windows)
    action = next(a for a in w.actions() if a.objectName() == "openRemittanceFile")
    assert action.isEnabled()
    action.trigger()
    assert w.screen_stack.currentWidget() is screen
    qtbot.waitUntil(lambda: "checked against the 835 guide" in screen.actions_bar.status.text(),
                    timeout=WAIT_MS * 3)
    assert screen.view.current.trace_number == "EFT000000000042"
    assert path.read_text("ascii") == samples.interchange(samples.transaction())


def test_a_file_on_the_command_line_opens_after_sign_in(sandbox, tmp_path, qtbot,
                                                        open_windows):
    path = tmp_path / "from-the-clearinghouse.835"
    path.write_text(samples.interchange(samples.transaction("0001"),
                                        samples.transaction("0002", trace="CHK9")), "ascii")
    w, screen = signed_in(sandbox, tmp_path, qtbot, open_windows, str(path))
    qtbot.waitUntil(lambda: screen.view.transaction.count() == 2, timeout=WAIT_MS * 3)
    assert w.screen_stack.currentWidget() is screen
    assert [r.trace_number for r in screen.view.remittances] == ["EFT000000000042", "CHK9"]
