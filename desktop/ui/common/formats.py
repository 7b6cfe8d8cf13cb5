"""How claim values look on screen: dates and numbers in the system locale, dollars from cents.

Rows keep money as integer cents and dates as `date` objects (small, exact, cheap to
sort); this module turns them into text only when a cell is painted. A "C" locale (a
bare container or a service account) would show `5 03 2026` and `1234567`, which no
clerk reads comfortably, so it falls back to US English: the portal is a US payer's.
"""

from __future__ import annotations

import datetime as _dt
import re
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_EVEN, Decimal

from PySide6.QtCore import QDate, QLocale, QTime

# `plural` lives with the translations (light: the sign-in screen needs it); kept here too.
from desktop.ui.common.i18n import plural as plural
from desktop.ui.common.i18n import translate

#: Formatted dates kept per Formats object; the sandbox's 30 months are about 900 days.
_DATE_CACHE_MAX = 8192


def display_locale() -> QLocale:
    """The system locale, or US English where the system has none worth the name."""
    loc = QLocale()
    if loc.language() in (QLocale.Language.C, QLocale.Language.AnyLanguage):
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return loc


def to_cents(amount: Decimal | None) -> int | None:
    """Decimal dollars -> whole cents (exact for the wire's two-decimal strings)."""
    if amount is None:
        return None
    return int((amount * 100).to_integral_value(rounding=ROUND_HALF_EVEN))


def cents_text(cents: int | None) -> str:
    """Plain `1234.50` for files: no currency sign, no grouping, locale-independent."""
    if cents is None:
        return ""
    sign = "-" if cents < 0 else ""
    whole, frac = divmod(abs(cents), 100)
    return f"{sign}{whole}.{frac:02d}"


class Formats:
    """Locale-aware text for dates, instants, counts and money; built once per screen."""

    def __init__(self, locale: QLocale | None = None) -> None:
        self.locale = locale or display_locale()
        short = self.locale.dateFormat(QLocale.FormatType.ShortFormat)
        # Two-digit years ("3/5/26") invite misreading dates of birth: always four.
        if "yyyy" not in short:
            short = short.replace("yy", "yyyy")
        self.date_format = short
        # The same without the year, for the first day of a range within one year.
        self.day_format = _without_year(short)
        self.time_format = self.locale.timeFormat(QLocale.FormatType.ShortFormat)
        self._point = self.locale.decimalPoint()
        self._minus = self.locale.negativeSign()
        self._dates: dict[_dt.date, str] = {}

    def count(self, n: int) -> str:
        """`12,345`: a count in the locale's digits and grouping (for `%Ln` plurals use
        `plural(self.tr("%Ln claim(s)", None, n), n)`: lupdate marks plural forms only in
        `tr()` calls)."""
        return self.locale.toString(n)

    @property
    def date_hint(self) -> str:
        """How to type a date here, for placeholders: `M/d/yyyy` -> `MM/DD/YYYY`; the
        letters are translated (a Spanish clerk reads `DD/MM/AAAA`)."""
        parts = {"d": translate("Formats", "DD", "day, in a hint on how to type a date"),
                 "M": translate("Formats", "MM", "month, in a hint on how to type a date"),
                 "y": translate("Formats", "YYYY", "year, in a hint on how to type a date")}
        return re.sub(r"d+|M+|y+", lambda m: parts[m.group(0)[0]], self.date_format)

    def parse_date(self, text: str) -> _dt.date:
        """A date typed in the locale's short format (as shown) or as ISO `2026-12-01`;
        ValueError when it is neither. Two-digit years are refused, not guessed."""
        text = text.strip()
        for fmt in (self.date_format, "yyyy-MM-dd"):
            q = self.locale.toDate(text, fmt)
            if q.isValid() and q.year() >= 1000:
                return _dt.date(q.year(), q.month(), q.day())
        raise ValueError(text)

    def date(self, d: _dt.date | None) -> str:
        if d is None:
            return ""
        text = self._dates.get(d)
        if text is None:
            if len(self._dates) >= _DATE_CACHE_MAX:
                self._dates.clear()
            text = self.locale.toString(QDate(d.year, d.month, d.day), self.date_format)
            self._dates[d] = text
        return text

    def date_range(self, start: _dt.date | None, end: _dt.date | None) -> str:
        """`3/2 – 3/9/2026` within a year, both years across years; an open end says so."""
        if start is None or end is None:
            if start is None and end is None:
                return ""
            if start is None:
                return translate("Formats", "until {date}").format(date=self.date(end))
            return translate("Formats", "from {date}").format(date=self.date(start))
        if end < start:
            start, end = end, start
        if start == end:
            return self.date(start)
        if start.year == end.year and self.day_format:
            if self.date_format.startswith("y"):  # year first: say it once, at the start
                last = self.locale.toString(QDate(end.year, end.month, end.day),
                                            self.day_format)
                return f"{self.date(start)} – {last}"
            first = self.locale.toString(QDate(start.year, start.month, start.day),
                                         self.day_format)
            return f"{first} – {self.date(end)}"
        return f"{self.date(start)} – {self.date(end)}"

    def instant(self, at: datetime | None) -> str:
        """An instant in the PC's time zone, date and time."""
        if at is None:
            return ""
        local = (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone()
        clock = self.locale.toString(QTime(local.hour, local.minute), self.time_format)
        return f"{self.date(local.date())} {clock}"

    def money(self, cents: int | None) -> str:
        """`$1,234.50`: amounts that stand alone."""
        if cents is None:
            return ""
        sign = self._minus if cents < 0 else ""
        return f"{sign}${self.dollars(abs(cents))}"

    def dollars(self, cents: int | None) -> str:
        """`1,234.50`: amounts in a column whose header already says they are money."""
        if cents is None:
            return ""
        whole, frac = divmod(abs(cents), 100)
        sign = self._minus if cents < 0 else ""
        return f"{sign}{self.locale.toString(whole)}{self._point}{frac:02d}"

    def amount(self, value: Decimal | None) -> str:
        return self.money(to_cents(value))

    # Files (CSV) are read by spreadsheets and other programs, not only by people:
    # they get one locale-independent spelling, from here like everything else.
    @staticmethod
    def file_date(d: _dt.date | None) -> str:
        """`2026-12-01`: ISO 8601, which every spreadsheet reads as a date."""
        return d.isoformat() if d else ""

    @staticmethod
    def file_stamp(at: datetime) -> str:
        """`20261201-1836`: a file name's date and time, sorting as text sorts."""
        return f"{at.year:04d}{at.month:02d}{at.day:02d}-{at.hour:02d}{at.minute:02d}"

    @staticmethod
    def file_money(cents: int | None) -> str:
        """`1234.50`: no currency sign or grouping, so a spreadsheet sums it."""
        return cents_text(cents)


def _without_year(fmt: str) -> str:
    """`M/d/yyyy` -> `M/d`, `dd.MM.yyyy` -> `dd.MM`, `yyyy-MM-dd` -> `MM-dd`; "" when
    the year sits in the middle (then ranges show both years)."""
    stripped = re.sub(r"^y+[^dMy]*|[^dMy]*y+$", "", fmt)
    return "" if "y" in stripped or stripped == fmt else stripped


def local_date(at: datetime | None) -> date | None:
    """The calendar day of an instant on this PC (a payment made late UTC is still today)."""
    if at is None:
        return None
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone().date()
