"""The payment search form: paid dates, trace or check number, amounts, method.

Checks what it can before asking the portal (dates, amounts, an empty range) and says
what is wrong next to the form; the portal checks again (its 422 words are shown too).
Dates are typed as they are shown (the locale's short date, four-digit year) or as ISO;
the one formatter (`Formats`) reads them, so the hint, the table and the parser agree.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from desktop.portal.payments import PaymentSearch
from desktop.ui.common.a11y import Urgency, message_label, set_message
from desktop.ui.common.formats import Formats
from desktop.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from desktop.ui.common.style import Role, gap, mark
from desktop.ui.common.text import plain

METHODS: tuple[tuple[object, str | None], ...] = (
    (QT_TRANSLATE_NOOP("PaymentsForm", "Any method"), None),
    (QT_TRANSLATE_NOOP("PaymentsForm", "EFT (ACH)"), "ACH"),
    (QT_TRANSLATE_NOOP("PaymentsForm", "Check"), "CHK"),
    (QT_TRANSLATE_NOOP("PaymentsForm", "No payment (notice only)"), "NON"))


def parse_amount(text: str) -> Decimal:
    value = Decimal(text.strip().replace(",", "").lstrip("$"))
    if not value.is_finite() or value < 0 or value != value.quantize(Decimal("0.01")):
        raise InvalidOperation(text)
    return value


class PaymentsForm(QWidget):
    submitted = Signal()

    def __init__(self, parent: QWidget | None = None, fmt: Formats | None = None) -> None:
        super().__init__(parent)
        self._fmt = fmt or Formats()
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(gap(self))
        hint = self._fmt.date_hint
        self.trace = self._edit("paymentTraceNumber", self.tr("EFT trace or check number"),
                                self.tr("e.g. EFT123456789012"))
        self.paid_from = self._edit("paymentPaidFrom", self.tr("Paid on or after"), hint)
        self.paid_to = self._edit("paymentPaidTo", self.tr("Paid on or before"), hint)
        self.amount_min = self._edit("paymentAmountMin", self.tr("Deposit at least"), "0.00")
        self.amount_max = self._edit("paymentAmountMax", self.tr("Deposit at most"), "0.00")
        self.method = QComboBox(self)
        self.method.setObjectName("paymentMethod")
        self.method.setAccessibleName(self.tr("Payment method"))
        self.method.view().setObjectName("paymentMethodList")
        self.method.view().setAccessibleName(self.tr("Payment methods"))
        for text, value in METHODS:
            self.method.addItem(translate("PaymentsForm", str(text)), value)
        self.button = QPushButton(self.tr("&Search payments"), self)
        self.button.setObjectName("paymentsSearch")
        self.button.setAccessibleName(self.tr("Search payments"))
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        fields = [(self.tr("&Trace / check no.:"), self.trace),
                  (self.tr("Paid &from:"), self.paid_from),
                  (self.tr("Paid t&o:"), self.paid_to), (self.tr("&Method:"), self.method),
                  (self.tr("Deposit at &least:"), self.amount_min),
                  (self.tr("Deposit at mos&t:"), self.amount_max)]
        for i, (caption, widget) in enumerate(fields):
            label = QLabel(caption, self)
            label.setBuddy(widget)
            grid.addWidget(label, i // 3, (i % 3) * 2)
            grid.addWidget(widget, i // 3, (i % 3) * 2 + 1)
        grid.addWidget(self.button, 0, 6)
        self.error = message_label(self, "paymentsFormError",
                                   self.tr("Problem with the search"))
        mark(self.error, Role.ERROR)
        self.error.hide()
        grid.addWidget(self.error, 2, 0, 1, 7)

    def _edit(self, name: str, accessible: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        edit.setMaxLength(40)
        edit.returnPressed.connect(self.submit)
        return edit

    def submit(self) -> None:
        if self.criteria() is not None:
            self.submitted.emit()

    def _days(self, problems: list[str]) -> list[date | None]:
        days: list[date | None] = []
        for edit, message in (
                (self.paid_from, self.tr("The first paid date is not a date (type it as "
                                         "{hint}).")),
                (self.paid_to, self.tr("The last paid date is not a date (type it as "
                                       "{hint})."))):
            try:
                days.append(self._fmt.parse_date(edit.text()) if edit.text().strip()
                            else None)
            except ValueError:
                problems.append(message.format(hint=self._fmt.date_hint))
                days.append(None)
        return days

    def _amounts(self, problems: list[str]) -> list[Decimal | None]:
        amounts: list[Decimal | None] = []
        for edit, message in (
                (self.amount_min, self.tr("The smallest deposit is not an amount such as "
                                          "125.00.")),
                (self.amount_max, self.tr("The largest deposit is not an amount such as "
                                          "125.00."))):
            try:
                amounts.append(parse_amount(edit.text()) if edit.text().strip() else None)
            except (InvalidOperation, ValueError):
                problems.append(message)
                amounts.append(None)
        return amounts

    def criteria(self) -> PaymentSearch | None:
        """The criteria typed, or None (and the reason shown) when something is wrong."""
        problems: list[str] = []
        days, amounts = self._days(problems), self._amounts(problems)
        if days[0] and days[1] and days[0] > days[1]:
            problems.append(self.tr("The first paid date is after the last one."))
        if amounts[0] is not None and amounts[1] is not None and amounts[0] > amounts[1]:
            problems.append(self.tr("The smallest deposit is more than the largest."))
        set_message(self.error, plain(" ".join(problems), 400), Urgency.ASSERTIVE)
        if problems:
            return None
        return PaymentSearch(paid_from=days[0], paid_to=days[1],
                             trace_number=self.trace.text().strip() or None,
                             amount_min=amounts[0], amount_max=amounts[1],
                             method=self.method.currentData())

    def wipe(self) -> None:
        for edit in (self.trace, self.paid_from, self.paid_to, self.amount_min,
                     self.amount_max):
            edit.clear()
        self.method.setCurrentIndex(0)
        set_message(self.error, "")
