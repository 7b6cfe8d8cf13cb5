"""Bad input from the keyboard: every hostile value in every field a clerk types.

Fields: registration, account, claim search, sign-in and the lock screen, in the real
app. For each value the app must not crash nor interpret it (the widget walk stays
clean: messages plain, nothing hidden), and then either the field's rule rejects it
with a clear message and nothing is sent, or it is sent -- and what is sent is what
was typed (names in NFC with the ends trimmed, as the rules say; passwords exactly).
The portal's answers come from the fault proxy (a refusal), so nothing is created.
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from desktop.ui.registration.dialog import RegistrationDialog
from desktop.ui.shell.main_window import MainWindow
from tests.badinput import counts
from tests.badinput.walk import HOSTILE, bad_chars, walk_problems
from tests.e2e.portal_helpers import contracts, new_password, register, unique_username
from tests.faults.harness import (
    WAIT_MS,
    Windows,
    accept_first_launch,
    account_screen,
    claims_screen,
    click,
    line_edit,
    run_search,
    signed_in_window,
)
from tests.faults.proxy import FaultProxy, answer
from tests.unit.portal.faultserver import Pki, error_response, json_response

REFUSED = error_response(422, "validation_failed", "Refused by the test portal.")
EMPTY_PAGE = json_response(200, {"items": [], "next_cursor": None, "total": 0})
#: Fields whose value must reach the portal as typed (trimmed, NFC) when the rule allows.
VERBATIM = {"first_name", "last_name", "organization_name", "patient_last_name",
            "patient_first_name"}


def error_shown(root: QWidget, name: str) -> str:
    label = root.findChild(QLabel, name + "Error")
    return label.text() if label is not None and label.isVisibleTo(root) else ""


def as_typed(value: str) -> str:
    return unicodedata.normalize("NFC", value.strip())


def check_clean(w: MainWindow, where: str) -> None:
    problems = walk_problems(w)
    assert problems == [], f"{where}: {problems[:6]}"
    assert w.isVisible()


def outcome(root: QWidget, w: MainWindow, name: str, wire: str, typed: str,
            sent: list[dict[str, object]], where: str) -> None:
    """Rejected on its field with a clear message and nothing sent, or sent as typed."""
    check_clean(w, where)
    message = error_shown(root, name)
    if message:
        assert not sent, f"{where}: rejected but sent"
        assert not bad_chars(message) and "Traceback" not in message
        counts.OUTCOMES["rejected"] = counts.OUTCOMES.get("rejected", 0) + 1
        return
    assert sent, f"{where}: neither rejected nor sent"
    counts.OUTCOMES["sent"] = counts.OUTCOMES.get("sent", 0) + 1
    value = sent[-1].get(wire)
    if wire == "password":
        assert value == typed, where
    elif wire in VERBATIM:
        assert value == as_typed(typed), where


def search_fields(body: bytes) -> dict[str, object]:
    """A search body as field -> value (a list such as `status` by its first item)."""
    doc = json.loads(body)
    assert isinstance(doc, dict)
    return {k: v[0] if isinstance(v, list) and v else v for k, v in doc.items()}


def typed_values() -> dict[str, str]:
    return dict(HOSTILE)


def _count(wire: str) -> None:
    counts.TYPED[wire] = counts.TYPED.get(wire, 0) + 1


# --- registration ------------------------------------------------------------------------------

REG_FIELDS = {"regFirstName": "first_name", "regLastName": "last_name", "regEmail": "email",
              "regPhone": "phone", "regOrganization": "organization_name", "regTin": "tin",
              "regNpi": "npi", "regUsername": "username", "regPassword": "password"}


def test_typed_into_registration(proxy: FaultProxy, fault_pki: Pki, windows: Windows,
                                 tmp_path: Path, qtbot: QtBot) -> None:
    proxy.clear()
    w = windows.open(proxy.url, fault_pki.ca_file, tmp_path / "config")
    accept_first_launch(qtbot, w)
    qtbot.mouseClick(w.login.register, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(w, "registration_dialog", None) is not None
                    and w.registration_dialog.isVisible(), timeout=WAIT_MS)
    dialog = w.registration_dialog
    assert isinstance(dialog, RegistrationDialog)
    contract = contracts(proxy.upstream)[0]
    password = new_password()
    base = {"regFirstName": "Testa", "regLastName": "Fictional",
            "regEmail": "testa.fictional@example.com", "regPhone": "(202) 555-0143",
            "regOrganization": contract["organization_name"], "regTin": contract["tin"],
            "regNpi": contract["npis"][0], "regUsername": unique_username("typed"),
            "regPassword": password, "regPasswordConfirm": password}
    proxy.on("POST", r"/registrations", answer(REFUSED))
    for name, wire in REG_FIELDS.items():
        for kind, value in typed_values().items():
            typed = value + " fictional pass" if wire == "password" else value
            for field_name, base_value in base.items():
                line_edit(dialog, field_name).setText(base_value)
            line_edit(dialog, name).setText(typed)
            if wire == "password":
                line_edit(dialog, "regPasswordConfirm").setText(typed)
            before = len(proxy.sent("POST", r"/registrations"))
            qtbot.mouseClick(dialog.submit, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: not dialog.sending, timeout=WAIT_MS)
            sent = [json.loads(r.body) for r in proxy.sent("POST", r"/registrations")[before:]]
            outcome(dialog, w, name, wire, line_edit(dialog, name).text(), sent,
                    f"registration {name} {kind}")
            _count(wire)
    dialog.done(0)


# --- sign-in and lock --------------------------------------------------------------------------


def test_typed_into_sign_in_and_lock(proxy: FaultProxy, fault_pki: Pki, windows: Windows,
                                     tmp_path: Path, qtbot: QtBot) -> None:
    proxy.clear()
    user = register(proxy.upstream)
    w = windows.open(proxy.url, fault_pki.ca_file, tmp_path / "config")
    accept_first_launch(qtbot, w)
    refuse = proxy.on("POST", r"/sessions", answer(error_response(
        401, "unauthenticated", "Wrong username or password.")))
    for kind, value in typed_values().items():
        for field in (w.login.username, w.login.password):
            w.login.username.setText("test.clerk.typed")
            w.login.password.setText("a fictional passphrase")
            field.setText(value)
            typed_user, typed_password = w.login.username.text(), w.login.password.text()
            w.login.error.clear()
            before = len(proxy.sent("POST", r"/sessions"))
            qtbot.mouseClick(w.login.sign_in, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: w.state == "signed_out" and bool(w.login.error.text()),
                            timeout=WAIT_MS)
            check_clean(w, f"sign-in {kind}")
            sent = [json.loads(r.body) for r in proxy.sent("POST", r"/sessions")[before:]]
            if sent:  # a password is sent exactly as typed
                assert sent[-1]["password"] == typed_password, kind
            assert w.login.username.text() == typed_user  # what was typed stays
            _count("sign-in " + ("username" if field is w.login.username else "password"))
    proxy.rules.remove(refuse)
    w.login.username.setText(user.username)
    w.login.password.setText(user.password)
    qtbot.mouseClick(w.login.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.gate.dialog is not None or w.state == "working", timeout=WAIT_MS)
    if w.gate.dialog is not None:
        qtbot.mouseClick(w.gate.dialog.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)

    # The lock screen: four wrong (hostile) passwords, then the right one (five would sign
    # the clerk out, which is the lock's rule, tested elsewhere).
    w.lock_now()
    for kind in ("nul", "bidi-override", "long", "html-script"):
        w.lock.password.setText(HOSTILE[kind] + " fictional pass")
        qtbot.mouseClick(w.lock.unlock, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "not right" in w.lock.error.text(), timeout=WAIT_MS)
        assert w.state == "locked"
        check_clean(w, f"lock {kind}")
        w.lock.error.clear()
        _count("lock password")
    w.lock.password.setText(user.password)
    qtbot.mouseClick(w.lock.unlock, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)


# --- claim search and account ------------------------------------------------------------------

SEARCH_FIELDS = {"claim_number": "claim_number", "member_id": "member_id",
                 "last_name": "patient_last_name", "first_name": "patient_first_name",
                 "dob": "patient_dob", "service_from": "service_from",
                 "service_to": "service_to", "billing_npi": "billing_npi",
                 "rendering_npi": "rendering_npi"}
ACCOUNT_FIELDS = {"accountFirstName": "first_name", "accountLastName": "last_name",
                  "accountEmail": "email", "accountPhone": "phone"}


def test_typed_into_search_and_account(proxy: FaultProxy, fault_pki: Pki, windows: Windows,
                                       tmp_path: Path, qtbot: QtBot) -> None:
    proxy.clear()
    w, _user = signed_in_window(qtbot, windows, proxy, fault_pki.ca_file, tmp_path)
    screen = claims_screen(qtbot, w)
    proxy.on("POST", r"/claims/search", answer(EMPTY_PAGE))
    for attr, wire in SEARCH_FIELDS.items():
        field = screen.form.fields[attr]
        for kind, value in typed_values().items():
            screen.form.reset()
            field.edit.setText(value)
            before = len(proxy.sent("POST", r"/claims/search"))
            run_search(qtbot, screen)
            queries = [search_fields(r.body)
                       for r in proxy.sent("POST", r"/claims/search")[before:]]
            name = field.edit.objectName()
            outcome(screen, w, name, wire, value, queries, f"search {attr} {kind}")
            _count("search " + attr)
    proxy.clear()

    account = account_screen(qtbot, w)
    proxy.on("PATCH", r"/account", answer(REFUSED))
    for name, wire in ACCOUNT_FIELDS.items():
        for kind, value in typed_values().items():
            account.discard()
            line_edit(account, name).setText(value)
            before = len(proxy.sent("PATCH", r"/account"))
            click(qtbot, account, "accountSave")
            qtbot.waitUntil(lambda: not account.saving, timeout=WAIT_MS)
            sent = [json.loads(r.body) for r in proxy.sent("PATCH", r"/account")[before:]]
            outcome(account, w, name, wire, line_edit(account, name).text(), sent,
                    f"account {name} {kind}")
            edit = line_edit(account, name)
            assert edit.text() == value[:edit.maxLength()]  # kept for the clerk to fix
            _count("account " + wire)
    account.discard()
