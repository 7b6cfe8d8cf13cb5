"""Issue 15 for the Claims screen: what a clerk sees and what a screen reader hears.

Scroll reset and the answer-first order of the detail, accessible names that carry
their values, the status filter in words, column widths that fit and are kept, earlier
results kept when the portal cannot be reached, and the printout's header and pages.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QAccessible, QGuiApplication, QTextFrameFormat
from PySide6.QtWidgets import QLabel

from desktop.portal.errors import ConnectionFailed
from desktop.ui.claims.explain import CodeWords
from desktop.ui.claims.export import claim_document, paint_pages, pdf_printer
from desktop.ui.claims.model import COL_PATIENT, COL_STATUS, COLUMNS
from desktop.ui.claims.screen import HEADER_KEY, ClaimsScreen
from desktop.ui.claims.status import GROUPS, STATUS_CATEGORIES, selection_words
from desktop.ui.common.formats import Formats
from desktop.ui.context import ScreenContext
from desktop.ui.viewstate import MemoryViewState
from tests.ui.claims.support import detail, fake_context, line, many

WAIT_MS = 5000
PAID = detail("26061000000001", claim_id="c1", lines=[line(n) for n in range(1, 31)])
DENIED = detail("26061000000002", claim_id="c2", category="F2", code="88", first="Dora",
                last="Denied", member="ZZ123", allowed="0.00", paid="0.00",
                lines=[line(allowed="0.00", paid="0.00",
                            adjustments=(("CO", "50", "100.00"),), remarks=("N115",))])


def screen(qtbot, claims, *, size=(1366, 700), view=None):
    ctx, client = fake_context(claims)
    if view is not None:
        ctx = ScreenContext(ops=ctx.ops, view=view)
    s = ClaimsScreen(ctx, choose_path=lambda *_a: "", ask_printer=lambda *_a: False)
    qtbot.addWidget(s)
    s.resize(*size)
    s.show()
    s.activate()
    return s, client


def name_of(widget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def shown_in_viewport(s: ClaimsScreen, label: QLabel) -> bool:
    viewport = s.detail.scroll_area.viewport()
    top_left = label.mapTo(viewport, QPoint(0, 0))
    return QRect(top_left, label.size()).intersects(viewport.rect()) and label.isVisible()


# --- item 1: the detail starts at the top, with the answer first ---------------------


def test_opening_another_claim_starts_at_its_status_and_patient(qtbot):
    s, _ = screen(qtbot, [PAID, DENIED])
    s.open_claim("c1", PAID.claim_number)
    bar = s.detail.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=WAIT_MS)
    bar.setValue(bar.maximum())  # down at the payment and history
    s.open_claim("c2", DENIED.claim_number)
    qtbot.waitUntil(lambda: s.detail.detail is DENIED, timeout=WAIT_MS)
    assert bar.value() == 0
    fields = s.detail.fields
    assert s.detail.status_chip.isVisible()  # above the scrolling part
    for label in (s.detail.why, fields["patient"], fields["dob"], fields["member"]):
        assert shown_in_viewport(s, label), label.objectName()
    assert s.detail.status_chip.text().startswith("Denied (F2")
    assert s.detail.why.text().startswith("Denied: ")


def test_detail_order_is_answer_then_amounts_then_lines_and_each_code_once(qtbot):
    s, _ = screen(qtbot, [PAID])
    s.open_claim("c1", PAID.claim_number)
    d = s.detail

    def y(w):
        return w.mapTo(d.body, QPoint(0, 0)).y()

    assert y(d.fields["patient"]) < y(d.fields["billed"]) < y(d.lines) < y(d.explained)
    # 30 lines, each with CO-45 and PR-2: the table says each on its line; the words
    # for each code come once.
    meanings = d.explained.text().splitlines()
    assert len(meanings) == 2 and meanings[0].startswith("CO-45: ")
    assert d.lines.item(0, 8).text() == "CO-45 $40.00; PR-2 $12.00"
    assert d.fields["billed"].text() == "$100.00" and d.lines.item(0, 5).text() == "$100.00"


# --- item 11: what a screen reader hears ----------------------------------------------


def test_detail_values_count_and_status_expose_their_text(qtbot):
    s, client = screen(qtbot, [DENIED])
    assert name_of(s.count) == s.count.text() and s.count.text().startswith("No search yet")
    s.search()
    assert name_of(s.count) == "1 claim (1 loaded)"
    s.open_claim("c2", DENIED.claim_number)
    assert name_of(s.detail.fields["member"]) == "Member ID: ZZ123"
    assert name_of(s.detail.fields["patient"]) == "Patient: Denied, Dora"
    assert name_of(s.detail.why) == s.detail.why.text() != ""
    assert name_of(s.detail.status_chip) == s.detail.status_chip.text()
    assert s.count.accessibleDescription() == "Number of claims found"
    client.fail["search_claims"] = [ConnectionFailed()]
    s.search()
    assert name_of(s.status) == s.status.text() != ""
    assert s.status.property("role") == "error" and s.status.styleSheet() == ""


# --- item 6: the portal is down --------------------------------------------------------


def test_failed_search_keeps_earlier_results_marked_not_refreshed(qtbot):
    s, client = screen(qtbot, many(5))
    s.search()
    assert s.model.rowCount() == 5
    client.fail["search_claims"] = [ConnectionFailed()]
    s.search()
    assert s.model.rowCount() == 5
    assert "cannot be reached" in s.status.text() and s.retry.isVisible()
    assert "No search yet" not in s.count.text()
    assert s.count.text() == "5 claims (5 loaded), from an earlier search (not refreshed)"
    s.retry.click()
    assert s.count.text() == "5 claims (5 loaded)" and s.status.text() == ""


def test_failed_first_search_does_not_say_no_search_yet(qtbot):
    s, client = screen(qtbot, many(5))
    client.fail["search_claims"] = [ConnectionFailed()]
    s.search()
    assert s.count.text() == "No claims shown: the search did not run"


# --- item 4: the status filter in words -------------------------------------------------


def test_status_presets_map_to_categories_and_every_category_has_a_group():
    grouped = [c for g in GROUPS for c in g.categories]
    assert sorted(grouped) == sorted(STATUS_CATEGORIES)  # each once, none left out
    assert selection_words(()) == "Any status"
    assert selection_words(("F2", "F4")) == "Denied"
    assert selection_words(("F0", "F1", "F3", "F2", "F4")) == "Paid or Denied"
    assert selection_words(("P",)) == "Pending"
    assert selection_words(("F2", "P3")) == "2 status codes"
    assert selection_words(("F2",)) == "1 status code"


def test_status_picker_names_the_choice_in_words_and_exact_codes_stay_on_screen(qtbot):
    s, client = screen(qtbot, many(2))
    picker = s.form.status
    texts = [picker.itemText(i) for i in range(picker.count())]
    assert texts == ["Any status", "Paid", "Denied", "Pending", "Needs information",
                     "Rejected", "Exact status codes…"]
    picker.set_selected(["F1", "F0", "F3", "F2", "F4"])  # a saved search
    assert picker.currentText() == "Paid or Denied"
    picker.activated.emit(picker.count() - 1)  # "Exact status codes…"
    dialog = picker.codes_dialog
    assert dialog is not None and dialog.isVisible()
    room = QGuiApplication.primaryScreen().availableGeometry()
    assert room.contains(dialog.frameGeometry()) or (
        dialog.width() <= room.width() and dialog.height() <= room.height())
    dialog.set_checked(["F2", "P3"])
    dialog.accept()
    assert picker.currentText() == "2 status codes" and picker.selected() == ("P3", "F2")
    assert not re.search(r"\b[APFRE]\d?\s*▾", picker.currentText())
    s.search()
    assert client.calls[-1][1][0].statuses == ("P3", "F2")
    picker.activated.emit(1)
    assert picker.currentText() == "Paid" and picker.findText("2 status codes") < 0


# --- item 3: columns that fit, kept between runs ----------------------------------------


def test_columns_fit_1366_and_1920_with_no_empty_third(qtbot):
    for width in (1366, 1920):
        s, _ = screen(qtbot, many(3), size=(width, 700))
        s.search()
        header = s.table.horizontalHeader()
        total = sum(header.sectionSize(c) for c in range(len(COLUMNS)))
        room = s.table.viewport().width()
        assert room - 20 <= total <= room, width
        widths = [header.sectionSize(c) for c in range(len(COLUMNS))]
        # Status gets more than a money column, but not everything that was spare.
        assert widths[COL_STATUS] > widths[COL_PATIENT] > widths[5]
        assert widths[COL_STATUS] < room // 3
        s.close()


def test_column_widths_and_order_are_kept_between_runs(qtbot):
    view = MemoryViewState()
    s, _ = screen(qtbot, many(3), view=view)
    header = s.table.horizontalHeader()
    header.resizeSection(COL_PATIENT, 333)
    header.moveSection(header.visualIndex(COL_STATUS), 0)
    s.save_layout()
    assert view.load_bytes(HEADER_KEY) is not None
    s.close()
    again, _ = screen(qtbot, many(3), view=view)
    again.search()
    header = again.table.horizontalHeader()
    assert header.sectionSize(COL_PATIENT) == 333 and header.logicalIndex(0) == COL_STATUS


def test_tooltips_only_where_a_cell_is_cut_short(qtbot):
    s, _ = screen(qtbot, many(1, category="A1"))
    s.search()
    header = s.table.horizontalHeader()
    header.resizeSection(COL_STATUS, 60)
    status = s.table.visualRect(s.model.index(0, COL_STATUS)).center()
    assert "A1 Received, but not yet accepted for processing" in s.table.tooltip_at(status)
    header.resizeSection(COL_STATUS, 600)
    status = s.table.visualRect(s.model.index(0, COL_STATUS)).center()
    assert s.table.tooltip_at(status) is None
    header.resizeSection(0, 30)  # a column without a tooltip of its own
    number = s.table.visualRect(s.model.index(0, 0)).center()
    assert "26000000000001" in s.table.tooltip_at(number)


# --- item 10: the printout ----------------------------------------------------------------


def test_pdf_has_header_rules_and_page_numbers(qtbot, tmp_path: Path):
    long = detail("26061000000003", claim_id="c3", lines=[line(n) for n in range(1, 121)])
    printer = pdf_printer(tmp_path / "c.pdf")
    doc = claim_document(long, CodeWords(), Formats())
    head = ["Sunrise Family Practice · Example Health Plan", "Claim 26061000000003 — now"]
    footers = paint_pages(doc, printer, head)
    pages = len(footers)
    assert pages >= 2 and footers == [f"Page {i} of {pages}" for i in range(1, pages + 1)]
    data = (tmp_path / "c.pdf").read_bytes()
    assert len(re.findall(rb"/Type\s*/Page\b", data)) == pages
    table = next(f for f in doc.rootFrame().childFrames())
    fmt = table.frameFormat().toTableFormat()
    assert fmt.border() >= 1.0 and fmt.borderStyle() == QTextFrameFormat.BorderStyle.BorderStyle_Solid


def test_pdf_header_names_the_office_and_the_payer(qtbot, tmp_path: Path):
    ctx, client = fake_context([DENIED])
    chosen = str(tmp_path / "claim.pdf")
    s = ClaimsScreen(ctx, choose_path=lambda *_a: chosen, ask_printer=lambda *_a: False)
    qtbot.addWidget(s)
    s.show()
    s.open_claim("c2", DENIED.claim_number)
    s.save_detail_pdf()
    assert Path(chosen).read_bytes().startswith(b"%PDF")
    head = s.output.letterhead.lines("Claim x", "now")
    assert head[0] == "Sunrise Family Practice · Example Health Plan"
    assert ("get_account", None) in client.calls and ("get_support", None) in client.calls


def test_quick_filter_placeholder_fits(qtbot):
    s, _ = screen(qtbot, many(1))
    edit = s.filter
    room = edit.width() - edit.fontMetrics().height() * 2  # the clear button
    assert edit.fontMetrics().horizontalAdvance(edit.placeholderText()) <= room


def test_every_preset_is_accepted_by_the_reference_portal():
    """The presets send families and categories the portal's filter understands."""
    from desktop.ui.claims.status import PRESETS, compact
    from sandbox.claims_query import expand_status

    for group in PRESETS:
        sent = compact(group.categories)
        expanded = {c for code in sent for c in (expand_status(code) or ["?"])}
        assert expanded == set(group.categories), group.key


