"""Issue 13 end to end, real widgets against the real sandbox over TLS: the first user of an
office verifies with the office's code and a payment; an administrator approves a newcomer
in Account > Office users; two-step sign-in is set up, used with a code and with a recovery
code, refused without; unlocking asks for the password only."""

from __future__ import annotations

from collections.abc import Iterator

import pyotp
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit

from desktop.ui.account.screen import AccountScreen
from desktop.ui.account.two_step_dialog import TwoStepDialog
from desktop.ui.registration.verify import VerifyDialog
from desktop.ui.shell.main_window import MainWindow
from tests.conftest import Sandbox
from tests.e2e.portal_helpers import (
    Client,
    close_pools_after_module,  # noqa: F401  (an autouse fixture)
    private_sandbox,
    register,
    sign_in_response,
)
from tests.e2e.security_helpers import empty_offices, last_code_for, next_code, office_admin
from tests.ui.registration.test_dialog_e2e import fill, form_values, open_registration
from tests.ui.shell_helpers import (
    WAIT_MS,
    accept_first_launch,
    fresh_user_signed_in,
    start,
    submit_sign_in,
    wait_signed_in,
    walk_problems,
)

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def sb() -> Iterator[Sandbox]:
    with private_sandbox("--rate-limit", "0", claims=1200) as portal:
        yield portal


def _account(qtbot, w: MainWindow) -> AccountScreen:
    w.show_screen("account")
    screen = w.screens["account"]
    assert isinstance(screen, AccountScreen)
    qtbot.waitUntil(lambda: screen.save_button.isEnabled() or screen.form.isEnabled(),
                    timeout=WAIT_MS)
    return screen


def _click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_first_user_of_an_office_verifies_from_the_registration(sb, tmp_path, qtbot,
                                                                 open_windows):
    office = empty_offices(sb)[0]
    w = start(sb, tmp_path, qtbot, open_windows)
    accept_first_launch(qtbot, w)
    dialog = open_registration(qtbot, w)
    values = form_values(sb, regOrganization=office["organization_name"],
                         regTin=office["tin"], regNpi=office["npis"][0])
    fill(dialog, values)
    with qtbot.waitSignal(dialog.registered, timeout=WAIT_MS) as signal:
        _click(qtbot, dialog.submit)
    assert signal.args == [values["regUsername"], "pending_verification"]
    text = dialog.findChild(QLabel, "regOutcomeText").text()
    assert "code" in text and "90 days" in text and "contracting file" in text
    _click(qtbot, dialog.findChild(object, "regEnterCode"))
    qtbot.waitUntil(lambda: isinstance(getattr(w, "verify_dialog", None), VerifyDialog)
                    and w.verify_dialog.isVisible(), timeout=WAIT_MS)
    verify: VerifyDialog = w.verify_dialog
    assert walk_problems(verify) == []
    assert verify.username.text() == values["regUsername"]
    payment = office["recent_payments"][0]
    year, month, day = payment["date"].split("-")
    verify.code.edit.setText(last_code_for(sb, office["organization_name"]))
    verify.amount.edit.setText("$0.01")
    verify.day.edit.setText(f"{month}/{day}/{year}")
    _click(qtbot, verify.submit)
    error = verify.findChild(QLabel, "verifyError")
    qtbot.waitUntil(lambda: error.isVisibleTo(verify) and verify.submit.isEnabled(),
                    timeout=WAIT_MS)
    assert "not right" in error.text() and "4 tries left" in error.text()
    assert verify.amount.text() == "$0.01" and verify.code.text(), "nothing typed is lost"
    verify.amount.edit.setText("12,34.5x")
    _click(qtbot, verify.submit)
    assert "dollars and cents" in verify.findChild(QLabel, "verifyAmountError").text()
    verify.amount.edit.setText(f"${payment['amount']}")
    with qtbot.waitSignal(verify.verified, timeout=WAIT_MS):
        _click(qtbot, verify.submit)
    assert w.login.username.text() == values["regUsername"]
    submit_sign_in(qtbot, w, values["regUsername"], values["regPassword"])
    wait_signed_in(qtbot, w)
    screen = _account(qtbot, w)
    qtbot.waitUntil(lambda: screen.office_users.isVisibleTo(screen), timeout=WAIT_MS)


