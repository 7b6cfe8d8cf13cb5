"""The Claims screen in the real application against a private sandbox with 30,000 claims.

What the screen lists is checked against the sandbox's own database (read-only), never
against hard-coded counts: every criterion alone and combined, paging to the end of a
several-thousand-claim result, other TINs, and the words of paid, denied and pending
claims. One window is signed in for the module; each test starts from a cleared form.
The last test publishes a new policy on this module's sandbox.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.app import launch
from desktop.ui.claims.model import COL_BILLED, R_BILLED, R_NUMBER
from desktop.ui.claims.screen import ClaimsScreen
from desktop.ui.shell.main_window import MainWindow
from desktop.validation import add_months
from tests.conftest import Sandbox
from tests.e2e.portal_helpers import private_sandbox, read_only_db, sign_in_accepted
from tests.ui.shell_helpers import close_window, walk_problems
from tests.ui.shell_helpers import sign_in_through_gate as sign_in

WAIT_MS = 30_000
CLAIMS = 30_000


@pytest.fixture(scope="module")
def sb() -> Iterator[Sandbox]:
    with private_sandbox("--rate-limit", "0", claims=CLAIMS) as sandbox:
        yield sandbox


@dataclass
class App:
    window: MainWindow
    bot: QtBot
    tin: str

    @property
    def screen(self) -> ClaimsScreen:
        s = self.window.screens["claims"]
        assert isinstance(s, ClaimsScreen)
        return s


@pytest.fixture(scope="module")
def app(sb: Sandbox, qapp, request, tmp_path_factory) -> Iterator[App]:
    bot = QtBot(request)
    config = tmp_path_factory.mktemp("claims-config")
    w = launch(["--portal-url", sb.url, "--ca-bundle", sb.ca_bundle, "--config-dir",
                str(config)])
    assert isinstance(w, MainWindow)
    try:
        bot.waitUntil(lambda: w.gate.dialog is not None, timeout=WAIT_MS)
        bot.mouseClick(w.gate.dialog.accept_button, Qt.MouseButton.LeftButton)
        bot.waitUntil(lambda: w.gate.dialog is None and w.state == "signed_out",
                      timeout=WAIT_MS)
        demo = sb.demo_users[0]
        sign_in(bot, w, demo["username"], demo["password"])
        w.show_screen("claims")
        yield App(w, bot, demo["tin"].replace("-", ""))
    finally:
        close_window(w)  # no server round trip, no token left behind


# --- ground truth ------------------------------------------------------------------------

COLUMNS = ("claim_number", "member_id", "patient_first", "patient_last", "patient_dob",
           "billing_npi", "rendering_npi", "category", "service_from", "detail")


def db_claims(sb: Sandbox, tin: str | None, start: date, end: date) -> list[dict[str, Any]]:
    """The sandbox's claims with a first date of service in [start, end] (all TINs if None)."""
    sql = (f"SELECT {', '.join('c.' + c for c in COLUMNS)}, replace(o.tin, '-', '') "
           "FROM claims c JOIN organizations o ON o.id = c.org_id "
           "WHERE c.service_from BETWEEN ? AND ?")
    params: list[Any] = [start.isoformat(), end.isoformat()]
    if tin is not None:
        sql += " AND replace(o.tin, '-', '') = ?"
        params.append(tin)
    with read_only_db(sb) as conn:
        rows = conn.execute(sql, params).fetchall()
    return [dict(zip((*COLUMNS, "tin"), r, strict=True)) for r in rows]


def today() -> date:
    return date.today()


def two_years() -> tuple[date, date]:
    end = today()
    return add_months(end, -24), end


def us(d: date) -> str:
    return f"{d.month:02d}/{d.day:02d}/{d.year}"


# --- driving the screen ------------------------------------------------------------------


def search(app: App, *, statuses: tuple[str, ...] = (), sort: str | None = None,
           **fields: str) -> list[str]:
    """Fill the form, press Enter, scroll to the end; the claim numbers listed, in order."""
    s = app.screen
    s.close_detail()
    s.form.reset()
    s.filter.clear()
    s.form.set_values(**fields)
    s.form.status.set_selected(statuses)
    if sort is not None:
        s.sort.setCurrentIndex(s.sort.findData(sort))
    app.bot.keyClick(s.form.fields["claim_number"].edit, Qt.Key.Key_Return)
    wait_loaded(app)
    return [s.model.row_at(r)[R_NUMBER] for r in range(s.model.rowCount())]


