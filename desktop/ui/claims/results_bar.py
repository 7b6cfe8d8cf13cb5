"""The line between the search form and the results: count, status, filter, sort, export.

Only widgets: the screen decides what they say and does what they ask. Kept apart
so that `screen.py` stays about the conversations with the portal. The count and the
status are `a11y` message labels: their text is what a screen reader reads, and a
change is announced (politely; errors assertively, by the screen).
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.tasks import BUSY_DELAY_MS
from desktop.ui.common import a11y
from desktop.ui.common.i18n import translate


class ResultsBar:
    """Built into the screen (the widgets are the screen's children; `layout_` goes
    into the screen's layout)."""

    def __init__(self, screen: QWidget, *, allow_export: bool) -> None:
        self.layout_ = QVBoxLayout()
        self.layout_.setSpacing(2)
        self.row = QHBoxLayout()
        self.layout_.addLayout(self.row)
        # The status gets a line of its own: a portal error is a sentence or two, and
        # squeezed between the count and the filter it wrapped into five lines.
        message_row = QHBoxLayout()
        self.layout_.addLayout(message_row)
        self.count = a11y.message_label(
            screen, "claimsCount", translate("ClaimsScreen", "Number of claims found"))
        # Wraps rather than widening the window (1024-pixel screens, long counts).
        self.count.setWordWrap(True)
        font = self.count.font()
        font.setBold(True)
        self.count.setFont(font)
        self.row.addWidget(self.count, 1)  # the spare width: wraps only when narrow
        self.status = a11y.message_label(
            screen, "claimsStatus", translate("ClaimsScreen", "Search status"))
        self.status.hide()
        message_row.addWidget(self.status, 1)
        self.retry = QPushButton(translate("ClaimsScreen", "Retr&y"), screen)
        self.retry.setObjectName("claimsRetry")
        self.retry.setAccessibleName(translate("ClaimsScreen", "Try again"))
        self.retry.hide()
        message_row.addWidget(self.retry)
        self._add_filter(screen)
        self._add_sort(screen)
        self.export_button = QPushButton(translate("ClaimsScreen", "E&xport CSV…"), screen)
        self.export_button.setObjectName("exportCsvButton")
        self.export_button.setAccessibleName(
            translate("ClaimsScreen", "Export the listed claims to a CSV file"))
        self.export_button.setToolTip(translate(
            "ClaimsScreen", "Save the claims listed here to a CSV file (it will contain "
            "patient information)"))
        self.export_button.setVisible(allow_export)
        self.row.addWidget(self.export_button)
        self._searching_text = ""
        self._searching = QTimer(screen)
        self._searching.setSingleShot(True)
        self._searching.setInterval(BUSY_DELAY_MS)
        self._searching.timeout.connect(self._show_searching)

    def say_count(self, text: str) -> None:
        """What was found (or why nothing is shown): at once."""
        self._searching.stop()
        self.count.setMinimumHeight(0)
        a11y.set_message(self.count, text)

    def say_searching(self, text: str) -> None:
        """A search runs: the count says `text` if it takes longer than the busy delay.

        Most answers come within a few milliseconds; saying "Searching…" at once made
        the count flash, re-laid out the bar and repainted it twice on every search,
        for a word nobody could read. The rule is the busy indicator's (`BUSY_DELAY_MS`):
        until then the count and the rows shown both still belong to the last search.
        """
        self._searching_text = text
        if self.count.text() != text and not self._searching.isActive():
            self._searching.start()

    def _show_searching(self) -> None:
        # The count keeps its height meanwhile: at a narrow width it wraps to two lines,
        # and letting the bar shrink and grow again moved the table on every search.
        if self.count.isVisible():
            self.count.setMinimumHeight(self.count.height())
        a11y.set_message(self.count, self._searching_text)

    def _add_filter(self, screen: QWidget) -> None:
        self.filter = QLineEdit(screen)
        self.filter.setObjectName("claimsFilter")
        self.filter.setAccessibleName(
            translate("ClaimsScreen", "Quick filter of the loaded claims"))
        self.filter.setPlaceholderText(translate("ClaimsScreen", "Name, claim, member ID…"))
        self.filter.setToolTip(translate(
            "ClaimsScreen", "Narrow the claims already loaded by claim number, patient "
            "name, member ID, status or payment number; no new search is made"))
        self.filter.setClearButtonEnabled(True)
        # Wide enough for the whole placeholder and the clear button, in this font.
        metrics = self.filter.fontMetrics()
        self.filter.setMinimumWidth(metrics.horizontalAdvance(self.filter.placeholderText())
                                    + metrics.height() * 3)
        self.filter.setMaximumWidth(max(260, self.filter.minimumWidth()))
        caption = QLabel(translate("ClaimsScreen", "&Quick filter:"), screen)
        caption.setBuddy(self.filter)
        self.row.addWidget(caption)
        self.row.addWidget(self.filter)

    def _add_sort(self, screen: QWidget) -> None:
        self.sort = QComboBox(screen)
        self.sort.setObjectName("searchSort")
        self.sort.setAccessibleName(translate("ClaimsScreen", "Sort order"))
        self.sort.view().setObjectName("searchSortList")
        self.sort.view().setAccessibleName(translate("ClaimsScreen", "Sort orders"))
        caption = QLabel(translate("ClaimsScreen", "&Sort by:"), screen)
        caption.setBuddy(self.sort)
        self.row.addWidget(caption)
        self.row.addWidget(self.sort)
