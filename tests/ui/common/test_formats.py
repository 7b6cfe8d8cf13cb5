"""The one formatter: locale fallback, four-digit years, ranges, money, counts, files."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QLocale

from desktop.ui.common.formats import Formats, display_locale, plural

US = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
DE = QLocale(QLocale.Language.German, QLocale.Country.Germany)
GB = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
JP = QLocale(QLocale.Language.Japanese, QLocale.Country.Japan)


@pytest.fixture
def c_locale(qapp) -> Iterator[None]:
    old = QLocale()
    QLocale.setDefault(QLocale.c())
    yield
    QLocale.setDefault(old)


def test_a_c_locale_falls_back_to_us_english(c_locale: None) -> None:
    assert QLocale().language() == QLocale.Language.C
    loc = display_locale()
    assert (loc.language(), loc.territory()) == (QLocale.Language.English,
                                                 QLocale.Country.UnitedStates)
    f = Formats()
    assert f.date(date(2026, 3, 5)) == "3/5/2026"
    assert f.money(123456) == "$1,234.56"


@pytest.mark.parametrize(("locale", "expected"), [
    (US, "3/5/2026"), (DE, "05.03.2026"), (GB, "05/03/2026"), (JP, "2026/03/05")])
def test_dates_always_have_four_digit_years(locale: QLocale, expected: str) -> None:
    f = Formats(locale)
    assert "yyyy" in f.date_format
    assert f.date(date(2026, 3, 5)) == expected
    assert f.date(date(1970, 5, 17)).count("1970") == 1  # a date of birth is not "70"
    assert f.date(None) == ""


@pytest.mark.parametrize(("locale", "same_year", "two_years"), [
    (US, "3/2 – 3/9/2026", "12/2/2025 – 3/9/2026"),
    (DE, "02.03 – 09.03.2026", "02.12.2025 – 09.03.2026"),
    (JP, "2026/03/02 – 03/09", "2025/12/02 – 2026/03/09"),
])
def test_date_ranges(locale: QLocale, same_year: str, two_years: str) -> None:
    f = Formats(locale)
    assert f.date_range(date(2026, 3, 2), date(2026, 3, 9)) == same_year
    assert f.date_range(date(2025, 12, 2), date(2026, 3, 9)) == two_years
    assert f.date_range(date(2026, 3, 9), date(2026, 3, 2)) == same_year  # put in order
    assert f.date_range(date(2026, 3, 2), date(2026, 3, 2)) == f.date(date(2026, 3, 2))


def test_open_ended_ranges_say_so() -> None:
    f = Formats(US)
    assert f.date_range(date(2026, 3, 2), None) == "from 3/2/2026"
    assert f.date_range(None, date(2026, 3, 2)) == "until 3/2/2026"
    assert f.date_range(None, None) == ""


@pytest.mark.parametrize(("locale", "cents", "money", "dollars"), [
    (US, 123456, "$1,234.56", "1,234.56"),
    (US, -123456, "-$1,234.56", "-1,234.56"),
    (US, -5, "-$0.05", "-0.05"),
    (US, 0, "$0.00", "0.00"),
    (DE, -123456, "-$1.234,56", "-1.234,56"),
])
def test_money_with_and_without_the_sign(locale: QLocale, cents: int, money: str,
                                         dollars: str) -> None:
    f = Formats(locale)
    assert f.money(cents) == money
    assert f.dollars(cents) == dollars
    assert f.money(None) == f.dollars(None) == ""


def test_counts_and_plurals() -> None:
    assert Formats(US).count(12345) == "12,345"
    assert Formats(DE).count(12345) == "12.345"
    assert plural("1 claim(s)", 1) == "1 claim"
    assert plural("2 claim(s)", 2) == "2 claims"
    assert plural("0 claim(s)", 0) == "0 claims"
    assert plural("1 day(s) late", -1) == "1 day late"


def test_files_get_one_locale_independent_spelling() -> None:
    assert Formats.file_date(date(2026, 3, 5)) == "2026-03-05"
    assert Formats.file_date(date(999, 1, 2)) == "0999-01-02"
    assert Formats.file_date(None) == ""
    assert Formats.file_money(-123456) == "-1234.56"
    assert Formats.file_money(5) == "0.05"
    assert Formats.file_money(None) == ""
    assert Formats.file_stamp(datetime(2026, 3, 5, 9, 7)) == "20260305-0907"


def test_instants_are_shown_in_the_pcs_time_zone() -> None:
    f = Formats(US)
    at = datetime(2026, 3, 5, 15, 30, tzinfo=UTC)
    local = at.astimezone()
    text = f.instant(at)
    assert text.startswith(f.date(local.date()))
    assert f"{local.hour % 12 or 12}:30" in text
    assert f.instant(None) == ""


@pytest.mark.parametrize("locale", [US, DE, GB, JP])
def test_typed_dates_in_the_shown_format_or_iso(locale: QLocale) -> None:
    f = Formats(locale)
    day = date(2026, 3, 5)
    assert f.parse_date(f.date(day)) == day
    assert f.parse_date(" 2026-03-05 ") == day
    for bad in ("x", "2026-13-01", ""):
        with pytest.raises(ValueError):
            f.parse_date(bad)


def test_two_digit_years_are_refused_not_guessed() -> None:
    with pytest.raises(ValueError):
        Formats(US).parse_date("3/5/26")


def test_the_placeholder_says_how_to_type_a_date() -> None:
    assert Formats(US).date_hint == "MM/DD/YYYY"
    assert Formats(DE).date_hint == "DD.MM.YYYY"


def test_every_plural_text_reaches_the_catalogue_as_plural(tmp_path) -> None:
    """`pyside6-lupdate` marks plural forms only in `tr(text, None, n)`; a `%Ln` text
    collected as a plain message could never be translated per count."""
    import shutil
    import subprocess
    import sys
    import xml.etree.ElementTree as ET
    from pathlib import Path

    root = Path(__file__).resolve().parents[3] / "desktop" / "ui"
    files = [str(p) for folder in ("payments", "batch", "worklist") for p in
             sorted((root / folder).glob("*.py"))] + [str(root / "common" / "nextstep.py")]
    tool = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert tool is not None
    out = tmp_path / "look.ts"
    subprocess.run([tool, *files, "-ts", str(out)], check=True, capture_output=True,
                   timeout=120)
    messages = ET.parse(out).getroot().iter("message")
    plurals = [(m.findtext("source") or "", m.get("numerus")) for m in messages
               if "%Ln" in (m.findtext("source") or "")]
    assert len(plurals) >= 10
    assert all(numerus == "yes" for _text, numerus in plurals), plurals
