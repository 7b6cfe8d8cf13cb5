"""The "Your data" panel: how to correct what the plan holds, whom to ask, and the record
of privacy-policy acceptances.

Some details (organization, TIN, NPI) come from the registration and the plan's
contracting records and cannot be edited here; the panel says who can change them.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.portal.models import Acceptance, SupportInfo
from desktop.ui.common.clipboard import install_cell_copy
from desktop.ui.common.formats import Formats
from desktop.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from desktop.ui.common.style import Role, mark
from desktop.ui.common.text import plain, plain_label, set_plain
from desktop.ui.registration.outcome import support_text

HOW_TO = str(QT_TRANSLATE_NOOP(
    "YourDataPanel",
    "Your name, email, phone and contact preferences: change them on the left and press "
    "Save. Your organization, TIN and NPI come from your registration and the plan's "
    "contracting records; to correct them, or to ask what the plan holds about you, "
    "contact provider support:"))


class YourDataPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("YourDataPanel", "Your data"), parent)
        self.setObjectName("accountDataPanel")
        self._formats = Formats()
        layout = QVBoxLayout(self)
        how = plain_label(translate("YourDataPanel", HOW_TO), self)
        how.setObjectName("accountDataHowTo")
        layout.addWidget(how)
        self.support = plain_label(self.tr("Loading the support desk's details…"), self)
        self.support.setObjectName("accountSupport")
        # Its text (the desk's phone and e-mail) is what a screen reader must read.
        self.support.setAccessibleDescription(self.tr("Provider support contact"))
        layout.addWidget(self.support)
        heading = plain_label(self.tr("Privacy policies you accepted"), self)
        bold = heading.font()
        bold.setBold(True)
        heading.setFont(bold)
        layout.addWidget(heading)
        self.history = QTableWidget(0, 3, self)
        self.history.setObjectName("acceptanceHistory")
        self.history.setAccessibleName(self.tr("Privacy policy acceptances"))
        self.history.setHorizontalHeaderLabels([self.tr("Version"), self.tr("Accepted"),
                                                self.tr("Receipt")])
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # One Tab stop: Tab leaves the table, the arrow keys move inside it (Tab used to
        # walk every cell, 15 presses to get out).
        self.history.setTabKeyNavigation(False)
        install_cell_copy(self.history)
        rows = self.history.verticalHeader()
        rows.setObjectName("acceptanceHistoryRows")
        rows.setAccessibleName(self.tr("Acceptance rows"))
        rows.hide()
        header = self.history.horizontalHeader()
        header.setObjectName("acceptanceHistoryHeader")
        header.setAccessibleName(self.tr("Acceptance columns"))
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.history.setMinimumHeight(110)
        layout.addWidget(self.history, 1)
        self.history_note = plain_label("", self)
        self.history_note.setObjectName("acceptanceHistoryNote")
        layout.addWidget(self.history_note)

    def show_support(self, info: SupportInfo) -> None:
        set_plain(self.support, support_text(info), 1000)

    def support_failed(self) -> None:
        set_plain(self.support, self.tr("The support desk's details could not be loaded; "
                                        "Help > Support contact shows them."))

    def show_acceptances(self, acceptances: Sequence[Acceptance]) -> None:
        rows = sorted(acceptances, key=lambda a: a.accepted_at, reverse=True)
        self.history.setRowCount(len(rows))
        for row, acc in enumerate(rows):
            when = self._formats.instant(acc.accepted_at)  # this PC's time, like the rest
            for col, value in enumerate((acc.version, when, acc.receipt_id)):
                self.history.setItem(row, col, QTableWidgetItem(plain(value, 80)))
        mark(self.history_note, None)
        set_plain(self.history_note,
                  "" if rows else self.tr("No acceptances are recorded yet."))

    def history_failed(self, message: str) -> None:
        self.history.setRowCount(0)
        mark(self.history_note, Role.ERROR)
        set_plain(self.history_note, message)

    def history_rows(self) -> list[list[str]]:
        """The table as text (what a screen reader or a test reads)."""
        out = []
        for row in range(self.history.rowCount()):
            cells = [self.history.item(row, col) for col in range(3)]
            out.append([c.text() if c else "" for c in cells])
        return out

    def wipe(self) -> None:
        self.history.setRowCount(0)
        self.history_note.clear()
        set_plain(self.support, "")

