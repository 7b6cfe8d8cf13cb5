"""Widget tests of two-step sign-in with a fake portal: the QR code is the URI, the gate of
IT's `require_mfa`, refusals that keep what was typed, the lock wiping passwords."""

from __future__ import annotations

from typing import Any

import segno
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from desktop.portal.errors import Conflict, ValidationFailed
from desktop.portal.models import UserInfo
from desktop.portal.security import TotpSetup
from desktop.tasks import SyncTaskRunner
from desktop.ui.account.qr import QUIET_ZONE, qr_image, qr_modules
from desktop.ui.account.two_step_dialog import TwoStepDialog, TwoStepMode
from desktop.ui.operations import Operations
from desktop.ui.shell.mfa_gate import DECLINED, MfaGate

URI = "otpauth://totp/Example:testa.clerk?secret=JBSWY3DPEHPK3PXP&issuer=Example"


class FakePortal:
    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []
        self.confirm_error: Exception | None = None
        self.start_error: Exception | None = None

    def start_totp(self, password: str) -> TotpSetup:
        self.calls.append(("start", password))
        if self.start_error:
            raise self.start_error
        return TotpSetup("JBSWY3DPEHPK3PXP", URI)

    def disable_totp(self, password: str, code: str) -> None:
        self.calls.append(("off", (password, code)))
        if self.start_error:
            raise self.start_error

    def confirm_totp(self, code: str) -> tuple[str, ...]:
        self.calls.append(("confirm", code))
        if self.confirm_error:
            raise self.confirm_error
        return tuple(f"code{i}-abcde" for i in range(10))


class Guard:
    def call(self, fn: Any, *args: Any, **kwargs: Any) -> Any:
        return fn(*args, **kwargs)


def _ops(portal: FakePortal) -> Operations:
    return Operations(portal, SyncTaskRunner(), guard=Guard())  # type: ignore[arg-type]


def test_qr_image_is_the_uri_module_by_module() -> None:
    image = qr_image(URI, module_px=4)
    modules = qr_modules(URI)
    expected = segno.make(URI, error="m").symbol_size(scale=1, border=QUIET_ZONE)
    assert (len(modules), len(modules[0])) == expected
    assert image.width() == image.height() == len(modules) * 4
    for y, row in enumerate(modules):
        for x, dark in enumerate(row):
            pixel = QColor(image.pixel(x * 4 + 2, y * 4 + 2))
            assert (pixel.lightness() < 128) == dark, (x, y)
    assert not any(modules[0]), "the quiet zone is light"
    assert qr_modules(URI + "x") != modules


def test_set_up_refusals_keep_the_page_and_the_lock_wipes_passwords(qtbot) -> None:
    portal = FakePortal()
    dialog = TwoStepDialog(_ops(portal), TwoStepMode.SET_UP)
    qtbot.addWidget(dialog)
    portal.start_error = ValidationFailed(fields={"password": "The password is incorrect."})
    dialog.password.setText("typed password")
    dialog.next_button.click()
    assert dialog.pages.currentWidget() is dialog.password_page
    assert "incorrect" in dialog.error.text() and dialog.password.text() == "typed password"
    portal.start_error = Conflict("Two-step sign-in is already on.")
    dialog.next_button.click()
    assert "already on" in dialog.error.text()
    portal.start_error = None
    dialog.next_button.click()
    assert dialog.pages.currentWidget() is dialog.scan_page
    assert dialog.password.text() == "" and dialog.secret.text() == "JBSW Y3DP EHPK 3PXP"
    dialog.code.setText("12345")  # five digits: told, nothing sent
    dialog.confirm_button.click()
    assert ("confirm", "12345") not in portal.calls and "6-digit" in dialog.error.text()
    portal.confirm_error = ValidationFailed(fields={"code": "The code is not right."})
    dialog.code.setText("123456")
    dialog.confirm_button.click()
    assert dialog.code.text() == "" and "not right" in dialog.error.text()
    dialog.code.setText("654321")
    dialog.wipe_secrets()
    assert dialog.code.text() == ""
    portal.confirm_error = None
    dialog.code.setText("654321")
    with qtbot.waitSignal(dialog.changed) as on:
        dialog.confirm_button.click()
    assert on.args == [True] and len(dialog.recovery_codes) == 10
    dialog.wipe_secrets()
    assert "code0-abcde" in dialog.codes.text(), "the recovery codes survive the lock"


def test_print_asks_first(qtbot) -> None:
    dialog = TwoStepDialog(_ops(FakePortal()), TwoStepMode.SET_UP)
    qtbot.addWidget(dialog)
    asked: list[object] = []
    dialog.ask_printer = lambda printer, parent: asked.append(printer) is not None
    dialog.print_codes()
    assert len(asked) == 1


def test_gate_of_require_mfa(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    gate = MfaGate(_ops(FakePortal()), parent, required=True)
    off = UserInfo("testa.clerk", "Testa Fictional", mfa_enabled=False)
    assert gate.needed(off)
    assert not gate.needed(UserInfo("testa.clerk", "Testa", mfa_enabled=True))
    assert not MfaGate(_ops(FakePortal()), parent, required=False).needed(off)
    outcome: list[str] = []
    gate.require(lambda: outcome.append("done"), outcome.append)
    assert gate.dialog is not None
    gate.dialog.reject()
    assert outcome == [DECLINED]
    gate.require(lambda: outcome.append("done"), outcome.append)
    dialog = gate.dialog
    assert dialog is not None
    dialog.password.setText("pw")
    dialog.next_button.click()
    dialog.code.setText("123456")
    dialog.confirm_button.click()
    dialog.accept()
    assert outcome[-1] == "done" and not gate.needed(off)
    gate.reset()
    assert gate.needed(off)


def test_turning_off_needs_password_and_code_and_keeps_them_on_refusal(qtbot) -> None:
    portal = FakePortal()
    dialog = TwoStepDialog(_ops(portal), TwoStepMode.TURN_OFF)
    qtbot.addWidget(dialog)
    assert dialog.next_button.objectName() == "twoStepTurnOffConfirm"
    dialog.password.setText("typed password")
    dialog.next_button.click()
    assert portal.calls == [] and "a code" in dialog.error.text()
    portal.start_error = ValidationFailed(fields={"code": "The code is not right."})
    dialog.off_code.setText("000000")
    dialog.next_button.click()
    assert dialog.off_code.text() == "" and dialog.password.text() == "typed password"
    assert "not right" in dialog.error.text()
    portal.start_error = None
    dialog.off_code.setText("abcde-fghij")
    with qtbot.waitSignal(dialog.changed) as off:
        dialog.next_button.click()
    assert off.args == [False] and portal.calls[-1] == ("off", ("typed password",
                                                                "abcde-fghij"))
    assert dialog.password.text() == "", "wiped once done"


def test_section_offers_no_turn_off_when_it_requires_it(qtbot) -> None:
    from desktop.ui.account.two_step import TwoStepSection

    required = TwoStepSection(_ops(FakePortal()), require_mfa=True)
    optional = TwoStepSection(_ops(FakePortal()), require_mfa=False)
    for section in (required, optional):
        qtbot.addWidget(section)
        section.show_state(True)
    assert required.turn_off.isHidden() and "IT department" in required.status.text()
    assert not optional.turn_off.isHidden() and optional.set_up.isHidden()
    optional.show_state(False)
    assert optional.turn_off.isHidden() and not optional.set_up.isHidden()
