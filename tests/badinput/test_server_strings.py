"""Bad input from the server: every string the UI shows, poisoned, through the real app.

The fault proxy passes a real sandbox session through and rewrites every text field
the UI shows -- policy title, summary and body, support contact, the signed-in name,
account fields, claim patient names, member ids, status and code labels, payment
numbers, server error messages and field errors, the registration outcome -- to one
hostile value at a time. At every step the widget walk must find nothing rendered
as markup, nothing over its cap and no hidden character; and the value must be
visibly there, literally (markup as text, emoji and combining marks intact).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.ui.common.text import plain
from desktop.ui.shell.main_window import MainWindow
from tests.badinput import counts
from tests.badinput.walk import HOSTILE, all_shown_text, walk_problems
from tests.e2e.portal_helpers import register
from tests.faults.harness import (
    WAIT_MS,
    Windows,
    accept_first_launch,
    account_screen,
    claims_screen,
    click,
    fill_search,
    line_edit,
    run_search,
    sign_in,
)
from tests.faults.proxy import FaultProxy, answer
from tests.unit.portal.faultserver import Pki, error_response

#: Field caps of the client's models: a longer value is refused as a bad answer (tested
#: in `test_too_long_for_the_model_is_a_clear_error`); up to the cap it must be shown.
NAME_CAP, SHORT_CAP, LABEL_CAP_MODEL = 500, 200, 2000
EVIL_MARKDOWN = ("\n\n![tracker](https://evil.example/pixel.png) "
                 '<img src="https://evil.example/raw.png"> **bold** [a link](https://evil.example/)')



class Poison:
    """Rewrites answers so that each shown text field carries `value` (cut to its cap)."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.value = HOSTILE[kind]
        self.fields: set[str] = set()

    def v(self, where: str, cap: int) -> str:
        self.fields.add(where)
        return self.value[:cap]

    def policy(self, doc: dict[str, Any]) -> dict[str, Any]:
        doc["title"] = self.v("policy.title", NAME_CAP)
        doc["summary_of_changes"] = self.v("policy.summary", 100_000)
        doc["body_markdown"] = "# Policy\n\n" + self.v("policy.body", 100_000) + EVIL_MARKDOWN
        return doc

    def support(self, doc: dict[str, Any]) -> dict[str, Any]:
        return {k: self.v(f"support.{k}", NAME_CAP) for k in doc}

    def session(self, doc: dict[str, Any]) -> dict[str, Any]:
        doc["user"]["display_name"] = self.v("sign-in.display_name", NAME_CAP)
        return doc

    def account(self, doc: dict[str, Any]) -> dict[str, Any]:
        for key in ("first_name", "last_name", "organization_name"):
            doc[key] = self.v(f"account.{key}", NAME_CAP)
        return doc

    def claim(self, item: dict[str, Any]) -> dict[str, Any]:
        for key in ("first_name", "last_name", "member_id"):
            item["patient"][key] = self.v(f"claim.patient.{key}", SHORT_CAP)
        item["status"]["label"] = self.v("claim.status.label", LABEL_CAP_MODEL)
        item["payment_number"] = self.v("claim.payment_number", SHORT_CAP)
        item["patient_account_number"] = self.v("claim.patient_account_number", SHORT_CAP)
        if isinstance(item.get("payment"), dict):
            item["payment"]["number"] = self.v("claim.payment.number", SHORT_CAP)
        return item

    def claims(self, doc: dict[str, Any]) -> dict[str, Any]:
        doc["items"] = [self.claim(i) for i in doc["items"]]
        return doc

    def codes(self, doc: dict[str, Any]) -> dict[str, Any]:
        if "rules" in doc:  # the playbook: its words reach the claim detail too
            for rule in doc["rules"]:
                rule["advice"] = self.v("playbook.advice", 1000)
                rule["source"] = self.v("playbook.source", 500)
            for action in doc["actions"]:
                action["label"] = self.v("playbook.label", 200)
            return doc
        for code in doc["codes"]:
            code["label"] = self.v("codes.label", LABEL_CAP_MODEL)
        return doc

    def error(self, status: int, code: str, fields: list[str]) -> bytes:
        self.fields.add(f"error.{code}.message")
        self.fields.update(f"error.{code}.field.{f}" for f in fields)
        return error_response(status, code, self.value[:NAME_CAP],
                              fields={f: self.value[:NAME_CAP] for f in fields})

    def install(self, proxy: FaultProxy) -> None:
        proxy.rewrite("GET", r"/policy", self.policy)
        proxy.rewrite("GET", r"/support", self.support)
        proxy.rewrite("POST", r"/sessions", self.session)
        proxy.rewrite("GET", r"/account", self.account)
        proxy.rewrite("POST", r"/claims/search", self.claims)
        proxy.rewrite("GET", r"/claims/[^/]+", self.claim)
        proxy.rewrite("GET", r"/codes/.*", self.codes)


