"""Compact result rows and locale formatting: cleaned once, small, exact."""

from __future__ import annotations

import sys
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale

from desktop.portal.claims import ClaimPage
from desktop.ui.claims.model import (
    NAME_CHARS,
    R_BILLED,
    R_CATEGORY,
    R_FIRST,
    R_KEY,
    R_LAST,
    R_PAID_DATE,
    page_rows,
    summary_row,
)
from desktop.ui.common.formats import Formats, _without_year, cents_text, local_date, to_cents
from tests.ui.claims.support import detail

US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
DE = QLocale(QLocale.Language.German, QLocale.Country.Germany)


def test_row_is_a_flat_tuple_of_small_values():
    r = summary_row(detail(billed="1234.50"))
    assert isinstance(r, tuple)
    assert r[R_BILLED] == 123450 and isinstance(r[R_BILLED], int)
    assert r[R_PAID_DATE] == date(2026, 3, 20)
    assert r[R_CATEGORY] is sys.intern("F1")
    assert "testington" in r[R_KEY] and "eft100000000001" in r[R_KEY]


def test_row_strips_bidi_and_controls_keeps_markup_literal_and_elides():
    r = summary_row(detail(first="<b>Bold</b>\u202eevil\x00", last="L" * 10_000))
    assert r[R_FIRST] == "<b>Bold</b>evil"
    assert len(r[R_LAST]) == NAME_CHARS and r[R_LAST].endswith("…")


def test_page_rows_keeps_cursor_and_total():
    page = ClaimPage(items=(detail(),), next_cursor="abc", total=7)
    rows = page_rows(page)
    assert rows.next_cursor == "abc" and rows.total == 7 and len(rows.rows) == 1


def test_rows_stay_small():
    """Under a kilobyte per claim (all its strings included) keeps 100,000 rows far below
    the memory budget; the status category and label are shared between rows."""
    rows = [summary_row(detail(f"26{i:012d}", first=f"Name{i}", member=f"ZZ{i:09d}",
                               payment_number=f"EFT{i:012d}")) for i in range(1000)]
    seen: set[int] = set()
    total = 0
    for r in rows:
        for obj in (r, *r):
            if id(obj) not in seen and obj is not None:
                seen.add(id(obj))
                total += sys.getsizeof(obj)
    assert total / len(rows) < 1000, f"{total / len(rows):.0f} bytes per row"
    assert len({id(r[R_CATEGORY]) for r in rows}) == 1


def test_cents_and_plain_amounts():
    assert to_cents(Decimal("1234.50")) == 123450
    assert to_cents(Decimal("-0.01")) == -1
    assert to_cents(None) is None
    assert cents_text(123450) == "1234.50"
    assert cents_text(-5) == "-0.05"
    assert cents_text(None) == ""


def test_us_formats():
    f = Formats(US)
    assert f.money(123456789) == "$1,234,567.89"
    assert f.money(-1250) == "-$12.50"
    assert f.dollars(123450) == "1,234.50"
    assert f.money(None) == ""
    assert f.date(date(2026, 3, 5)) == "3/5/2026"  # four-digit year, always
    assert f.date_range(date(2026, 3, 5), date(2026, 3, 5)) == "3/5/2026"
    assert f.date_range(date(2026, 3, 5), date(2026, 3, 7)) == "3/5 – 3/7/2026"
    assert f.date_range(date(2025, 12, 31), date(2026, 1, 1)) == "12/31/2025 – 1/1/2026"
    assert f.count(1234) == "1,234"


def test_other_locales_use_their_own_separators():
    f = Formats(DE)
    assert f.dollars(123450) == "1.234,50"
    assert f.date(date(2026, 3, 5)) == "05.03.2026"
    assert f.date_range(date(2026, 3, 5), date(2026, 3, 7)) == "05.03 – 07.03.2026"


@pytest.mark.parametrize(("fmt", "expected"), [
    ("M/d/yyyy", "M/d"), ("dd.MM.yyyy", "dd.MM"), ("yyyy-MM-dd", "MM-dd"),
    ("d MMM yyyy", "d MMM"), ("dd/yyyy/MM", ""),
])
def test_format_without_year(fmt, expected):
    assert _without_year(fmt) == expected


def test_local_date_of_an_instant():
    at = datetime(2026, 3, 5, 12, 0, tzinfo=UTC)
    assert local_date(at) == at.astimezone().date()
    assert local_date(None) is None
