"""Claim status on screen: colours that always come with words, and the status picker.

Colour helps a clerk scan a column of statuses, but the category and its label are
always written out too (colour-blind users, printouts, screen readers). The picker is a
button that opens a checkable list: status families (every `F…`) and exact categories
(`F2`), as many as wanted; the portal ORs them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.claims.explain import FAMILY_WORDS, REJECTED_CATEGORIES, STATUS_CATEGORIES
from desktop.ui.common.text import plain

FAMILIES: tuple[str, ...] = ("A", "P", "F", "R", "E")

# (background, text) pairs with at least 7:1 contrast for the text.
_GREEN = ("#e3f4e6", "#14491a")
_RED = ("#fde7e9", "#7d1414")
_AMBER = ("#fff1dc", "#6b3900")
_YELLOW = ("#fff6cf", "#4d3b00")
_PURPLE = ("#efe7fb", "#3f2473")
_BLUE = ("#e6f0fb", "#0f3866")
_GREY = ("#ececec", "#262626")


def status_colours(category: str) -> tuple[str, str]:
    """(background, text) for a category; every family gets a distinct tint."""
    family = category[:1]
    if category == "F2" or category in REJECTED_CATEGORIES:
        return _RED
    if category == "F4":
        return _AMBER
    if family == "F":
        return _GREEN
    if family == "P":
        return _YELLOW
    if family == "R":
        return _PURPLE
    if family == "A":
        return _BLUE
    return _GREY


_BRUSHES: dict[str, tuple[QColor, QColor]] = {}


def status_qcolours(category: str) -> tuple[QColor, QColor]:
    pair = _BRUSHES.get(category)
    if pair is None:
        bg, fg = status_colours(category)
        pair = (QColor(bg), QColor(fg))
        _BRUSHES[category] = pair
    return pair


class _Popup(QFrame):
    """The drop-down list; Enter or Escape closes it and gives focus back to the button."""

    def __init__(self, owner: QToolButton) -> None:
        super().__init__(owner, Qt.WindowType.Popup)
        self.setObjectName("searchStatusPopup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.list = QListWidget(self)
        self.list.setObjectName("searchStatusList")
        self.list.setAccessibleName("Claim statuses to search for")
        self.list.setUniformItemSizes(True)
        self.list.installEventFilter(self)
        layout.addWidget(self.list)
        self.resize(560, 400)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.list and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.hide()
            return True
        return super().eventFilter(watched, event)


class StatusPicker(QToolButton):
    """`searchStatus`: pick status families and categories; shows what is picked."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchStatus")
        self.setAccessibleName("Claim status")
        self.setToolTip("Choose one or more statuses: a whole family such as Finalized, "
                        "or an exact category such as F2 (denied). Space ticks, Enter closes.")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setMinimumWidth(150)
        self._popup = _Popup(self)
        self._items: dict[str, QListWidgetItem] = {}
        for family in FAMILIES:
            self._add(family, bold=True)
            for category in STATUS_CATEGORIES:
                if category.startswith(family):
                    self._add(category, bold=False)
        self.set_words({})
        self._popup.list.itemChanged.connect(self._item_changed)
        self.clicked.connect(self.open_popup)
        self._update_text()

    def _add(self, code: str, *, bold: bool) -> None:
        item = QListWidgetItem(self._popup.list)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                      | Qt.ItemFlag.ItemIsSelectable)
        item.setCheckState(Qt.CheckState.Unchecked)
        item.setData(Qt.ItemDataRole.UserRole, code)
        if bold:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        self._items[code] = item

    def set_words(self, labels: Mapping[str, str]) -> None:
        """Label every entry, with the portal's words when its code table has arrived."""
        blocked = self._popup.list.blockSignals(True)
        try:
            for code, item in self._items.items():
                if len(code) == 1:
                    item.setText(f"{code} — {FAMILY_WORDS[code]} (every {code} category)")
                else:
                    words = plain(labels.get(code, ""), 90)
                    item.setText(f"    {code} — {words}" if words else f"    {code}")
        finally:
            self._popup.list.blockSignals(blocked)

    def open_popup(self) -> None:
        popup = self._popup
        popup.move(self.mapToGlobal(QPoint(0, self.height())))
        popup.show()
        popup.list.setFocus()
        if popup.list.currentRow() < 0:
            popup.list.setCurrentRow(0)

    def close_popup(self) -> None:
        self._popup.hide()

    @property
    def popup_list(self) -> QListWidget:
        return self._popup.list

    def selected(self) -> tuple[str, ...]:
        """Checked families, then checked categories not already covered by a family."""
        families = [f for f in FAMILIES if self._checked(f)]
        categories = [c for c in STATUS_CATEGORIES
                      if self._checked(c) and c[:1] not in families]
        return (*families, *categories)

    def set_selected(self, codes: Iterable[str]) -> None:
        wanted = {c.strip().upper() for c in codes}
        blocked = self._popup.list.blockSignals(True)
        try:
            for code, item in self._items.items():
                item.setCheckState(Qt.CheckState.Checked if code in wanted
                                   else Qt.CheckState.Unchecked)
        finally:
            self._popup.list.blockSignals(blocked)
        self._update_text()
        self.changed.emit()

    def _checked(self, code: str) -> bool:
        return self._items[code].checkState() == Qt.CheckState.Checked

    def _item_changed(self, _item: QListWidgetItem) -> None:
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        chosen = self.selected()
        if not chosen:
            self.setText("Any status ▾")
            self.setAccessibleDescription("Any status")
            return
        text = ", ".join(chosen)
        shown = text if len(text) <= 24 else text[:22].rstrip(", ") + "…"
        self.setText(f"{shown} ▾")
        self.setAccessibleDescription(f"Statuses: {text}")
