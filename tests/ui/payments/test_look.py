"""Payments: one formatter (screen, CSV, PDF), words a clerk reads, the style's roles, and
sizes from the font."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAccessible, QFont, QTextTable
from PySide6.QtWidgets import QApplication, QTreeWidget

from desktop.ui.claims.explain import CodeWords
from desktop.ui.common import style
from desktop.ui.common.formats import Formats
from desktop.ui.common.tables import char_widths
from desktop.ui.payments import export
from desktop.ui.payments.remittance_view import CLAIM_COLUMNS
from desktop.ui.payments.screen import SAMPLES
from tests.ui.common.looks import restore_look  # noqa: F401 (a fixture)
from tests.ui.payments.support import remittance
from tests.ui.payments.test_screen import make, open_first

#: Every test here may apply a scheme; the look is put back after each.
pytestmark = pytest.mark.usefixtures("restore_look")

US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)


@pytest.fixture
def light(qapp: QApplication) -> None:
    style.apply(qapp, style.Scheme.LIGHT)


def name_of(widget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def test_one_payment_is_singular(qtbot) -> None:
    screen, *_ = make(qtbot, [remittance("pm1")])
    screen.activate()
    assert screen.actions_bar.count.text() == "1 payment"
    assert name_of(screen.actions_bar.count) == "1 payment"  # the text, not a fixed name


def test_the_count_says_how_many_are_listed(qtbot) -> None:
    payments = [remittance(f"pm{i}", trace=f"EFT{i:012d}") for i in range(5)]
    screen, *_ = make(qtbot, payments, page_size=2)
    screen.activate()
    assert screen.actions_bar.count.text() == "5 payments (2 listed)"


def test_dates_are_typed_as_they_are_shown(qtbot) -> None:
    screen, portal, *_ = make(qtbot)
    fmt = Formats()
    assert screen.form.paid_from.placeholderText() == fmt.date_hint
    screen.form.paid_from.setText(fmt.date(date(2026, 3, 5)))
    screen.form.paid_to.setText("2026-03-31")
    screen.form.submit()
    criteria = portal.calls[-1][1][0]
    assert (criteria.paid_from, criteria.paid_to) == (date(2026, 3, 5), date(2026, 3, 31))
    assert not screen.form.error.isVisible()


def test_a_bad_date_names_the_format_to_use(qtbot) -> None:
    screen, *_ = make(qtbot)
    screen.form.paid_to.setText("tomorrow")
    screen.form.submit()
    error = screen.form.error
    assert error.isVisible() and Formats().date_hint in error.text()
    assert error.property("role") == style.Role.ERROR.value
    assert name_of(error) == error.text()


def test_errors_are_marked_by_role_not_by_a_colour_sheet(qtbot, light: None) -> None:
    screen, *_ = make(qtbot)
    screen.actions_bar.set_status("Broken", error=True)
    status = screen.actions_bar.status
    assert status.property("role") == "error" and status.styleSheet() == ""
    assert status.palette().color(status.foregroundRole()).name() == \
        style.PALETTES[style.Scheme.LIGHT].error
    screen.actions_bar.set_status("Fine")
    assert status.property("role") == ""
    assert screen.view.warning.property("role") == "error"


def test_buttons_keep_their_size_when_there_is_no_status(qtbot) -> None:
    screen, *_ = make(qtbot)
    screen.actions_bar.set_status("")
    QApplication.processEvents()
    csv_button = screen.actions_bar.csv
    assert csv_button.width() < csv_button.sizeHint().width() * 1.5


def test_csv_dates_and_amounts_are_in_the_file_spelling(qtbot, tmp_path: Path) -> None:
    screen, _, chosen, _ = make(qtbot)
    open_first(screen)
    chosen["path"] = str(tmp_path / "remit.csv")
    screen.actions_bar.export_csv()
    with open(chosen["path"], encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    r = screen.view.current
    assert rows[0]["paid_date"] == Formats.file_date(r.paid_date)
    assert rows[0]["paid_date"].count("-") == 2 and len(rows[0]["paid_date"]) == 10
    assert rows[0]["paid"] == "156.50" and rows[0]["billed"] == "300.00"
    assert "CO-45:60.00" in rows[0]["adjustments"]
    assert "Saved 2 claims to" in screen.actions_bar.status.text()


def test_the_pdf_table_has_rules_and_a_header_row(qtbot) -> None:
    doc = export.document(remittance(), CodeWords(), Formats(US))
    tables = [f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)]
    assert len(tables) == 1
    fmt = tables[0].format()
    assert fmt.border() > 0 and fmt.headerRowCount() == 1
    text = doc.toPlainText()
    assert "$156.50" in text and "11/1/2026" in text


def test_the_printed_header_names_payer_and_practice(qtbot) -> None:
    screen, *_ = make(qtbot)
    open_first(screen)
    r = screen.view.current
    header = screen.actions_bar.page_header()
    assert header is not None
    assert r.payer_name in header and r.payee_name in header and r.trace_number in header


def test_column_widths_follow_the_font_not_pixels(qtbot) -> None:
    screen, *_ = make(qtbot)
    tree = screen.view.claims
    fm = tree.fontMetrics()
    assert tree.columnWidth(0) >= fm.horizontalAdvance("2600000000001") + tree.indentation()
    big = QTreeWidget()
    qtbot.addWidget(big)
    font = QFont(tree.font())
    font.setPointSizeF(font.pointSizeF() * 2)
    big.setFont(font)
    sample = ["2600000000001", 10.0]
    small_w, big_w = char_widths(tree, sample), char_widths(big, sample)
    assert all(b > s * 1.6 for s, b in zip(small_w, big_w, strict=True))


def test_the_amounts_stay_together_on_a_wide_screen(qtbot) -> None:
    screen, *_ = make(qtbot)
    screen.resize(1920, 1000)
    open_first(screen)
    QApplication.processEvents()
    header = screen.view.claims.header()
    owes = len(CLAIM_COLUMNS) - 1  # "Patient owes", then the empty filler
    assert header.count() == owes + 2 and header.stretchLastSection()
    assert header.sectionSize(owes) < header.sectionSize(owes - 1) * 2
    assert header.sectionSize(owes + 1) > 0  # the spare width is the filler's


def test_the_list_gets_the_width_of_its_columns(qtbot) -> None:
    screen, *_ = make(qtbot)
    titles = [screen.model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    needed = sum(char_widths(screen.table, SAMPLES, titles))
    assert needed <= screen.table.width() <= needed + 4 * screen.table.fontMetrics().height()


def test_the_list_and_its_columns_are_kept_between_runs(qtbot) -> None:
    from dataclasses import replace

    from desktop.ui.payments.screen import PaymentsScreen
    from desktop.ui.viewstate import MemoryViewState
    from tests.ui.payments.support import fake_context

    ctx, _ = fake_context()
    ctx = replace(ctx, view=MemoryViewState())
    first = PaymentsScreen(ctx)
    qtbot.addWidget(first)
    first.table.horizontalHeader().resizeSection(2, 250)
    first.activate()  # a search does not undo the clerk's widths
    assert first.table.horizontalHeader().sectionSize(2) == 250
    again = PaymentsScreen(ctx)
    qtbot.addWidget(again)
    assert again.table.horizontalHeader().sectionSize(2) == 250


def test_the_list_is_as_wide_as_its_columns(qtbot) -> None:
    screen, *_ = make(qtbot)
    screen.activate()
    header = screen.table.horizontalHeader()
    fm = screen.table.fontMetrics()
    assert header.sectionSize(2) > fm.horizontalAdvance("EFT000000000001")
    assert screen.table.width() >= sum(header.sectionSize(c) for c in range(4))


def test_the_claims_tree_needs_no_sideways_scrolling_at_1366(qtbot) -> None:
    screen, *_ = make(qtbot)  # 1366 wide
    open_first(screen)
    QApplication.processEvents()
    tree = screen.view.claims
    assert tree.header().length() <= tree.viewport().width()