def assert_clean(root: MainWindow, step: str) -> None:
    problems = walk_problems(root)
    assert problems == [], f"{step}: {problems[:8]}"


def assert_literal(w: MainWindow, kind: str) -> None:
    """The value is on screen as written (markup as text), only cleaned where it must be."""
    shown = all_shown_text(w)
    value = HOSTILE[kind]
    if kind == "long":
        assert "L" * 50 in shown and "…" in shown
        return
    expected = plain(value, 10**6)
    if kind == "newlines":
        expected = "line1"
    assert expected in shown, (kind, expected)


def close_dialogs() -> None:
    for top in QApplication.topLevelWidgets():
        if isinstance(top, QDialog) and top.isVisible():
            top.done(0)


@pytest.mark.parametrize("kind", list(HOSTILE), ids=lambda k: f"server-{k}")
def test_hostile_server_strings_everywhere(kind: str, proxy: FaultProxy, fault_pki: Pki,
                                           windows: Windows, tmp_path: Path,
                                           qtbot: QtBot) -> None:
    proxy.clear()
    poison = Poison(kind)
    user = register(proxy.upstream)
    poison.install(proxy)
    w = windows.open(proxy.url, fault_pki.ca_file, tmp_path / "config")

    # The first-launch policy: title, summary, Markdown body with raw HTML and images.
    qtbot.waitUntil(lambda: w.gate.dialog is not None, timeout=WAIT_MS)
    assert_clean(w, "policy gate")
    assert w.gate.dialog is not None
    body = w.gate.dialog.text.toPlainText()
    assert '<img src="https://evil.example/raw.png">' in body  # raw HTML stays text
    accept_first_launch(qtbot, w)

    sign_in(qtbot, w, user.username, user.password)
    assert_clean(w, "signed in")
    assert plain(poison.value, 10**6)[:20] in w.workspace.user_label.text() or kind in ("long",)

    w.show_support()
    qtbot.waitUntil(lambda: any(isinstance(t, QMessageBox) and t.isVisible()
                                for t in QApplication.topLevelWidgets()), timeout=WAIT_MS)
    assert_clean(w, "support box")
    close_dialogs()

    claims = claims_screen(qtbot, w)
    fill_search(claims)
    run_search(qtbot, claims)
    assert claims.model.shown > 0, claims.status.text()
    claims.open_detail(0)
    qtbot.waitUntil(lambda: not claims.detail_loading, timeout=WAIT_MS)
    assert_clean(w, "claims table and detail")
    assert_literal(w, kind)

    # Server error text: a 422 on the search with a message and field errors.
    proxy.on("POST", r"/claims/search", answer(poison.error(422, "validation_failed",
                                                    ["member_id", "no_such_field"])), times=1)
    run_search(qtbot, claims)
    assert claims.status.text()
    assert_clean(w, "search refused")
    proxy.on("GET", r"/claims/[^/]+", answer(poison.error(404, "not_found", [])), times=1)
    claims.open_detail(0)
    qtbot.waitUntil(lambda: not claims.detail_loading, timeout=WAIT_MS)
    assert_clean(w, "detail refused")

    account = account_screen(qtbot, w)
    assert_clean(w, "account")
    line_edit(account, "accountEmail").setText("changed.email@example.com")
    proxy.on("PATCH", r"/account", answer(poison.error(422, "validation_failed",
                                                       ["email", "phone", "nope"])), times=1)
    click(qtbot, account, "accountSave")
    qtbot.waitUntil(lambda: not account.saving, timeout=WAIT_MS)
    assert_clean(w, "account refused")

    w.show_policy()
    qtbot.waitUntil(lambda: w.findChild(QDialog, "policyViewDialog") is not None,
                    timeout=WAIT_MS)
    assert_clean(w, "policy viewer")
    close_dialogs()
    counts.SERVER[kind] = len(poison.fields)