def wait_loaded(app: App) -> None:
    s = app.screen
    app.bot.waitUntil(lambda: s.model.searched and not s.searching, timeout=WAIT_MS)
    while s.model.has_more:
        before = s.model.loaded
        s.table.scrollToBottom()  # the view (or the prefetch) asks for the next page
        app.bot.waitUntil(lambda b=before: s.model.loaded > b or s.model.error is not None,
                          timeout=WAIT_MS)
        assert s.model.error is None, s.status.text()
    assert s.model.loaded == s.model.total


def expect(sb: Sandbox, app: App, start: date, end: date,
           keep: Callable[[dict[str, Any]], bool]) -> set[str]:
    return {c["claim_number"] for c in db_claims(sb, app.tin, start, end) if keep(c)}


def pick(sb: Sandbox, app: App, key: str, *, at_least: int = 2) -> str:
    """A value of `key` that several of this TIN's claims of the last 24 months share."""
    counts: dict[str, int] = {}
    for c in db_claims(sb, app.tin, *two_years()):
        counts[c[key]] = counts.get(c[key], 0) + 1
    value, n = max(counts.items(), key=lambda kv: kv[1])
    assert n >= at_least
    return value


# --- criteria ----------------------------------------------------------------------------


def test_default_search_is_the_last_90_days(sb, app):
    listed = search(app)
    start, end = app.screen.last_search[0].service_from, app.screen.last_search[0].service_to
    assert (end - start).days == 90
    assert listed and len(listed) == len(set(listed))
    assert set(listed) == expect(sb, app, start, end, lambda c: True)
    assert app.screen.count.text().startswith(f"{app.screen.formats.count(len(listed))} claims")


def test_two_years_pages_to_the_end_without_gaps_duplicates_or_other_tins(sb, app):
    start, end = two_years()
    listed = search(app, service_from=us(start), service_to=us(end))
    assert len(listed) > 2000, "the module sandbox should give several thousand claims"
    assert len(listed) == len(set(listed)), "paging repeated a claim"
    expected = expect(sb, app, start, end, lambda c: True)
    assert set(listed) == expected, "paging skipped or invented claims"
    everyone = {c["claim_number"]: c["tin"] for c in db_claims(sb, None, start, end)}
    assert {everyone[n] for n in listed} == {app.tin}
    dates = [c["service_from"] for c in sorted(
        db_claims(sb, app.tin, start, end), key=lambda c: listed.index(c["claim_number"]))]
    assert dates == sorted(dates, reverse=True)  # newest first, as the portal sorted
    s = app.screen
    assert s.count.text() == f"{s.formats.count(len(listed))} claims ({s.formats.count(len(listed))} loaded)"


def test_another_tins_claim_number_finds_nothing(sb, app):
    start, end = two_years()
    other = next(c for c in db_claims(sb, None, start, end) if c["tin"] != app.tin)
    assert search(app, claim_number=other["claim_number"], service_from=us(start),
                  service_to=us(end)) == []
    assert app.screen.count.text() == "No claims match these details"


CRITERIA: dict[str, Callable[[Sandbox, App], tuple[dict[str, Any], Callable[[dict], bool]]]] = {}


def criterion(fn):
    CRITERIA[fn.__name__] = fn
    return fn


@criterion
def claim_number(sb, app):
    number = db_claims(sb, app.tin, *two_years())[7]["claim_number"]
    return {"claim_number": number}, lambda c: c["claim_number"] == number


@criterion
def member_id(sb, app):
    member = pick(sb, app, "member_id")
    return {"member_id": member}, lambda c: c["member_id"] == member


@criterion
def last_name_prefix_any_case(sb, app):
    return {"last_name": "tEsT"}, lambda c: c["patient_last"].casefold().startswith("test")


@criterion
def first_name_prefix(sb, app):
    return {"first_name": "mary-"}, lambda c: c["patient_first"].casefold().startswith("mary-")


@criterion
def apostrophe_name(sb, app):
    return {"last_name": "O'Syn"}, lambda c: c["patient_last"].startswith("O'Syn")


@criterion
def date_of_birth(sb, app):
    dob = pick(sb, app, "patient_dob")
    y, m, d = (int(p) for p in dob.split("-"))
    return {"dob": us(date(y, m, d))}, lambda c: c["patient_dob"] == dob


@criterion
def status_family(sb, app):
    return {"statuses": ("F",)}, lambda c: c["category"].startswith("F")


