"""The payment search form: paid dates, trace or check number, amounts, method.

Checks what it can before asking the portal (dates, amounts, an empty range) and says
what is wrong next to the form; the portal checks again (its 422 words are shown too).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.portal.payments import PaymentSearch
from desktop.ui.common.text import plain_label, set_plain

METHODS = (("Any method", None), ("EFT (ACH)", "ACH"), ("Check", "CHK"),
           ("No payment (notice only)", "NON"))
DATE_FORMATS = ("%Y-%m-%d", "%m/%d/%Y")


def parse_day(text: str) -> date | None:
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def parse_amount(text: str) -> Decimal:
    value = Decimal(text.strip().replace(",", "").lstrip("$"))
    if not value.is_finite() or value < 0 or value != value.quantize(Decimal("0.01")):
        raise InvalidOperation(text)
    return value


class PaymentsForm(QWidget):
    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        self.trace = self._edit("paymentTraceNumber", "EFT trace or check number",
                                "e.g. EFT123456789012")
        self.paid_from = self._edit("paymentPaidFrom", "Paid on or after", "YYYY-MM-DD")
        self.paid_to = self._edit("paymentPaidTo", "Paid on or before", "YYYY-MM-DD")
        self.amount_min = self._edit("paymentAmountMin", "Deposit at least", "0.00")
        self.amount_max = self._edit("paymentAmountMax", "Deposit at most", "0.00")
        self.method = QComboBox(self)
        self.method.setObjectName("paymentMethod")
        self.method.setAccessibleName("Payment method")
        self.method.view().setObjectName("paymentMethodList")
        self.method.view().setAccessibleName("Payment methods")
        for text, value in METHODS:
            self.method.addItem(text, value)
        self.button = QPushButton("&Search payments", self)
        self.button.setObjectName("paymentsSearch")
        self.button.setAccessibleName("Search payments")
        self.button.setDefault(True)
        self.button.clicked.connect(self.submit)
        fields = [("&Trace / check no.:", self.trace), ("Paid &from:", self.paid_from),
                  ("Paid t&o:", self.paid_to), ("&Method:", self.method),
                  ("Deposit at &least:", self.amount_min),
                  ("Deposit at mos&t:", self.amount_max)]
        for i, (caption, widget) in enumerate(fields):
            label = QLabel(caption, self)
            label.setBuddy(widget)
            grid.addWidget(label, i // 3, (i % 3) * 2)
            grid.addWidget(widget, i // 3, (i % 3) * 2 + 1)
        grid.addWidget(self.button, 0, 6)
        self.error = plain_label("", self)
        self.error.setObjectName("paymentsFormError")
        self.error.setStyleSheet("color: #a00000;")
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

    def criteria(self) -> PaymentSearch | None:
        """The criteria typed, or None (and the reason shown) when something is wrong."""
        problems: list[str] = []
        days: list[date | None] = []
        for edit, name in ((self.paid_from, "first paid date"), (self.paid_to, "last paid date")):
            try:
                days.append(parse_day(edit.text()) if edit.text().strip() else None)
            except ValueError:
                problems.append(f"The {name} is not a date (use YYYY-MM-DD).")
                days.append(None)
        amounts: list[Decimal | None] = []
        for edit, name in ((self.amount_min, "smallest"), (self.amount_max, "largest")):
            try:
                amounts.append(parse_amount(edit.text()) if edit.text().strip() else None)
            except (InvalidOperation, ValueError):
                problems.append(f"The {name} deposit is not an amount such as 125.00.")
                amounts.append(None)
        if days[0] and days[1] and days[0] > days[1]:
            problems.append("The first paid date is after the last one.")
        if amounts[0] is not None and amounts[1] is not None and amounts[0] > amounts[1]:
            problems.append("The smallest deposit is more than the largest.")
        set_plain(self.error, " ".join(problems))
        self.error.setVisible(bool(problems))
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
        self.error.hide()