def test_form_dates_are_written_like_the_table_dates(qtbot):
    """One date spelling: the form's default dates as `Formats` writes them."""
    from datetime import date

    s, _ = screen(qtbot, many(1))
    assert s.form.fields["service_to"].text() == s.formats.date(date.today())
    assert s.form.criteria() is not None  # and the field reads it back


def test_detail_splitter_is_kept_between_runs(qtbot):
    view = MemoryViewState()
    s, _ = screen(qtbot, many(3), view=view)
    s.open_claim("c1", "26000000000001")
    total = sum(s.splitter.sizes())
    s.splitter.setSizes([150, total - 150])
    s.save_layout()
    s.close()
    again, _ = screen(qtbot, many(3), view=view)
    again.open_claim("c1", "26000000000001")
    assert abs(again.splitter.sizes()[0] - 150) <= 2


def test_screen_fits_a_1024_pixel_window(qtbot):
    s, client = screen(qtbot, many(5), size=(900, 560))
    s.search()
    client.fail["search_claims"] = [ConnectionFailed()]
    s.search()  # the longest count and status there are
    assert s.minimumSizeHint().width() <= 880


def test_count_is_announced_politely_and_errors_assertively(qtbot, monkeypatch):
    from desktop.ui.common import a11y

    heard: list[tuple[str, a11y.Urgency]] = []
    monkeypatch.setattr(a11y, "announce", lambda _w, text, urgency=a11y.Urgency.POLITE:
                        heard.append((text, urgency)))
    s, client = screen(qtbot, many(5))
    s.search()
    assert ("5 claims (5 loaded)", a11y.Urgency.POLITE) in heard
    client.fail["search_claims"] = [ConnectionFailed()]
    s.search()
    assert (s.status.text(), a11y.Urgency.ASSERTIVE) in heard


def test_a_1200_pixel_window_shows_every_column(qtbot):
    """The window's default width: the long texts give way, no column is off screen."""
    s, _ = screen(qtbot, many(3), size=(1180, 700))
    s.search()
    header = s.table.horizontalHeader()
    total = sum(header.sectionSize(c) for c in range(len(COLUMNS)))
    assert total <= s.table.viewport().width()