@criterion
def status_category(sb, app):
    return {"statuses": ("F2",)}, lambda c: c["category"] == "F2"


@criterion
def status_family_and_categories(sb, app):
    return ({"statuses": ("P", "A7", "R4")},
            lambda c: c["category"].startswith("P") or c["category"] in ("A7", "R4"))


@criterion
def billing_npi(sb, app):
    npi = pick(sb, app, "billing_npi")
    return {"billing_npi": npi}, lambda c: c["billing_npi"] == npi


@criterion
def rendering_npi(sb, app):
    npi = pick(sb, app, "rendering_npi")
    return {"rendering_npi": npi}, lambda c: c["rendering_npi"] == npi


@criterion
def combined(sb, app):
    npi = pick(sb, app, "rendering_npi")
    return ({"last_name": "s", "statuses": ("F", "P2"), "rendering_npi": npi},
            lambda c: c["patient_last"].casefold().startswith("s") and c["rendering_npi"] == npi
            and (c["category"].startswith("F") or c["category"] == "P2"))


@criterion
def combined_with_member_and_status(sb, app):
    member = pick(sb, app, "member_id")
    return ({"member_id": member, "statuses": ("F1",)},
            lambda c: c["member_id"] == member and c["category"] == "F1")


@pytest.mark.parametrize("name", list(CRITERIA))
def test_each_criterion_alone_and_combined_matches_the_database(sb, app, name):
    fields, keep = CRITERIA[name](sb, app)
    statuses = fields.pop("statuses", ())
    start, end = two_years()
    listed = search(app, statuses=statuses, service_from=us(start), service_to=us(end),
                    **fields)
    expected = expect(sb, app, start, end, keep)
    assert expected, f"{name}: pick a criterion the data holds"
    assert len(listed) == len(set(listed))
    assert set(listed) == expected


def test_a_narrow_date_range_and_sorting_by_billed(sb, app):
    start, end = date(today().year, today().month, 1), today()
    listed = search(app, service_from=us(start), service_to=us(end), sort="-billed_amount")
    assert set(listed) == expect(sb, app, start, end, lambda c: True)
    billed = [app.screen.model.row_at(r)[R_BILLED] for r in range(app.screen.model.rowCount())]
    assert billed == sorted(billed, reverse=True)
    app.screen.table.horizontalHeader().sectionClicked.emit(COL_BILLED)  # Billed: now lowest first
    wait_loaded(app)
    billed = [app.screen.model.row_at(r)[R_BILLED] for r in range(app.screen.model.rowCount())]
    assert billed == sorted(billed) and len(billed) == len(listed)


# --- claim detail --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def code_words(sb) -> dict[str, dict[str, str]]:
    demo = sb.demo_users[1]
    client = sign_in_accepted(sb, demo["username"], demo["password"])
    out = {}
    for name, path in (("status", "/codes/claim-status"), ("carc", "/codes/carc"),
                       ("rarc", "/codes/rarc")):
        body = client.get(path).json()
        out[name] = {c["code"]: c["label"] for c in body["codes"]}
    return out


def open_claim(app: App, number: str) -> None:
    start, end = two_years()
    assert search(app, claim_number=number, service_from=us(start), service_to=us(end)) == [
        number]
    s = app.screen
    s.table.setFocus()
    s.table.setCurrentIndex(s.model.index(0, 0))
    app.bot.keyClick(s.table, Qt.Key.Key_Return)
    app.bot.waitUntil(lambda: s.detail.detail is not None and s.codes.loaded, timeout=WAIT_MS)


@pytest.mark.parametrize("kind", ["paid", "denied", "pending"])
def test_detail_explains_codes_in_words(sb, app, code_words, kind):
    want = {"paid": lambda c: c == "F1", "denied": lambda c: c == "F2",
            "pending": lambda c: c[0] == "P"}[kind]
    claim = next(c for c in db_claims(sb, app.tin, *two_years()) if want(c["category"])
                 and any(line[8] or line[9] for line in json.loads(c["detail"])[0]))
    lines, history = json.loads(claim["detail"])
    open_claim(app, claim["claim_number"])
    panel = app.screen.detail
    assert panel.isVisible()
    assert panel.lines.rowCount() == len(lines)
    assert [panel.lines.item(r, 2).text() for r in range(len(lines))] == [x[2] for x in lines]
    explained = panel.explained.text()
    for line in lines:
        for group, carc, _amount in line[8]:
            assert f"{group}-{carc}: {code_words['carc'][carc]}" in explained
        for remark in line[9]:
            assert f"{remark}: {code_words['rarc'][remark]}" in explained
    assert code_words["status"][claim["category"]] in panel.status_chip.text()
    assert len(panel.history.text().splitlines()) == len(history)
    why = panel.why.text() if panel.why.isVisibleTo(panel) else ""
    if kind == "paid":
        assert why == ""
        assert panel.payment.text().startswith(("Electronic funds transfer", "Paper check"))
    elif kind == "denied":
        denial = next(adj for line in lines for adj in line[8])
        assert why.startswith("Denied: " + code_words["carc"][denial[1]])
        assert panel.payment.text() == "No payment has been made on this claim."
    else:
        bare = code_words["status"][claim["category"]].split(":", 1)[1].strip()
        assert why.startswith("Pending: " + bare)
    assert walk_problems(app.screen) == []


