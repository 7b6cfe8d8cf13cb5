"""The search form's status filter: outcomes in plain words, exact X12 codes on request.

Why a combo box: the old picker was a button that opened a 560-pixel list of ~40 X12
codes, ran off the right edge of a 1366-pixel screen and then read "P ▾". A combo box
stays inside the form, Qt keeps its list on the screen, it reads its choice to a screen
reader, and it is driven by the keyboard like any other field. It offers:

- Any status, Paid, Denied, Pending, Needs information, Rejected (`status.PRESETS`);
- a line for a selection that is none of those ("Paid or Denied", "3 status codes"),
  shown only while it is the selection (a saved search, or exact codes chosen);
- "Exact status codes…", a dialog listing every category under its outcome, for
  those who know them. The dialog is sized to the screen's available geometry.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.claims.explain import FAMILY_WORDS
from desktop.ui.claims.status import (
    GROUPS,
    PRESETS,
    compact,
    expand,
    group_words,
    selection_words,
)
from desktop.ui.common.text import plain

#: Item data of the custom-selection line and of "Exact status codes…".
_ANY, _CUSTOM, _EXACT = "any", "custom", "exact"
_STEP_KEYS = frozenset({Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp,
                        Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End})


class ExactCodesDialog(QDialog):
    """`statusCodesDialog`: every category, ticked under its outcome."""

    def __init__(self, chosen: Iterable[str], labels: Mapping[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusCodesDialog")
        self.setWindowTitle(self.tr("Exact status codes"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Tick the X12 claim status categories to search for. "
                               "Ticking an outcome ticks all of its codes."), self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("statusCodesTree")
        self.tree.setAccessibleName(self.tr("Status codes by outcome"))
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        layout.addWidget(self.tree, 1)
        self._items: dict[str, QTreeWidgetItem] = {}
        wanted = expand(chosen)
        for group in GROUPS:
            top = QTreeWidgetItem(self.tree, [
                f"{group_words(group)} ({', '.join(group.categories)})"])
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsUserCheckable
                         | Qt.ItemFlag.ItemIsAutoTristate)
            for code in group.categories:
                words = plain(labels.get(code, ""), 90) or FAMILY_WORDS.get(code[:1], "")
                child = QTreeWidgetItem(top, [f"{code} — {words}"])
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                child.setCheckState(0, Qt.CheckState.Checked if code in wanted
                                    else Qt.CheckState.Unchecked)
                self._items[code] = child
            top.setExpanded(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.setObjectName("statusCodesButtons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._fit_screen()

    def _fit_screen(self) -> None:
        """Never larger than the screen's available area, whatever the labels."""
        parent = self.parentWidget()
        room = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(min(520, room.width() - 40), min(560, room.height() - 60))
        self.setMaximumSize(room.width(), room.height())

    def chosen(self) -> tuple[str, ...]:
        return compact(c for c, item in self._items.items()
                       if item.checkState(0) == Qt.CheckState.Checked)

    def set_checked(self, codes: Iterable[str]) -> None:
        """Tick exactly these (tests; a keyboard user does it with Space)."""
        wanted = expand(codes)
        for code, item in self._items.items():
            item.setCheckState(0, Qt.CheckState.Checked if code in wanted
                               else Qt.CheckState.Unchecked)


class StatusPicker(QComboBox):
    """`searchStatus`: which statuses to search for, always named in words."""

    changed = Signal()
    #: The exact-codes dialog was opened (tests reach it through `codes_dialog`).
    dialog_opened = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchStatus")
        self.setAccessibleName(self.tr("Claim status"))
        self.setToolTip(self.tr("Search for claims with this outcome; \"Exact status "
                                "codes…\" picks X12 status categories one by one"))
        self.view().setObjectName("searchStatusList")
        self.view().setAccessibleName(self.tr("Claim statuses"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._labels: Mapping[str, str] = {}
        self._codes: tuple[str, ...] = ()
        self._dialog: ExactCodesDialog | None = None
        self._stepping = False
        self._by_key: dict[str, tuple[str, ...]] = {_ANY: ()}
        self.addItem(selection_words(()), _ANY)
        for group in PRESETS:
            self._by_key[group.key] = compact(group.categories)
            self.addItem(group_words(group), group.key)
        self.addItem(self.tr("Exact status codes…"), _EXACT)
        self.activated.connect(self._chosen)
        self._show()

    # --- the clerk's choice -----------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Arrow keys on the closed box step through the outcomes but never open the
        exact-codes dialog on the way (the list, Alt+Down, and Enter do)."""
        self._stepping = event.key() in _STEP_KEYS and not (
            event.modifiers() & Qt.KeyboardModifier.AltModifier)
        try:
            super().keyPressEvent(event)
        finally:
            self._stepping = False

    def wheelEvent(self, event: QWheelEvent) -> None:
        self._stepping = True
        try:
            super().wheelEvent(event)
        finally:
            self._stepping = False

    def _chosen(self, index: int) -> None:
        data = self.itemData(index)
        if data == _EXACT:
            self._show()  # the dialog decides; until then the old choice stays
            if not self._stepping:
                self.open_codes()
        elif data in self._by_key:
            self._set(self._by_key[data])

    def open_codes(self) -> None:
        dialog = ExactCodesDialog(self._codes, self._labels, self.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._set(dialog.chosen()))
        dialog.finished.connect(self._dialog_closed)
        self._dialog = dialog
        dialog.open()
        self.dialog_opened.emit()

    def _dialog_closed(self, _result: int) -> None:
        self._dialog = None
        self.setFocus()

    @property
    def codes_dialog(self) -> ExactCodesDialog | None:
        return self._dialog

    # --- values -----------------------------------------------------------------------

    def selected(self) -> tuple[str, ...]:
        """What the portal is sent: families and categories (empty: any status)."""
        return self._codes

    def set_selected(self, codes: Iterable[str]) -> None:
        self._set(compact(expand(codes)))

    def words(self) -> str:
        return selection_words(self._codes)

    def set_words(self, labels: Mapping[str, str]) -> None:
        """The portal's words for the categories, for the exact-codes dialog."""
        self._labels = dict(labels)

    def _set(self, codes: tuple[str, ...]) -> None:
        self._codes = codes
        self._show()
        self.changed.emit()

    def _show(self) -> None:
        """Select the line that names the selection, adding a custom line if none does."""
        custom = self.findData(_CUSTOM)
        key = next((k for k, v in self._by_key.items() if v == self._codes), None)
        index = self.findData(key) if key is not None else -1
        if index < 0:
            text = self.words()
            if custom < 0:
                self.insertItem(self.count() - 1, text, _CUSTOM)
                custom = self.count() - 2
            else:
                self.setItemText(custom, text)
            index = custom
        elif custom >= 0:
            self.removeItem(custom)
            index = self.findData(key)
        self.setCurrentIndex(index)
        self.setAccessibleDescription(self.tr("Statuses: {codes}").format(
            codes=", ".join(self._codes)) if self._codes else "")