def test_code_later_from_the_sign_in_screen_expired_and_resent(sb, tmp_path, qtbot,
                                                                open_windows):
    office = empty_offices(sb)[1]
    user = register(sb, office)
    w = start(sb, tmp_path, qtbot, open_windows)
    accept_first_launch(qtbot, w)
    _click(qtbot, w.login.verify)
    qtbot.waitUntil(lambda: getattr(w, "verify_dialog", None) is not None, timeout=WAIT_MS)
    verify: VerifyDialog = w.verify_dialog
    old = last_code_for(sb, office["organization_name"])
    verify.username.edit.setText(user.username)
    _click(qtbot, verify.resend)
    error = verify.findChild(QLabel, "verifyError")
    qtbot.waitUntil(lambda: "new code" in error.text(), timeout=WAIT_MS)
    fresh = last_code_for(sb, office["organization_name"])
    assert fresh != old
    payment = office["recent_payments"][0]
    verify.code.edit.setText(old)
    verify.amount.edit.setText(payment["amount"])
    verify.day.edit.setText(payment["date"])
    _click(qtbot, verify.submit)
    qtbot.waitUntil(lambda: "not right" in error.text(), timeout=WAIT_MS)
    verify.code.edit.setText(fresh)
    with qtbot.waitSignal(verify.verified, timeout=WAIT_MS):
        _click(qtbot, verify.submit)
    assert sign_in_response(sb, user.username, user.password).status_code == 201


def test_administrator_approves_and_refuses_in_the_app(sb, tmp_path, qtbot, open_windows):
    office = empty_offices(sb)[2]
    admin, _ = office_admin(sb, office)
    newcomer = register(sb, office, approve=False)
    refused = register(sb, office, approve=False)
    w = start(sb, tmp_path, qtbot, open_windows)
    accept_first_launch(qtbot, w)
    submit_sign_in(qtbot, w, admin.username, admin.password)
    wait_signed_in(qtbot, w)
    section = _account(qtbot, w).office_users
    qtbot.waitUntil(lambda: section.pending.rowCount() == 2, timeout=WAIT_MS)
    assert walk_problems(section) == []
    assert section.pending.item(0, 1).text() == "testa.fictional@example.com"
    section.pending.selectRow(0)
    _click(qtbot, section.approve)
    qtbot.waitUntil(lambda: section.pending.rowCount() == 1
                    and section.active.rowCount() == 2, timeout=WAIT_MS)
    section.ask_reason = lambda: ("Not on our staff list.", True)  # type: ignore[method-assign]
    section.pending.selectRow(0)
    _click(qtbot, section.refuse)
    qtbot.waitUntil(lambda: section.pending.rowCount() == 0, timeout=WAIT_MS)
    approved_first = sign_in_response(sb, newcomer.username, newcomer.password)
    refused_one = sign_in_response(sb, refused.username, refused.password)
    assert sorted([approved_first.status_code, refused_one.status_code]) == [201, 401]
    # Removing oneself is refused in plain words.
    section.confirm_remove = lambda: True  # type: ignore[method-assign]
    me = next(r for r in range(section.active.rowCount())
              if "(you)" in section.active.item(r, 0).text())
    section.active.selectRow(me)
    _click(qtbot, section.remove)
    qtbot.waitUntil(lambda: "cannot remove yourself" in section.error.text(), timeout=WAIT_MS)


