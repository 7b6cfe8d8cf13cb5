"""The Payments screen with a fake portal: search, the remittance in words, files, claims,
interruptions, permissions, hostile text and sign-out."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from desktop.portal.errors import ServerError, SessionExpired
from desktop.ui.payments.model import PaymentsModel
from desktop.ui.payments.screen import PaymentsScreen
from tests.ui.payments.support import fake_context, remittance
from tests.unit import remit835_samples as samples


def make(qtbot, payments=None, **kw):
    ctx, portal = fake_context(payments, **kw)
    chosen = {"path": ""}
    printed: list[QPrinter] = []

    def ask_printer(printer: QPrinter, _parent) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(chosen["path"])
        printed.append(printer)
        return True

    screen = PaymentsScreen(ctx, choose_path=lambda *_a: chosen["path"], ask_printer=ask_printer)
    qtbot.addWidget(screen)
    screen.resize(1366, 700)
    screen.show()
    return screen, portal, chosen, printed


def open_first(screen: PaymentsScreen) -> None:
    screen.activate()
    screen.table.activated.emit(screen.model.index(0, 0))


def claim_item(screen: PaymentsScreen, row: int = 0):
    item = screen.view.claims.topLevelItem(row)
    assert item is not None
    return item


def texts(item) -> list[str]:
    out = []
    for i in range(item.childCount()):
        child = item.child(i)
        out.append(child.text(1) or child.text(0))
        out += texts(child)
    return out


def test_the_names_of_the_contract_are_there(qtbot) -> None:
    screen, *_ = make(qtbot)
    for name in ("paymentsSearch", "paymentTraceNumber", "paymentsTable", "remittanceView",
                 "remittanceTotal"):
        assert screen.findChild(QWidget, name) is not None, name


def test_search_then_open_shows_how_the_deposit_adds_up(qtbot) -> None:
    screen, portal, *_ = make(qtbot)
    open_first(screen)
    assert screen.model.rowCount() == 3
    assert screen.findChild(QLabel, "paymentsCount").text() == "3 payments"
    total = screen.findChild(QLabel, "remittanceTotal")
    assert total.text() == ("Deposit $146.50 = claims paid $156.50 − provider adjustments "
                            "$10.00")
    assert total.textFormat() == Qt.TextFormat.PlainText
    assert not screen.view.warning.isVisible()
    providers = [screen.view.providers.item(i).text()
                 for i in range(screen.view.providers.count())]
    assert providers == ["WO: Recovery of an earlier overpayment (reference OLD1): $10.00 "
                         "taken from the deposit"]
    assert ("get_payment", "pm1") in portal.calls


def test_each_claim_explains_its_adjustments_in_words(qtbot) -> None:
    screen, *_ = make(qtbot)
    open_first(screen)
    assert screen.view.claims.topLevelItemCount() == 2
    first, denied = claim_item(screen, 0), claim_item(screen, 1)
    assert [first.text(c) for c in range(7)] == [
        "2600000000001", "Testperson, Zoe", "Processed as primary", "$300.00", "$176.50",
        "$156.50", "$20.00"]
    assert first.childCount() == 0, "lines are built when the claim is opened"
    first.setExpanded(True)
    words = texts(first)
    assert ("$60.00  CO-45, provider writes off: Charge is more than the contracted fee; the "
            "difference is written off by the provider") in words
    assert any(t.startswith("$20.00  PR-3, patient may be billed: ") for t in words)
    denied.setExpanded(True)
    assert any(t.startswith("$80.00  Claim adjustment CO-29") for t in texts(denied))
    assert any(t.startswith("Remark N211") for t in texts(denied))


def test_the_trace_number_goes_to_the_portal(qtbot) -> None:
    screen, portal, *_ = make(qtbot)
    qtbot.keyClicks(screen.form.trace, "EFT000000000002")
    qtbot.mouseClick(screen.form.button, Qt.MouseButton.LeftButton)
    criteria = portal.calls[-1][1][0]
    assert criteria.trace_number == "EFT000000000002"
    assert screen.model.rowCount() == 1


def test_bad_criteria_are_told_and_not_sent(qtbot) -> None:
    screen, portal, *_ = make(qtbot)
    screen.form.paid_from.setText("2026-02-30")
    screen.form.amount_min.setText("12.345")
    qtbot.mouseClick(screen.form.button, Qt.MouseButton.LeftButton)
    assert not any(c[0] == "search_payments" for c in portal.calls)
    assert screen.form.error.isVisible()
    assert "not a date" in screen.form.error.text() and "not an amount" in screen.form.error.text()


def test_an_interrupted_search_runs_again_on_resume(qtbot) -> None:
    screen, portal, *_ = make(qtbot)
    portal.fail["search_payments"] = [SessionExpired()]
    screen.activate()
    assert screen.model.rowCount() == 0
    assert "Paused" in screen.actions_bar.status.text()
    screen.resume()
    assert screen.model.rowCount() == 3


def test_a_failure_is_told_in_words(qtbot) -> None:
    screen, portal, *_ = make(qtbot)
    portal.fail["get_payment"] = [ServerError(status=503)]
    open_first(screen)
    assert screen.actions_bar.status.text()
    assert screen.view.current is None


def test_load_more_pages(qtbot) -> None:
    payments = [remittance(f"pm{i}", trace=f"EFT{i:012d}") for i in range(5)]
    screen, *_ = make(qtbot, payments, page_size=2)
    screen.activate()
    more = screen.findChild(QPushButton, "paymentsMore")
    assert more.isVisible() and screen.model.rowCount() == 2
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    assert screen.model.rowCount() == 5 and not more.isVisible()


def test_open_claim_shows_the_portal_claim(qtbot) -> None:
    screen, portal, *_ = make(qtbot)
    open_first(screen)
    screen.view.claims.setCurrentItem(claim_item(screen, 1))
    qtbot.mouseClick(screen.view.open_claim, Qt.MouseButton.LeftButton)
    assert ("get_claim", "c2") in portal.calls
    assert screen.claim.isVisible() and screen.claim.detail is not None


def test_open_claim_of_a_file_finds_it_by_number(qtbot, tmp_path: Path) -> None:
    screen, portal, *_ = make(qtbot)
    path = tmp_path / "remit.835"
    path.write_text(samples.interchange(samples.transaction()), "ascii")
    screen.open_files([path])
    screen.view.claims.setCurrentItem(claim_item(screen, 0))
    screen.view.open_selected()
    assert portal.calls[-1] == ("get_claim", "c1")
    assert any(c[0] == "search_claims" and c[1][0].claim_number == "2600000000001"
               for c in portal.calls)


def test_a_file_with_two_transactions_shows_each(qtbot, tmp_path: Path) -> None:
    screen, *_ = make(qtbot)
    path = tmp_path / "two.835"
    path.write_text(samples.interchange(samples.transaction("0001"),
                                        samples.transaction("0002", trace="CHK77", total="150")),
                    "ascii")
    screen.open_files([path])
    combo = screen.view.transaction
    assert combo.isVisible() and combo.count() == 2
    assert screen.view.current.trace_number == "EFT000000000042"
    combo.activated.emit(1)
    assert screen.view.current.trace_number == "CHK77"
    assert screen.view.warning.isVisible()
    assert "a difference of $3.50" in screen.view.warning.text()
    problems = [screen.view.problems.item(i).text() for i in range(screen.view.problems.count())]
    assert any("segment" in p and "difference is 3.50" in p for p in problems), problems
    assert "checked against the 835 guide, no problems" in screen.actions_bar.status.text()
    assert not screen.progress.isVisible()


@pytest.mark.parametrize(("content", "words"), [
    (samples.other_transaction("837").encode(), "837 claim submission"),
    (b"\x00\x01\x02junk" * 200, "not a text file"),
    (b"", "empty"),
])
def test_files_that_cannot_be_shown_are_told_in_words(qtbot, tmp_path: Path, content: bytes,
                                                      words: str) -> None:
    screen, *_ = make(qtbot)
    path = tmp_path / "bad.835"
    path.write_bytes(content)
    screen.open_files([path])
    status = screen.actions_bar.status.text()
    assert status.startswith("bad.835: ") and words in status, status
    assert screen.view.current is None


def test_export_and_print_follow_it_permissions(qtbot) -> None:
    screen, *_ = make(qtbot, allow_export=False, allow_print=False)
    for name in ("paymentsExportCsv", "paymentsPrint", "paymentsPdf"):
        assert not screen.findChild(QPushButton, name).isVisible(), name
    open_first(screen)
    screen.actions_bar.export_csv()
    screen.actions_bar.save_pdf()
    assert screen.actions_bar.status.text() == ""


def test_csv_and_pdf_are_written_on_request(qtbot, tmp_path: Path) -> None:
    screen, _, chosen, printed = make(qtbot)
    open_first(screen)
    chosen["path"] = str(tmp_path / "remit.csv")
    screen.actions_bar.export_csv()
    with open(chosen["path"], encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:3] == ["trace_number", "paid_date", "claim_number"]
    assert [r[2] for r in rows[1:]] == ["2600000000001", "2600000000002"]
    chosen["path"] = str(tmp_path / "remit.pdf")
    screen.actions_bar.save_pdf()
    assert Path(chosen["path"]).read_bytes().startswith(b"%PDF")
    chosen["path"] = str(tmp_path / "printed.pdf")
    screen.actions_bar.print_remittance()
    assert printed and Path(chosen["path"]).stat().st_size > 0


def test_hostile_text_stays_plain(qtbot) -> None:
    payer = "<b>Evil</b>\u202e Plan <img src=x>"
    screen, *_ = make(qtbot, [remittance("pm1", payer=payer)])
    open_first(screen)
    facts = screen.view.facts
    assert facts.textFormat() == Qt.TextFormat.PlainText
    assert "<b>Evil</b> Plan <img src=x>" in facts.text() and "\u202e" not in facts.text()


def test_clear_drops_everything(qtbot, tmp_path: Path) -> None:
    screen, *_ = make(qtbot)
    open_first(screen)
    screen.form.trace.setText("EFT000000000001")
    screen.clear()
    assert screen.model.rowCount() == 0 and screen.view.current is None
    assert screen.view.claims.topLevelItemCount() == 0 and screen.form.trace.text() == ""


def test_model(qtmodeltester, qtbot) -> None:
    screen, *_ = make(qtbot)
    screen.activate()
    assert isinstance(screen.model, PaymentsModel)
    qtmodeltester.check(screen.model)
