"""Registration through the whole application against the real sandbox over TLS.

Registers through the dialog the sign-in screen opens, then signs in (or is refused
until the operator activates a pending account); checks the portal's own field errors
land under the right fields; and that nothing of the form reaches the disk.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from desktop.portal.client import PortalClient
from desktop.portal.errors import ConnectionFailed
from desktop.session import Session
from desktop.tasks import TaskRunner
from desktop.tokenstore import MemoryTokenStore
from desktop.ui.context import ScreenContext
from desktop.ui.operations import Operations
from desktop.ui.registration import form as registration_form
from desktop.ui.registration.dialog import RegistrationDialog
from desktop.ui.shell.main_window import MainWindow
from tests.conftest import Sandbox
from tests.e2e.portal_helpers import (
    Client,
    activate,
    contracts,
    new_password,
    off_roster_npi,
    private_sandbox,
    register,
    sign_in_response,
    unique_username,
)
from tests.ui.shell_helpers import (
    WAIT_MS,
    accept_first_launch,
    start,
    wait_signed_in,
    walk_problems,
)
from tests.ui.shell_helpers import submit_sign_in as sign_in


@pytest.fixture(scope="module")
def reg_sandbox() -> Iterator[Sandbox]:
    with private_sandbox("--rate-limit", "0") as sb:
        yield sb


def open_registration(qtbot, w: MainWindow) -> RegistrationDialog:
    qtbot.mouseClick(w.login.register, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(w, "registration_dialog", None) is not None
                    and w.registration_dialog.isVisible(), timeout=WAIT_MS)
    dialog = w.registration_dialog
    assert isinstance(dialog, RegistrationDialog)
    return dialog


# --- filling in ------------------------------------------------------------------------------


def hyphenated(tin: str) -> str:
    return f"{tin[:2]}-{tin[2:]}"


def form_values(sb: Sandbox, **overrides: str) -> dict[str, str]:
    contract = contracts(sb)[0]
    password = new_password()
    values = {
        "regFirstName": "Testa",
        "regLastName": "Fictional",
        "regEmail": "testa.fictional@example.com",
        "regPhone": "(202) 555-0143",
        "regOrganization": contract["organization_name"],
        "regTin": hyphenated(contract["tin"]),
        "regNpi": contract["npis"][0],
        "regUsername": unique_username("ui"),
        "regPassword": password,
        "regPasswordConfirm": password,
    }
    values.update(overrides)
    return values


def fill(dialog: RegistrationDialog, values: dict[str, str]) -> None:
    for name, value in values.items():
        widget = dialog.findChild(QLineEdit, name)
        assert widget is not None, name
        widget.setText(value)


def shown_error(dialog: RegistrationDialog, name: str) -> str:
    label = dialog.findChild(QLabel, name + "Error")
    assert label is not None
    return label.text() if label.isVisibleTo(dialog) else ""


def submit_and_wait(qtbot, dialog: RegistrationDialog) -> None:
    qtbot.mouseClick(dialog.submit, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.sending, timeout=WAIT_MS)


# --- the two outcomes ------------------------------------------------------------------------


def test_register_into_an_office_with_users_waits_for_its_administrator(
        reg_sandbox, tmp_path, qtbot, open_windows):
    sb = reg_sandbox
    w = start(sb, tmp_path, qtbot, open_windows)
    accept_first_launch(qtbot, w)
    dialog = open_registration(qtbot, w)
    assert walk_problems(dialog) == []
    values = form_values(sb)
    fill(dialog, values)
    with qtbot.waitSignal(dialog.registered, timeout=WAIT_MS) as signal:
        qtbot.mouseClick(dialog.submit, Qt.MouseButton.LeftButton)
    assert signal.args == [values["regUsername"], "pending_approval"]
    assert "administrator" in dialog.findChild(QLabel, "regOutcomeTitle").text()
    text = dialog.findChild(QLabel, "regOutcomeText").text()
    assert "cannot sign in yet" in text and "Office users" in text
    assert not dialog.findChild(object, "regEnterCode").isVisibleTo(dialog)
    assert all(dialog.findChild(QLineEdit, n).text() == "" for n in values)
    qtbot.mouseClick(dialog.findChild(object, "regDone"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)
    assert values["regUsername"] not in (tmp_path / "config" / "settings.json").read_text()
    sign_in(qtbot, w, values["regUsername"], values["regPassword"])
    qtbot.waitUntil(lambda: w.login.error.isVisible() and w.login.sign_in.isEnabled(),
                    timeout=WAIT_MS)
    assert "not active yet" in w.login.error.text()
    activate(sb, values["regUsername"])
    sign_in(qtbot, w, values["regUsername"], values["regPassword"])
    wait_signed_in(qtbot, w)
    acceptances = json.loads(sb.cli("acceptances", values["regUsername"]).stdout)
    assert acceptances, "the policy accepted before registering was recorded"


def test_register_pending_then_refused_until_activated(reg_sandbox, tmp_path, qtbot,
                                                       open_windows):
    sb = reg_sandbox
    w = start(sb, tmp_path, qtbot, open_windows)
    accept_first_launch(qtbot, w)
    dialog = open_registration(qtbot, w)
    values = form_values(sb, regNpi=off_roster_npi(sb))
    fill(dialog, values)
    submit_and_wait(qtbot, dialog)
    assert dialog.pages.currentWidget() is dialog.outcome
    text = dialog.findChild(QLabel, "regOutcomeText").text()
    assert "waiting" in dialog.findChild(QLabel, "regOutcomeTitle").text()
    assert "cannot sign in yet" in text and "reviewer" in text
    support = dialog.findChild(QLabel, "regSupport")
    qtbot.waitUntil(lambda: "Phone:" in support.text(), timeout=WAIT_MS)
    assert "provider-support@example.org" in support.text()
    qtbot.mouseClick(dialog.findChild(object, "regDone"), Qt.MouseButton.LeftButton)
    assert w.login.username.text() != values["regUsername"]  # pending: nothing to sign in with

    username, password = values["regUsername"], values["regPassword"]
    sign_in(qtbot, w, username, password)
    qtbot.waitUntil(lambda: w.login.error.isVisible() and w.login.sign_in.isEnabled(),
                    timeout=WAIT_MS)
    assert "not active yet" in w.login.error.text()
    assert w.state == "signed_out"
    sb.cli("activate", username)
    sign_in(qtbot, w, username, password)
    wait_signed_in(qtbot, w)


# --- the portal's own rules, shown on the right fields -----------------------------------------


@pytest.fixture
def no_client_rules(monkeypatch):
    """Let everything through on the PC, so that only the portal judges."""
    def anything(text: str, *_args: object) -> str:
        return text

    for name in ("validate_person_name", "validate_email", "validate_phone",
                 "validate_organization_name", "validate_tin", "validate_npi",
                 "validate_username", "validate_password"):
        monkeypatch.setattr(registration_form, name, anything)


def test_server_errors_land_on_their_fields(reg_sandbox, tmp_path, qtbot, open_windows,
                                            no_client_rules):
    sb = reg_sandbox
    w = start(sb, tmp_path, qtbot, open_windows)
    accept_first_launch(qtbot, w)
    dialog = open_registration(qtbot, w)
    bad = {
        "regFirstName": "   ",
        "regLastName": "Fic\u202etional",
        "regEmail": "testa@@example.com",
        "regPhone": "555-0143",
        "regOrganization": "o" * 201,
        "regTin": "١٢٣٤٥٦٧٨٩",  # Arabic-Indic digits
        "regNpi": "١٢٣٤٥٦٧٨٩٣",
        "regUsername": "ab",
        "regPassword": "short",
        "regPasswordConfirm": "short",
    }
    fill(dialog, bad)
    submit_and_wait(qtbot, dialog)
    assert dialog.pages.currentWidget() is dialog.form_page
    expected = {
        "regFirstName": "This field is required.",
        "regLastName": "Contains characters that are not allowed.",
        "regEmail": "Enter a valid email address.",
        "regPhone": "Enter a 10-digit US phone number.",
        "regOrganization": "Must be at most 200 characters.",
        "regTin": "Enter 9 digits (an EIN may be written as 12-3456789).",
        "regNpi": "Enter the 10-digit NPI.",
        "regUsername": "Use 6 to 32 letters, digits, dots, hyphens or underscores.",
        "regPassword": "Must be at least 15 characters.",
    }
    assert {n: shown_error(dialog, n) for n in expected} == expected
    assert {n: dialog.findChild(QLineEdit, n).text() for n in bad} == bad
    assert "marked fields" in dialog.findChild(QLabel, "regFormError").text()


def test_server_refuses_a_wrong_npi_check_digit_and_a_password_equal_to_the_username(
        reg_sandbox, tmp_path, qtbot, open_windows, no_client_rules):
    sb = reg_sandbox
    w = start(sb, tmp_path, qtbot, open_windows)
    accept_first_launch(qtbot, w)
    dialog = open_registration(qtbot, w)
    values = form_values(sb)
    npi = values["regNpi"]
    values["regNpi"] = npi[:9] + str((int(npi[9]) + 1) % 10)
    values["regUsername"] = unique_username("same")
    assert len(values["regUsername"]) >= 15
    values["regPassword"] = values["regPasswordConfirm"] = values["regUsername"].upper()
    fill(dialog, values)
    submit_and_wait(qtbot, dialog)
    assert shown_error(dialog, "regNpi") == "This NPI's check digit is wrong."
    assert shown_error(dialog, "regPassword") == "Must not be the same as the username."


def test_unknown_tin_and_taken_username_come_back_on_their_fields(reg_sandbox, tmp_path, qtbot,
                                                                  open_windows):
    sb = reg_sandbox
    taken = register(sb).username
    w = start(sb, tmp_path, qtbot, open_windows)
    accept_first_launch(qtbot, w)
    dialog = open_registration(qtbot, w)
    known = {c["tin"] for c in contracts(sb)}
    unknown = next(t for t in ("123456789", "987654321", "462345678") if t not in known)
    values = form_values(sb, regTin=hyphenated(unknown))
    fill(dialog, values)
    submit_and_wait(qtbot, dialog)
    assert shown_error(dialog, "regTin") == "No contracted provider has this TIN."
    assert dialog.findChild(QLineEdit, "regTin").text() == hyphenated(unknown)
    # Fix the TIN, but take a username someone already has: a 409 on the username.
    dialog.findChild(QLineEdit, "regTin").setText(hyphenated(contracts(sb)[0]["tin"]))
    assert shown_error(dialog, "regTin") == ""
    dialog.findChild(QLineEdit, "regUsername").setText(taken.upper())
    submit_and_wait(qtbot, dialog)
    assert shown_error(dialog, "regUsername") == "This username is taken."
    assert dialog.findChild(QLineEdit, "regUsername").hasFocus()
    dialog.findChild(QLineEdit, "regUsername").setText(values["regUsername"])
    submit_and_wait(qtbot, dialog)
    assert dialog.outcome.status == "pending_approval"


def test_unicode_names_and_a_128_character_password_with_spaces(reg_sandbox, tmp_path, qtbot,
                                                                open_windows):
    sb = reg_sandbox
    w = start(sb, tmp_path, qtbot, open_windows)
    accept_first_launch(qtbot, w)
    dialog = open_registration(qtbot, w)
    password = (" Ünïcødé pass phrase 😀 ∑ " * 6)[:127] + " "
    assert len(password) == 128 and password[0] == password[-1] == " "
    values = form_values(sb, regFirstName="  Zoë Ἀθηνᾶ ", regLastName="O'Brien-Łukasiewicz 李",
                         regPassword=password, regPasswordConfirm=password,
                         regTin=" " + hyphenated(contracts(sb)[0]["tin"]) + " ")
    fill(dialog, values)
    submit_and_wait(qtbot, dialog)
    assert dialog.outcome.status == "pending_approval", shown_error(dialog, "regPassword")
    username = values["regUsername"]
    assert sign_in_response(sb, username, password.strip()).status_code == 401
    activate(sb, username)
    resp = sign_in_response(sb, username, password)
    assert resp.status_code == 201
    account = Client(sb, token=resp.json()["token"]).get("/account").json()
    assert (account["first_name"], account["last_name"]) == ("Zoë Ἀθηνᾶ",
                                                             "O'Brien-Łukasiewicz 李")


def test_double_submit_sends_one_request(reg_sandbox, tmp_path, qtbot, open_windows,
                                         monkeypatch):
    sb = reg_sandbox
    w = start(sb, tmp_path, qtbot, open_windows)
    accept_first_launch(qtbot, w)
    dialog = open_registration(qtbot, w)
    client = w.session.client
    calls = []
    real = client.register

    def counting(registration):
        calls.append(registration.username)
        return real(registration)

    monkeypatch.setattr(client, "register", counting)
    fill(dialog, form_values(sb))
    qtbot.mouseClick(dialog.submit, Qt.MouseButton.LeftButton)
    qtbot.mouseDClick(dialog.submit, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.findChild(QLineEdit, "regTin"), Qt.Key.Key_Return)
    dialog.submit_form()
    qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.outcome, timeout=WAIT_MS)
    assert dialog.outcome.status == "pending_approval"
    assert len(calls) == 1


def test_lost_connection_keeps_everything(qtbot, reg_sandbox):
    """A real refused connection (nothing listens on the port), through the real runner."""
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    client = PortalClient(f"https://127.0.0.1:{port}/api/v1", ca_bundle=reg_sandbox.ca_bundle)
    runner = TaskRunner()
    session = Session(client, MemoryTokenStore(), f"https://127.0.0.1:{port}")
    ctx = ScreenContext(ops=Operations(client, runner, guard=session))
    dialog = RegistrationDialog(ctx, "2026-11-01")
    qtbot.addWidget(dialog)
    dialog.show()
    values = form_values(reg_sandbox)
    fill(dialog, values)
    submit_and_wait(qtbot, dialog)
    error = dialog.findChild(QLabel, "regFormError").text()
    assert ConnectionFailed.default_message in error and "kept" in error
    assert {n: dialog.findChild(QLineEdit, n).text() for n in values} == values
    runner.wait_idle()


def test_nothing_of_the_form_reaches_the_disk(reg_sandbox, tmp_path, qtbot, open_windows,
                                              monkeypatch):
    home = tmp_path / "home"
    for var, sub in (("HOME", ""), ("XDG_CONFIG_HOME", ".config"), ("XDG_CACHE_HOME", ".cache"),
                     ("XDG_DATA_HOME", ".local/share"), ("XDG_STATE_HOME", ".local/state")):
        (home / sub).mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(home / sub))
    sb = reg_sandbox
    w = start(sb, tmp_path, qtbot, open_windows)
    accept_first_launch(qtbot, w)
    dialog = open_registration(qtbot, w)
    values = form_values(sb, regFirstName="Sentinelfirst", regLastName="Sentinellast",
                         regEmail="sentinel.mail@example.com", regPhone="202-555-0177",
                         regNpi=off_roster_npi(sb))
    fill(dialog, values)
    submit_and_wait(qtbot, dialog)
    assert dialog.outcome.status == "pending_review"
    secrets = [values[n] for n in ("regFirstName", "regLastName", "regEmail", "regUsername",
                                   "regPassword", "regNpi")]
    secrets += [values["regTin"].replace("-", ""), "2025550177"]
    found = []
    for path in tmp_path.rglob("*"):  # the home folders and the config folder
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path.name}: {s[:3]}…" for s in secrets if s.encode() in data]
    assert found == []
    assert (tmp_path / "config" / "settings.json").exists()  # the scan saw the app's files


def test_policy_published_while_the_form_is_open(tmp_path, qtbot, open_windows):
    with private_sandbox("--rate-limit", "0") as sb:
        w = start(sb, tmp_path, qtbot, open_windows)
        accept_first_launch(qtbot, w)
        dialog = open_registration(qtbot, w)
        values = form_values(sb)
        fill(dialog, values)
        body = tmp_path / "policy.md"
        body.write_text("# Privacy policy\n\nA fictional new rule.\n")
        sb.cli("publish-policy", "--version", "2026-12-05", "--title", "Privacy policy",
               "--summary", "A new rule.", "--body-file", str(body))

        def gate_open() -> bool:
            return dialog.gate is not None and dialog.gate.dialog is not None

        qtbot.mouseClick(dialog.submit, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(gate_open, timeout=WAIT_MS)
        assert "fictional new rule" in dialog.gate.dialog.text.toPlainText()
        qtbot.mouseClick(dialog.gate.dialog.decline_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not gate_open(), timeout=WAIT_MS)
        assert "need to accept" in dialog.findChild(QLabel, "regFormError").text()
        assert {n: dialog.findChild(QLineEdit, n).text() for n in values} == values
        assert dialog.pages.currentWidget() is dialog.form_page

        qtbot.mouseClick(dialog.submit, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(gate_open, timeout=WAIT_MS)
        qtbot.mouseClick(dialog.gate.dialog.accept_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.pages.currentWidget() is dialog.outcome, timeout=WAIT_MS)
        assert dialog.outcome.status == "pending_approval"
        assert dialog.policy_version == "2026-12-05"
        versions = [a["version"] for a in
                    json.loads(sb.cli("acceptances", values["regUsername"]).stdout)]
        assert versions == ["2026-12-05"]
