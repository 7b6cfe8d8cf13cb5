"""The Claims screen with a fake portal: form checks, paging, sorting, detail, retries,
export and print permissions, hostile text, sign-out."""

from __future__ import annotations

import csv
import stat
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QLabel, QWidget

from desktop.portal.errors import (
    PolicyAcceptanceRequired,
    ServerError,
    SessionExpired,
    ValidationFailed,
)
from desktop.ui.claims.model import COL_BILLED, COL_PATIENT, COL_SERVICE
from desktop.ui.claims.screen import ClaimsScreen
from tests.ui.claims.support import detail, fake_context, line, many
from tests.unit.test_safefile import read_only_folder

WAIT_MS = 5000


def make(qtbot, claims=None, **kw):
    ctx, client = fake_context(claims if claims is not None else many(1234), **kw)
    paths: list[str] = []
    chosen = {"path": ""}

    def choose(_parent, _caption, suggested, _filters):
        paths.append(suggested)
        return chosen["path"]

    printed: list[QPrinter] = []

    def ask_printer(printer: QPrinter, _parent) -> bool:
        printed.append(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(chosen["print"])
        return True

    screen = ClaimsScreen(ctx, choose_path=choose, ask_printer=ask_printer)
    qtbot.addWidget(screen)
    screen.resize(1200, 760)
    screen.show()
    screen.activate()
    screen.test_chosen = chosen  # type: ignore[attr-defined]
    screen.test_printed = printed  # type: ignore[attr-defined]
    return screen, client


def searches(client):
    return [args for name, args in client.calls if name == "search_claims"]


def test_search_shows_first_page_and_count(qtbot):
    s, client = make(qtbot)
    qtbot.keyClick(s.form.fields["claim_number"].edit, Qt.Key.Key_Return)
    assert s.model.rowCount() == 100
    assert s.count.text() == "1,234 claims (100 loaded)"
    criteria, cursor, limit, sort = searches(client)[0]
    assert cursor is None and limit == 100 and sort == "-service_from"
    assert criteria.service_from is not None and criteria.service_to is not None
    assert (criteria.service_to - criteria.service_from).days == 90
    assert s.focusWidget() is s.table and s.table.currentIndex().row() == 0


def test_scrolling_fetches_500_at_a_time_without_duplicates(qtbot):
    s, client = make(qtbot)
    s.search()
    for _ in range(10):
        s.table.scrollToBottom()
        if not s.model.has_more:
            break
    assert s.model.rowCount() == 1234 and not s.model.has_more
    limits = [limit for _c, _cur, limit, _s in searches(client)]
    assert limits == [100, 500, 500, 500]
    numbers = [s.model.index(r, 0).data() for r in range(s.model.rowCount())]
    assert len(set(numbers)) == 1234
    assert s.count.text() == "1,234 claims (1,234 loaded)"


def test_invalid_fields_are_flagged_and_nothing_is_sent(qtbot):
    s, client = make(qtbot)
    f = s.form.fields
    f["member_id"].edit.setText("bad id!")
    f["billing_npi"].edit.setText("1234567890")
    f["service_from"].edit.setText("02/30/2026")
    f["dob"].edit.setText("01/01/2999")
    s.search()
    assert searches(client) == []
    for name in ("member_id", "billing_npi", "service_from", "dob"):
        assert f[name].has_error, name
    assert s.findChild(QLabel, "searchMemberIdError").text().startswith("A member ID uses only")
    assert "check digit" in f["billing_npi"].error_text
    assert "28 days" in f["service_from"].error_text
    assert "future" in f["dob"].error_text
    assert s.status.text() == "Please correct the 4 marked fields before searching."
    # Fixing fields brings the count down; the line goes once none is left (issue 15).
    f["member_id"].edit.setText("ZZ100000001")
    f["billing_npi"].edit.setText("")
    f["dob"].edit.setText("")
    assert s.status.text() == "Please correct the 1 marked field before searching."
    f["service_from"].edit.setText("02/28/2026")
    assert s.status.text() == "" and not s.status.isVisible()


def test_date_range_rules_before_any_request(qtbot):
    s, client = make(qtbot)
    f = s.form.fields
    f["service_from"].set_text("03/10/2026")
    f["service_to"].set_text("03/01/2026")
    s.search()
    assert f["service_to"].has_error and searches(client) == []
    f["service_from"].set_text("01/01/2020")
    f["service_to"].set_text("03/01/2026")
    s.search()
    assert f["service_from"].has_error and "24 months" in f["service_from"].error_text
    assert searches(client) == []


def test_every_criterion_goes_on_the_wire(qtbot):
    s, client = make(qtbot)
    s.form.set_values(claim_number=" 26000000000001 ", member_id="ZZ100000001",
                      last_name="o'synth", first_name="Ann", dob="5/17/1970",
                      service_from="2025-01-01", service_to="12/31/2025",
                      billing_npi="1127023095", rendering_npi="1127023095")
    s.form.status.set_selected(["F", "F2", "P3", "A7"])
    s.search()
    criteria = searches(client)[0][0]
    assert criteria.to_json() | {"status": None} == {
        "claim_number": "26000000000001", "member_id": "ZZ100000001",
        "patient_last_name": "o'synth", "patient_first_name": "Ann",
        "patient_dob": "1970-05-17", "service_from": "2025-01-01", "service_to": "2025-12-31",
        "billing_npi": "1127023095", "rendering_npi": "1127023095", "status": None}
    # A family covers its categories: F2 is not sent twice.
    assert criteria.statuses == ("F", "A7", "P3")  # F2 is covered by F: not sent twice


def test_status_picker_by_keyboard(qtbot):
    """The status filter is a combo box of outcomes in words (issue 15, item 4)."""
    s, client = make(qtbot)
    picker = s.form.status
    assert picker.currentText() == "Any status"
    picker.setFocus()
    qtbot.keyClick(picker, Qt.Key.Key_Down)  # a combo box moves on without opening
    qtbot.keyClick(picker, Qt.Key.Key_Down)
    assert picker.currentText() == "Denied" and picker.selected() == ("F2", "F4")
    s.search()
    assert searches(client)[-1][0].statuses == ("F2", "F4")
    for _ in range(8):  # past the last outcome: stays there, no dialog on the way
        qtbot.keyClick(picker, Qt.Key.Key_Down)
    assert picker.currentText() == "Rejected" and picker.codes_dialog is None


def test_clear_resets_the_form(qtbot):
    s, _client = make(qtbot)
    s.form.set_values(member_id="ZZ1", last_name="Test")
    s.form.status.set_selected(["F"])
    qtbot.mouseClick(s.form.clear_button, Qt.MouseButton.LeftButton)
    assert s.form.fields["member_id"].text() == "" and s.form.status.selected() == ()
    assert s.form.fields["service_from"].text() != ""


def test_server_field_errors_land_on_fields(qtbot):
    s, client = make(qtbot)
    client.fail["search_claims"] = [ValidationFailed(
        "One or more fields are invalid.", fields={"service_from": "Too far back."})]
    s.search()
    assert s.form.fields["service_from"].error_text == "Too far back."
    assert not s.retry.isVisible()


def test_header_click_sorts_on_the_server(qtbot):
    s, client = make(qtbot)
    s.search()
    header = s.table.horizontalHeader()
    header.sectionClicked.emit(COL_BILLED)
    assert searches(client)[-1][3] == "-billed_amount"
    assert s.sort.currentData() == "-billed_amount"
    assert header.sortIndicatorSection() == COL_BILLED
    header.sectionClicked.emit(COL_BILLED)
    assert searches(client)[-1][3] == "billed_amount"
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    calls = len(searches(client))
    header.sectionClicked.emit(COL_PATIENT)  # the portal cannot sort by name
    assert len(searches(client)) == calls
    assert header.sortIndicatorSection() == COL_BILLED
    s.sort.setCurrentIndex(s.sort.findData("-received_at"))
    s.sort.activated.emit(s.sort.currentIndex())
    assert searches(client)[-1][3] == "-received_at"
    header.sectionClicked.emit(COL_SERVICE)
    assert searches(client)[-1][3] == "-service_from"


def test_quick_filter_narrows_after_a_pause(qtbot):
    s, client = make(qtbot)
    s.search()
    s.filter.setText("pat1")
    qtbot.waitUntil(lambda: s.model.filtering, timeout=WAIT_MS)
    assert 0 < s.model.rowCount() < 100
    assert "match the filter" in s.count.text()
    s.filter.clear()
    qtbot.waitUntil(lambda: not s.model.filtering, timeout=WAIT_MS)
    assert len(searches(client)) == 1  # no server round trip


def test_enter_opens_detail_with_words_and_escape_closes(qtbot):
    d = detail("26000000000001", claim_id="c1", category="F2", code="88", allowed="0.00",
               paid="0.00", patient_resp="0.00", method=None, payment_number=None,
               paid_on=None, lines=[line(1, allowed="0.00", paid="0.00",
                                         adjustments=[("CO", "50", "100.00")],
                                         remarks=["N115"])])
    s, _client = make(qtbot, [d, *many(5)[1:]])
    s.search()
    s.table.setFocus()
    qtbot.keyClick(s.table, Qt.Key.Key_Return)
    assert s.detail.isVisible() and s.findChild(QWidget, "claimDetail") is s.detail
    assert s.detail.lines.objectName() == "claimLinesTable"
    assert s.detail.lines.rowCount() == 1
    assert s.detail.why.text().startswith("Denied: Not covered because the payer does not "
                                          "consider it medically necessary (CO-50)")
    assert "N115" in s.detail.why.text()
    assert "Decided under a local coverage policy" in s.detail.explained.text()
    assert s.detail.payment.text() == "No payment has been made on this claim."
    assert "F2" in s.detail.status_chip.text()
    qtbot.keyClick(s.table, Qt.Key.Key_Escape)
    assert not s.detail.isVisible() and s.detail.detail is None


def test_double_click_opens_detail(qtbot):
    s, client = make(qtbot, many(3))
    s.search()
    rect = s.table.visualRect(s.model.index(1, 0))
    qtbot.mouseClick(s.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(s.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert ("get_claim", "c2") in client.calls
    assert s.detail.title.text() == "Claim 26000000000002"


def test_code_tables_are_fetched_once_and_dropped_on_clear(qtbot):
    s, client = make(qtbot, many(3))
    s.search()
    s.open_detail(0)
    s.open_detail(1)
    assert [c for c in client.calls if c[0] == "get_status_codes"] == [("get_status_codes", None)]
    assert s.codes.loaded
    s.clear()
    assert not s.codes.loaded
    s.activate()
    assert len([c for c in client.calls if c[0] == "get_status_codes"]) == 2


def test_hostile_patient_text_in_table_and_detail(qtbot):
    hostile = detail("26000000000001", claim_id="c1", first="<b>Bold</b>\u202eevil",
                     last="<img src=x onerror=alert(1)>" + "L" * 10_000)
    s, _client = make(qtbot, [hostile])
    s.search()
    cell = s.model.index(0, COL_PATIENT).data()
    assert cell.startswith("<img src=x onerror=alert(1)>") and cell.endswith("…")
    assert len(cell) <= 60 and "\u202e" not in cell
    s.open_detail(0)
    patient = s.detail.fields["patient"]
    assert patient.textFormat() == Qt.TextFormat.PlainText
    assert patient.text().startswith("<img src=x") and patient.text().endswith("…")
    assert len(patient.text()) <= 130 and "\u202e" not in patient.text()
    for label in s.detail.findChildren(QLabel):
        if label.buddy() is None:
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()


def test_error_mid_scroll_keeps_rows_and_offers_retry(qtbot):
    s, client = make(qtbot)
    s.search()
    client.fail["search_claims"] = [ServerError()]
    s.table.scrollToBottom()
    assert s.model.rowCount() == 100
    assert s.retry.isVisible() and "Could not load more claims" in s.status.text()
    qtbot.mouseClick(s.retry, Qt.MouseButton.LeftButton)
    assert s.model.rowCount() == 600 and not s.retry.isVisible()


def test_expired_session_mid_scroll_resumes_after_sign_in(qtbot):
    s, client = make(qtbot)
    s.search()
    client.fail["search_claims"] = [SessionExpired()]
    s.table.scrollToBottom()
    assert s.model.rowCount() == 100 and not s.retry.isVisible()
    assert s.status.text() == "Loading will go on once you have signed in again."
    s.resume()
    assert s.model.rowCount() == 600
    assert searches(client)[-1][1] == "100"  # the same cursor, asked again


def test_policy_gate_on_first_page_resumes_the_same_search(qtbot):
    s, client = make(qtbot)
    s.form.set_values(member_id="ZZ100000001")
    client.fail["search_claims"] = [PolicyAcceptanceRequired()]
    s.search()
    # A signed-in clerk is not told to sign in (issue 15, item 7).
    assert s.model.rowCount() == 0
    assert s.status.text() == "The search will run again once the privacy policy is accepted."
    s.form.set_values(member_id="ZZ999")  # typing on meanwhile does not change what resumes
    s.resume()
    assert searches(client)[-1][0].member_id == "ZZ100000001"
    assert s.model.rowCount() == 100
    s.resume()  # nothing left to do
    assert len(searches(client)) == 2


def test_detail_errors_offer_retry_and_expiry_resumes(qtbot):
    s, client = make(qtbot, many(3))
    s.search()
    client.fail["get_claim"] = [ServerError(), SessionExpired()]
    s.open_detail(0)
    assert s.detail.retry_button.isVisible() and "Could not load" in s.detail.state_label.text()
    qtbot.mouseClick(s.detail.retry_button, Qt.MouseButton.LeftButton)
    assert not s.detail.retry_button.isVisible() and s.detail.detail is None
    s.resume()
    assert s.detail.detail is not None and s.detail.detail.claim_id == "c1"


def test_clear_drops_everything(qtbot):
    s, _client = make(qtbot)
    s.form.set_values(last_name="Testington", member_id="ZZ1", claim_number="26",
                      first_name="Al", dob="01/02/1990", service_from="01/01/2026",
                      billing_npi="1127023095")
    s.form.status.set_selected(["F2"])
    s.sort.setCurrentIndex(s.sort.findData("billed_amount"))
    s.search()
    s.open_detail(0)
    s.filter.setText("pat")
    s.clear()
    assert s.model.rowCount() == 0 and s.model.loaded == 0 and not s.model.searched
    assert not s.detail.isVisible() and s.detail.detail is None
    assert s.detail.fields["patient"].text() == ""
    for name in ("last_name", "member_id", "claim_number", "first_name", "dob"):
        assert s.form.fields[name].text() == "", name
    assert s.filter.text() == "" and not s.model.filtering
    assert not s.codes.loaded
    assert s.count.text().startswith("No search yet")
    assert not s.export_button.isEnabled()
    # Not patient information: kept for the next sign-in of this launch.
    assert s.form.fields["service_from"].text() == "01/01/2026"
    assert s.form.fields["billing_npi"].text() == "1127023095"
    assert s.form.status.selected() == ("F2",) and s.sort_key == "billed_amount"


def test_export_hidden_and_inert_when_it_forbids(qtbot, tmp_path):
    s, _client = make(qtbot, allow_export=False, allow_print=False)
    s.search()
    s.open_detail(0)
    assert s.export_button.isHidden()
    assert s.detail.print_button.isHidden() and s.detail.pdf_button.isHidden()
    s.test_chosen["path"] = str(tmp_path / "x.csv")
    s.test_chosen["print"] = str(tmp_path / "p.pdf")
    s.export_csv()
    s.print_detail()
    s.save_detail_pdf()
    assert list(tmp_path.iterdir()) == []


def test_export_writes_only_on_request_and_round_trips(qtbot, tmp_path):
    claims = many(3)
    claims[0] = detail("26000000000001", claim_id="c1", last="Doe, \"Jr\"", first="Zoë 李")
    s, _client = make(qtbot, claims)
    s.search()
    assert list(tmp_path.iterdir()) == []
    s.test_chosen["path"] = ""  # the clerk cancels the file dialog
    s.export_csv()
    assert list(tmp_path.iterdir()) == []
    target = tmp_path / "claims"
    s.test_chosen["path"] = str(target)
    qtbot.mouseClick(s.export_button, Qt.MouseButton.LeftButton)
    written = Path(str(target) + ".csv")
    assert written.exists()
    with written.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == 4 and rows[1][1:3] == ["Doe, \"Jr\"", "Zoë 李"]
    assert "patient information" in s.status.text() and str(written) in s.status.text()


def test_print_and_pdf_of_a_detail(qtbot, tmp_path):
    s, _client = make(qtbot, many(2))
    s.search()
    assert not s.detail.isVisible()
    s.open_detail(0)
    s.test_chosen["print"] = str(tmp_path / "printed.pdf")
    qtbot.mouseClick(s.detail.print_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")
    s.test_chosen["path"] = str(tmp_path / "claim.pdf")
    qtbot.mouseClick(s.detail.pdf_button, Qt.MouseButton.LeftButton)
    data = (tmp_path / "claim.pdf").read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 1000
    assert "patient information" in s.status.text()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_pdf_and_csv_over_an_existing_0644_file_end_0600(qtbot, tmp_path):
    s, _client = make(qtbot, many(2))
    s.search()
    s.open_detail(0)
    for name, act in (("claim.pdf", s.save_detail_pdf), ("claims.csv", s.export_csv)):
        target = tmp_path / name
        target.write_bytes(b"old")
        target.chmod(0o644)
        s.test_chosen["path"] = str(target)
        act()
        assert target.read_bytes() != b"old" and "patient information" in s.status.text()
        assert stat.S_IMODE(target.stat().st_mode) == 0o600, name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claim.pdf", "claims.csv"]


def test_export_to_a_read_only_folder_says_so(qtbot, tmp_path):
    s, _client = make(qtbot, many(2))
    s.search()
    s.open_detail(0)
    with read_only_folder(tmp_path / "ro") as folder:
        for act in (s.save_detail_pdf, s.export_csv):
            s.test_chosen["path"] = str(folder / "claim")
            act()
            assert s.status.text().startswith("The file was not saved. This folder cannot "
                                              "be written to."), s.status.text()
            assert str(folder) not in s.status.text()
        assert list(folder.iterdir()) == []


def test_claim_document_is_plain_text(qtbot):
    from desktop.ui.claims.explain import CodeWords
    from desktop.ui.claims.export import claim_document
    from desktop.ui.common.formats import Formats

    d = detail(first="<b>Bold</b>", last="<script>x</script>")
    doc = claim_document(d, CodeWords(), Formats())
    text = doc.toPlainText()
    assert "<script>x</script>, <b>Bold</b>" in text
    assert "Contains patient information" in text
    assert "<b>Bold</b>" not in doc.toHtml()  # escaped, never markup


@pytest.mark.parametrize("size", [(1200, 800), (1024, 700)])
def test_layout_fits_without_clipping_the_form(qtbot, size):
    s, _client = make(qtbot)
    s.resize(*size)
    s.search()
    s.open_detail(0)
    for name in ("searchButton", "searchClear", "searchStatus", "claimsCount"):
        w = s.findChild(QWidget, name)
        qtbot.waitUntil(lambda w=w: w.width() >= w.minimumSizeHint().width(), timeout=WAIT_MS)
        assert w.isVisible(), name
    assert s.table.height() > 100 and s.detail.height() > 150


def test_a_search_does_not_move_the_table_when_the_count_wraps(qtbot):
    """At a narrow width a long count wraps to two lines; "Searching…" in between must
    not shrink the bar and grow it again (the table jumped, and the whole bar and form
    were repainted, on every search)."""
    from tests.ui.claims.test_model import ManualRunner

    runner = ManualRunner()
    s, _client = make(qtbot, runner=runner)
    s.resize(s.minimumSizeHint().width(), 760)

    def search_and_answer() -> None:
        s.search()
        while runner.jobs:
            runner.deliver()
        qtbot.wait(20)  # layouts run

    s.filter.setText("CLM")  # the count then says how many match: two lines here
    search_and_answer()
    assert s.count.height() >= 2 * s.count.fontMetrics().lineSpacing()  # it wraps
    before = s.table.geometry()
    s.search()
    qtbot.waitUntil(lambda: s.count.text() == "Searching…", timeout=WAIT_MS)  # a slow one
    qtbot.wait(20)
    assert s.table.geometry() == before
    while runner.jobs:
        runner.deliver()
    qtbot.wait(20)
    assert "match the filter" in s.count.text()
    assert s.table.geometry() == before


def test_a_quick_answer_does_not_flash_searching(qtbot):
    """An answer within the busy delay goes from the last count straight to the new one
    (no "Searching…" for a few milliseconds); a slower one says "Searching…" meanwhile."""
    from desktop.tasks import BUSY_DELAY_MS
    from tests.ui.claims.test_model import ManualRunner

    runner = ManualRunner()
    s, _client = make(qtbot, runner=runner)
    s.search()
    while runner.jobs:
        runner.deliver()
    found = s.count.text()
    assert "claim" in found and "Searching" not in found
    s.search()
    assert s.count.text() == found  # still the last search's count, with its rows
    while runner.jobs:
        runner.deliver()
    qtbot.wait(BUSY_DELAY_MS + 100)
    assert s.count.text() == found  # the delayed word never came
    s.search()
    qtbot.waitUntil(lambda: s.count.text() == "Searching…", timeout=WAIT_MS)
    while runner.jobs:
        runner.deliver()
    assert s.count.text() == found