def test_two_step_set_up_code_recovery_code_and_unlock(sb, tmp_path, qtbot, open_windows):
    w, user = fresh_user_signed_in(sb, tmp_path, qtbot, open_windows)
    screen = _account(qtbot, w)
    qtbot.waitUntil(lambda: screen.two_step.set_up.isVisibleTo(screen), timeout=WAIT_MS)
    _click(qtbot, screen.two_step.set_up)
    dialog = screen.two_step.dialog
    assert isinstance(dialog, TwoStepDialog)
    assert walk_problems(dialog) == []
    dialog.password.setText("not " + user.password)
    _click(qtbot, dialog.next_button)
    qtbot.waitUntil(lambda: dialog.error.isVisibleTo(dialog) and dialog.next_button.isEnabled(),
                    timeout=WAIT_MS)
    assert "incorrect" in dialog.error.text()
    dialog.password.setText(user.password)
    _click(qtbot, dialog.next_button)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.scan_page, timeout=WAIT_MS)
    pixmap = dialog.qr.pixmap()
    assert not pixmap.isNull() and pixmap.width() >= 150
    secret = dialog.secret.text().replace(" ", "")
    assert len(secret) >= 16
    dialog.code.setText("000000")
    _click(qtbot, dialog.confirm_button)
    qtbot.waitUntil(lambda: "not right" in dialog.error.text(), timeout=WAIT_MS)
    dialog.code.setText(pyotp.TOTP(secret).now())
    _click(qtbot, dialog.confirm_button)
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.codes_page, timeout=WAIT_MS)
    codes = dialog.recovery_codes
    assert len(codes) == 10 and all(c in dialog.codes.text() for c in codes)
    _click(qtbot, dialog.copy_button)
    assert QGuiApplication.clipboard().text() == " ".join(codes)  # one line, as cells are
    _click(qtbot, dialog.done_button)
    assert "On:" in screen.two_step.status.text()
    # Locking takes the copy back; unlocking asks for the password only.
    w.lock_now()
    assert QGuiApplication.clipboard().text() == ""
    assert not w.lock.otp.asked
    w.lock.password.setText(user.password)
    _click(qtbot, w.lock.unlock)
    qtbot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)
    # Signing in again: the code is asked for; a wrong one keeps the password.
    w.sign_out("You are signed out.", ask=False)
    qtbot.waitUntil(lambda: w.state == "signed_out", timeout=WAIT_MS)
    submit_sign_in(qtbot, w, user.username, user.password)
    qtbot.waitUntil(lambda: w.login.otp.asked and w.login.sign_in.isEnabled(), timeout=WAIT_MS)
    assert w.login.password.text() == user.password
    _click(qtbot, w.login.sign_in)  # no code typed: told, nothing sent
    assert "6-digit code" in w.login.error.text()
    w.login.otp.setText("000000")
    _click(qtbot, w.login.sign_in)
    qtbot.waitUntil(lambda: w.login.sign_in.isEnabled() and w.login.otp.text() == "",
                    timeout=WAIT_MS)
    assert w.login.password.text() == user.password and w.state == "signed_out"
    w.login.otp.setText(next_code(secret))
    _click(qtbot, w.login.sign_in)
    qtbot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)
    w.sign_out("You are signed out.", ask=False)
    qtbot.waitUntil(lambda: w.state == "signed_out", timeout=WAIT_MS)
    assert not w.login.otp.asked
    submit_sign_in(qtbot, w, user.username, user.password)
    qtbot.waitUntil(lambda: w.login.otp.asked and w.login.sign_in.isEnabled(), timeout=WAIT_MS)
    w.login.otp.setText(codes[0])
    _click(qtbot, w.login.sign_in)
    qtbot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)
    assert w.findChild(QLineEdit, "loginOtp") is w.login.otp
    # The session ends while locked (revoked here): unlocking is a new sign-in, code asked.
    w.lock_now()
    token = w.session.client.token
    assert token is not None
    assert Client(sb, token=token).delete("/sessions/current").status_code == 204
    w.lock.password.setText(user.password)
    _click(qtbot, w.lock.unlock)
    qtbot.waitUntil(lambda: w.lock.otp.asked and w.lock.unlock.isEnabled(), timeout=WAIT_MS)
    assert w.state == "locked" and w.lock.password.text() == user.password
    w.lock.otp.setText(codes[1])
    _click(qtbot, w.lock.unlock)
    qtbot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)
