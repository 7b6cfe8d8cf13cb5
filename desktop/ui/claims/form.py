"""The claim search form: what a clerk types, checked before anything is sent.

Every field is optional; a bad value is flagged on its own field (with the words of
`desktop.validation`) and nothing is sent until all are right. Enter in any field
searches. The dates of service start as the last 90 days. The form keeps what was typed
for the whole launch, in memory only (switching screens, the idle lock, an expired
session). Sign-out empties the fields that identify a patient (claim number, member ID,
names, date of birth); the dates, statuses and NPIs stay for the next sign-in.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from desktop.portal.claims import ClaimSearch
from desktop.ui.claims.status_picker import StatusPicker
from desktop.ui.claims.tr import QT_TRANSLATE_NOOP, counted
from desktop.ui.common.fields import CheckedField
from desktop.ui.common.formats import Formats
from desktop.ui.common.i18n import translate
from desktop.validation import (
    MAX_RANGE_MONTHS,
    ValidationError,
    add_months,
    parse_date,
    validate_claim_number,
    validate_member_id,
    validate_npi,
    validate_person_name,
)

DEFAULT_DAYS = 90
#: Fields that identify a patient (or a patient's claim): emptied on sign-out.
PATIENT_FIELDS = ("claim_number", "member_id", "last_name", "first_name", "dob")
DATE_HINT = QT_TRANSLATE_NOOP("SearchForm", "MM/DD/YYYY")


def us_date(d: date) -> str:
    return f"{d.month:02d}/{d.day:02d}/{d.year:04d}"


def date_text(d: date, fmt: Formats | None = None) -> str:
    """A date for a field: as every other date on screen (`Formats`) when the field's
    rule reads that spelling back (US `M/d/yyyy`), else `MM/DD/YYYY`, which it always
    reads."""
    if fmt is not None:
        text = fmt.date(d)
        try:
            if parse_date(text) == d:
                return text
        except ValidationError:
            pass
    return us_date(d)


def _optional(rule: Callable[[str], Any]) -> Callable[[str], Any]:
    """An empty field means "any": only typed text is checked."""
    def check(text: str) -> Any:
        return rule(text) if text.strip() else None
    return check


def _past_date(text: str) -> date:
    day = parse_date(text)
    if day > date.today():
        raise ValidationError(translate("SearchForm", "A date of birth cannot be in the future."))
    return day


# (attribute, objectName, caption with mnemonic, what (for messages), rule, wire name)
_FIELDS: tuple[tuple[str, str, str, str, Callable[[str], Any], str], ...] = (
    ("claim_number", "searchClaimNumber",
     QT_TRANSLATE_NOOP("SearchForm", "Claim &number:"),
     QT_TRANSLATE_NOOP("SearchForm", "claim number"),
     validate_claim_number,
     "claim_number"),
    ("member_id", "searchMemberId",
     QT_TRANSLATE_NOOP("SearchForm", "&Member ID:"),
     QT_TRANSLATE_NOOP("SearchForm", "member ID"),
     validate_member_id,
     "member_id"),
    ("last_name", "searchPatientLastName",
     QT_TRANSLATE_NOOP("SearchForm", "Patient &last name:"),
     QT_TRANSLATE_NOOP("SearchForm", "patient last name"),
     lambda t: validate_person_name(t, translate("SearchForm", "patient last name")),
     "patient_last_name"),
    ("first_name", "searchPatientFirstName",
     QT_TRANSLATE_NOOP("SearchForm", "Patient f&irst name:"),
     QT_TRANSLATE_NOOP("SearchForm", "patient first name"),
     lambda t: validate_person_name(t, translate("SearchForm", "patient first name")),
     "patient_first_name"),
    ("dob", "searchPatientDob",
     QT_TRANSLATE_NOOP("SearchForm", "&Date of birth:"),
     QT_TRANSLATE_NOOP("SearchForm", "patient date of birth"),
     _past_date,
     "patient_dob"),
    ("service_from", "searchServiceFrom",
     QT_TRANSLATE_NOOP("SearchForm", "Ser&vice from:"),
     QT_TRANSLATE_NOOP("SearchForm", "first date of service"),
     parse_date,
     "service_from"),
    ("service_to", "searchServiceTo",
     QT_TRANSLATE_NOOP("SearchForm", "Service &to:"),
     QT_TRANSLATE_NOOP("SearchForm", "last date of service"),
     parse_date,
     "service_to"),
    ("billing_npi", "searchBillingNpi",
     QT_TRANSLATE_NOOP("SearchForm", "&Billing NPI:"),
     QT_TRANSLATE_NOOP("SearchForm", "billing NPI"),
     validate_npi,
     "billing_npi"),
    ("rendering_npi", "searchRenderingNpi",
     QT_TRANSLATE_NOOP("SearchForm", "&Rendering NPI:"),
     QT_TRANSLATE_NOOP("SearchForm", "rendering NPI"),
     validate_npi,
     "rendering_npi"),
)
#: Grid placement: (row, column pair) of each field; the status picker takes (1, 3).
_PLACES = {"claim_number": (0, 0), "member_id": (0, 1), "last_name": (0, 2),
           "first_name": (0, 3), "dob": (1, 0), "service_from": (1, 1), "service_to": (1, 2),
           "billing_npi": (2, 0), "rendering_npi": (2, 1)}


class SearchForm(QWidget):
    """Criteria in, a checked `ClaimSearch` out (or the problems flagged on the fields)."""

    #: The clerk asked to search (Enter or the button); call `criteria()`.
    submitted = Signal()

    def __init__(self, parent: QWidget | None = None, fmt: Formats | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("claimSearchForm")
        self._fmt = fmt
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        self.fields: dict[str, CheckedField] = {}
        for attr, name, caption, what, rule, wire in _FIELDS:
            hint = DATE_HINT if attr in ("dob", "service_from", "service_to") else ""
            field = CheckedField(self, name, translate("SearchForm", caption),
                                 translate("SearchForm", what), _optional(rule), wire=wire,
                                 placeholder=translate("SearchForm", hint) if hint else "")
            field.edit.returnPressed.connect(self.submitted)
            # Room for a date, no more: four pairs a row must fit a 1024-pixel screen.
            field.edit.setMinimumWidth(
                field.edit.fontMetrics().horizontalAdvance("00/00/0000") + 16)
            self.fields[attr] = field
            row, pair = _PLACES[attr]
            grid.addWidget(field.caption, row, pair * 2,
                           Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(field.box, row, pair * 2 + 1, Qt.AlignmentFlag.AlignTop)
            field.caption.setContentsMargins(0, 4, 0, 0)

        self.status = StatusPicker(self)
        status_caption = QLabel(self.tr("Stat&us:"), self)
        status_caption.setBuddy(self.status)
        status_caption.setContentsMargins(0, 4, 0, 0)
        grid.addWidget(status_caption, 1, 6, Qt.AlignmentFlag.AlignRight
                       | Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.status, 1, 7, Qt.AlignmentFlag.AlignTop)

        buttons = QHBoxLayout()
        self.search_button = QPushButton(self.tr("Search"), self)
        self.search_button.setObjectName("searchButton")
        self.search_button.setAccessibleName(self.tr("Search claims"))
        self.search_button.setToolTip(self.tr("Search with these details (Enter in any field)"))
        self.search_button.clicked.connect(self.submitted)
        self.clear_button = QPushButton(self.tr("Cl&ear"), self)
        self.clear_button.setObjectName("searchClear")
        self.clear_button.setAccessibleName(self.tr("Clear the search details"))
        self.clear_button.setToolTip(self.tr("Empty every field and go back to the last 90 days"))
        self.clear_button.clicked.connect(self.reset)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.search_button)
        grid.addLayout(buttons, 2, 4, 1, 4, Qt.AlignmentFlag.AlignTop)
        for col in (1, 3, 5, 7):
            grid.setColumnStretch(col, 1)
        self._set_tab_order()
        self.reset()

    def _set_tab_order(self) -> None:
        order: list[QWidget] = [self.fields[a].edit for a in (
            "claim_number", "member_id", "last_name", "first_name", "dob", "service_from",
            "service_to")]
        order += [self.status, self.fields["billing_npi"].edit,
                  self.fields["rendering_npi"].edit, self.clear_button, self.search_button]
        for a, b in itertools.pairwise(order):
            QWidget.setTabOrder(a, b)

    # --- values ------------------------------------------------------------------------

    def reset(self) -> None:
        """Empty every field; dates of service back to the last 90 days."""
        for field in self.fields.values():
            field.wipe()
        today = date.today()
        self.fields["service_from"].set_text(
            date_text(today - timedelta(days=DEFAULT_DAYS), self._fmt))
        self.fields["service_to"].set_text(date_text(today, self._fmt))
        self.status.set_selected(())

    def forget_patient(self) -> None:
        """Sign-out: drop what identifies a patient, keep the rest of the search."""
        for attr in PATIENT_FIELDS:
            self.fields[attr].wipe()

    def set_values(self, **values: str) -> None:
        """Fill fields by attribute name (tests, restoring a search)."""
        for attr, text in values.items():
            self.fields[attr].set_text(text)

    def criteria(self) -> ClaimSearch | None:
        """The checked criteria, or None with every problem shown on its field."""
        bad = [f for f in self.fields.values() if not f.check()]
        if bad:
            bad[0].edit.setFocus()
            return None
        v = {attr: f.value() for attr, f in self.fields.items()}
        start: date | None = v["service_from"]
        end: date | None = v["service_to"]
        problem = _range_problem(start, end)
        if problem is not None:
            attr, text = problem
            self.fields[attr].set_server_error(text)
            self.fields[attr].edit.setFocus()
            return None
        return ClaimSearch(
            claim_number=v["claim_number"], member_id=v["member_id"],
            patient_last_name=v["last_name"], patient_first_name=v["first_name"],
            patient_dob=v["dob"], service_from=start, service_to=end,
            statuses=self.status.selected(), billing_npi=v["billing_npi"],
            rendering_npi=v["rendering_npi"])

    def show_server_errors(self, errors: Mapping[str, str]) -> list[str]:
        """Put the portal's field errors on the fields; return those no field took."""
        leftover = []
        by_wire = {f.wire: f for f in self.fields.values()}
        for key, text in errors.items():
            field = by_wire.get(key)
            if field is None:
                leftover.append(text)
            else:
                field.set_server_error(text)
        return leftover

    def set_status_words(self, labels: Mapping[str, str]) -> None:
        self.status.set_words(labels)


def _range_problem(start: date | None, end: date | None) -> tuple[str, str] | None:
    """The portal's date rules, so the clerk hears about them before a request."""
    if start is not None and end is not None and end < start:
        return "service_to", translate("SearchForm", "The 'to' date is before the 'from' "
                                               "date.")
    last = end or date.today()
    if start is not None and start < add_months(last, -MAX_RANGE_MONTHS):
        return ("service_from", counted(translate(
            "SearchForm", "A search can cover at most %n month(s); narrow the dates.",
            None, MAX_RANGE_MONTHS), MAX_RANGE_MONTHS))
    return None