# --- export, coming back, widget walk -------------------------------------------------------


def test_export_round_trips_the_listed_claims(sb, app, tmp_path):
    start, end = two_years()
    listed = search(app, last_name="o'", service_from=us(start), service_to=us(end))
    assert listed
    target = tmp_path / "export.csv"
    s = app.screen
    original, s.output.choose_path = s.output.choose_path, lambda *_a: str(target)
    try:
        app.bot.mouseClick(s.export_button, Qt.MouseButton.LeftButton)
        app.bot.waitUntil(lambda: "Saved" in s.status.text(), timeout=WAIT_MS)
    finally:
        s.output.choose_path = original
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["Claim number"] for r in rows] == listed
    truth = {c["claim_number"]: c for c in db_claims(sb, app.tin, start, end)}
    for r in rows:
        c = truth[r["Claim number"]]
        assert (r["Patient last name"], r["Patient first name"], r["Member ID"]) == (
            c["patient_last"], c["patient_first"], c["member_id"])
    assert "patient information" in s.status.text()
    assert list(Path(tmp_path).iterdir()) == [target]


def test_coming_back_to_the_screen_keeps_the_last_search(sb, app):
    listed = search(app, last_name="test")
    s = app.screen
    app.window.show_screen("account")
    assert not s.isVisible()
    app.window.show_screen("claims")
    assert s.form.fields["last_name"].text() == "test"
    assert s.model.rowCount() == len(listed)


def test_every_widget_is_named_and_plain_with_results_and_detail(sb, app):
    search(app, statuses=("F2",))
    app.screen.open_detail(0)
    app.bot.waitUntil(lambda: app.screen.detail.detail is not None, timeout=WAIT_MS)
    # This screen's widgets (the shell's own test walks the whole window).
    assert walk_problems(app.screen) == []
    for name in ("searchClaimNumber", "searchMemberId", "searchPatientLastName",
                 "searchPatientFirstName", "searchPatientDob", "searchServiceFrom",
                 "searchServiceTo", "searchStatus", "searchButton", "searchBillingNpi",
                 "searchRenderingNpi", "searchClear", "claimsTable", "claimsCount",
                 "claimDetail", "claimLinesTable"):
        assert app.window.findChild(QWidget, name) is not None, name


# --- last: changes this module's sandbox ----------------------------------------------------


def test_policy_change_mid_search_resumes_the_same_search(sb, app, tmp_path):
    body = tmp_path / "policy.md"
    body.write_text("# Privacy policy\n\nA new rule for the claims screen test.\n")
    sb.cli("publish-policy", "--version", "2099-01-01", "--title", "Policy",
           "--summary", "A new rule.", "--body-file", str(body))
    s = app.screen
    s.close_detail()
    s.form.reset()
    s.form.set_values(last_name="test")
    app.bot.keyClick(s.form.fields["last_name"].edit, Qt.Key.Key_Return)
    w = app.window
    app.bot.waitUntil(lambda: w.gate.dialog is not None, timeout=WAIT_MS)
    assert s.model.rowCount() == 0
    s.form.set_values(last_name="something else")  # typing on does not change what resumes
    app.bot.mouseClick(w.gate.dialog.accept_button, Qt.MouseButton.LeftButton)
    wait_loaded(app)
    start, end = s.last_search[0].service_from, s.last_search[0].service_to
    listed = {s.model.row_at(r)[R_NUMBER] for r in range(s.model.rowCount())}
    assert listed == expect(sb, app, start, end,
                            lambda c: c["patient_last"].casefold().startswith("test"))
    assert s.form.fields["last_name"].text() == "something else"