def _registration_values(w: MainWindow, proxy: FaultProxy) -> dict[str, str]:
    from tests.e2e.portal_helpers import contracts, new_password, unique_username

    contract = contracts(proxy.upstream)[0]
    password = new_password()
    tin = contract["tin"]
    return {"regFirstName": "Testa", "regLastName": "Fictional",
            "regEmail": "testa.fictional@example.com", "regPhone": "(202) 555-0143",
            "regOrganization": contract["organization_name"], "regTin": f"{tin[:2]}-{tin[2:]}",
            "regNpi": contract["npis"][0], "regUsername": unique_username("bad"),
            "regPassword": password, "regPasswordConfirm": password}


@pytest.mark.parametrize("kind", ["html-img", "bidi-override", "long", "control"],
                         ids=lambda k: f"registration-{k}")
def test_hostile_registration_answers(kind: str, proxy: FaultProxy, fault_pki: Pki,
                                      windows: Windows, tmp_path: Path, qtbot: QtBot) -> None:
    """The registration outcome and the portal's refusal, both poisoned."""
    from desktop.ui.registration.dialog import RegistrationDialog

    proxy.clear()
    poison = Poison(kind)
    proxy.rewrite("GET", r"/support", poison.support)
    w = windows.open(proxy.url, fault_pki.ca_file, tmp_path / "config")
    accept_first_launch(qtbot, w)
    qtbot.mouseClick(w.login.register, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(w, "registration_dialog", None) is not None
                    and w.registration_dialog.isVisible(), timeout=WAIT_MS)
    dialog = w.registration_dialog
    assert isinstance(dialog, RegistrationDialog)
    for name, value in _registration_values(w, proxy).items():
        line_edit(dialog, name).setText(value)
    proxy.on("POST", r"/registrations", answer(poison.error(
        422, "validation_failed", ["first_name", "tin", "npi", "username", "whatever"])),
        times=1)
    qtbot.mouseClick(dialog.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.sending, timeout=WAIT_MS)
    assert_clean(w, "registration refused")
    proxy.rewrite("POST", r"/registrations", lambda doc: {
        **doc, "username": poison.v("registration.username", NAME_CAP)})
    for name, value in _registration_values(w, proxy).items():
        line_edit(dialog, name).setText(value)
    qtbot.mouseClick(dialog.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.sending, timeout=WAIT_MS)
    assert_clean(w, "registration outcome")
    counts.SERVER[f"registration-{kind}"] = len(poison.fields)
    dialog.done(0)


def test_too_long_for_the_model_is_a_clear_error(proxy: FaultProxy, fault_pki: Pki,
                                                 windows: Windows, tmp_path: Path,
                                                 qtbot: QtBot) -> None:
    """10,000 characters where the contract allows 200 (a patient name): the answer is
    refused as a whole with a clear message, nothing is half shown, and the app goes on."""
    proxy.clear()
    user = register(proxy.upstream)
    w = windows.open(proxy.url, fault_pki.ca_file, tmp_path / "config")
    accept_first_launch(qtbot, w)
    sign_in(qtbot, w, user.username, user.password)
    claims = claims_screen(qtbot, w)
    fill_search(claims)

    def too_long(doc: dict[str, Any]) -> dict[str, Any]:
        for item in doc["items"]:
            item["patient"]["last_name"] = "L" * 10_000
        return doc

    proxy.rewrite("POST", r"/claims/search", too_long, times=1)
    run_search(qtbot, claims)
    assert "does not understand" in claims.status.text()
    assert claims.model.shown == 0
    assert_clean(w, "refused answer")
    run_search(qtbot, claims)
    assert claims.model.shown > 0 and claims.status.text() == ""
    counts.SERVER["long-over-cap"] = 1
