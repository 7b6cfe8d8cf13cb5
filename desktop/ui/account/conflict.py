"""Someone changed the account on the portal while the user was editing it (412).

The dialog puts the user's value and the portal's value side by side for every
field where they differ, with what the user started from, and lets the user keep
theirs or take the portal's per field, or all at once. Cancelling changes nothing:
the edits stay in the form and the next save asks again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.account.form import EditableValues, label_of, shown
from desktop.ui.common.text import plain, plain_label

#: Widest an unwrapped value is shown, in average characters; longer ones are elided in
#: the middle (start and domain of an address stay readable), the tooltip has it all.
ONE_LINE_CHARS = 34


def _cell(parent: QWidget, text: str, name: str = "", bold: bool = False,
          wrap: bool = True) -> QLabel:
    """One cell; `wrap=False` for values that must stay on one line (e-mail addresses:
    wrapped at their hyphen they read as two addresses; field names and headings)."""
    full = plain(text, 254)
    label = plain_label(full, parent, max_chars=254, word_wrap=wrap)
    if not wrap:
        metrics = label.fontMetrics()
        shown_text = metrics.elidedText(full, Qt.TextElideMode.ElideMiddle,
                                        metrics.averageCharWidth() * ONE_LINE_CHARS)
        if shown_text != full:
            label.setText(shown_text)
            label.setToolTip(full)
    if name:
        label.setObjectName(name)
        label.setAccessibleName(full)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class ConflictDialog(QDialog):
    """Choose, per field, between the user's edit and what is now on the portal."""

    def __init__(self, base: EditableValues, mine: EditableValues, theirs: EditableValues,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("accountConflictDialog")
        self.setWindowTitle(self.tr("Your account was changed elsewhere"))
        self.resize(900, 400)
        self.mine, self.theirs = mine, theirs
        self.rows = [n for n in mine.names() if mine.get(n) != theirs.get(n)]
        self._mine_buttons: dict[str, QRadioButton] = {}
        self._theirs_buttons: dict[str, QRadioButton] = {}

        layout = QVBoxLayout(self)
        server_changed = [label_of(n) for n in base.differing(theirs)]
        if server_changed:
            intro = self.tr(
                "While you were editing, your account was changed on the portal (from "
                "another computer or by the plan): {changed}. Nothing is saved yet and "
                "nothing you typed is lost. Choose, for each line, which value to keep, "
                "then save.").format(changed=", ".join(server_changed).lower())
        else:
            intro = self.tr(
                "While you were editing, your account was changed on the portal (from "
                "another computer or by the plan). Nothing is saved yet and nothing you "
                "typed is lost. Choose, for each line, which value to keep, then save.")
        explanation = plain_label(intro, self, max_chars=800)
        explanation.setObjectName("conflictIntro")
        layout.addWidget(explanation)

        layout.addWidget(self._build_choices(base, mine, theirs), 1)
        layout.addLayout(self._build_buttons())

    def _build_choices(self, base: EditableValues, mine: EditableValues,
                       theirs: EditableValues) -> QScrollArea:
        """One line per differing field: where it started, mine, the portal's, keep which."""
        table = QWidget(self)
        grid = QGridLayout(table)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        for col, head in enumerate(("", self.tr("You started from"), self.tr("Your value"),
                                    self.tr("Now on the portal"), self.tr("Keep"))):
            grid.addWidget(_cell(table, head, bold=True, wrap=False), 0, col)
        for row, name in enumerate(self.rows, start=1):
            wrap = name != "email"
            grid.addWidget(_cell(table, label_of(name), bold=True, wrap=False), row, 0)
            grid.addWidget(_cell(table, shown(name, base.get(name)),
                                 f"conflictBase_{name}", wrap=wrap), row, 1)
            grid.addWidget(_cell(table, shown(name, mine.get(name)),
                                 f"conflictMineValue_{name}", wrap=wrap), row, 2)
            grid.addWidget(_cell(table, shown(name, theirs.get(name)),
                                 f"conflictTheirsValue_{name}", wrap=wrap), row, 3)
            grid.addWidget(self._pick(table, name, mine.get(name) != base.get(name)), row, 4)
        grid.setColumnStretch(2, 1)
        grid.setColumnStretch(3, 1)
        # The spare height goes below the last line: rows keep their natural height
        # instead of being stretched to fill the dialog.
        grid.setRowStretch(len(self.rows) + 1, 1)
        scroll = QScrollArea(self)
        scroll.setObjectName("conflictScroll")
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(table)
        return scroll

    def _pick(self, table: QWidget, name: str, edited: bool) -> QWidget:
        pick = QWidget(table)
        line = QHBoxLayout(pick)
        line.setContentsMargins(0, 0, 0, 0)
        keep_mine = QRadioButton(self.tr("Mine"), pick)
        keep_mine.setObjectName(f"conflictMine_{name}")
        keep_mine.setAccessibleName(self.tr("{field}: keep my value").format(
            field=label_of(name)))
        take_theirs = QRadioButton(self.tr("Portal's"), pick)
        take_theirs.setObjectName(f"conflictTheirs_{name}")
        take_theirs.setAccessibleName(self.tr("{field}: take the portal's value").format(
            field=label_of(name)))
        group = QButtonGroup(pick)
        group.addButton(keep_mine)
        group.addButton(take_theirs)
        # What the user did not touch follows the portal; what they edited stays theirs.
        (keep_mine if edited else take_theirs).setChecked(True)
        line.addWidget(keep_mine)
        line.addWidget(take_theirs)
        self._mine_buttons[name] = keep_mine
        self._theirs_buttons[name] = take_theirs
        return pick

    def _build_buttons(self) -> QVBoxLayout:
        """Use all mine / all the portal's; Keep editing / Save these choices."""
        layout = QVBoxLayout()
        quick = QHBoxLayout()
        self.use_mine = QPushButton(self.tr("Use all &my values"), self)
        self.use_mine.setObjectName("conflictUseMine")
        self.use_mine.setAutoDefault(False)
        self.use_mine.clicked.connect(lambda: self._choose_all(mine=True))
        self.use_theirs = QPushButton(self.tr("Use all the &portal's values"), self)
        self.use_theirs.setObjectName("conflictUseTheirs")
        self.use_theirs.setAutoDefault(False)
        self.use_theirs.clicked.connect(lambda: self._choose_all(mine=False))
        quick.addWidget(self.use_mine)
        quick.addWidget(self.use_theirs)
        quick.addStretch(1)
        layout.addLayout(quick)

        buttons = QHBoxLayout()
        self.cancel = QPushButton(self.tr("&Keep editing"), self)
        self.cancel.setObjectName("conflictCancel")
        self.cancel.setAccessibleName(self.tr("Close and keep editing; nothing is saved"))
        self.cancel.setAutoDefault(False)
        self.cancel.clicked.connect(self.reject)
        self.apply = QPushButton(self.tr("&Save these choices"), self)
        self.apply.setObjectName("conflictApply")
        self.apply.setDefault(True)
        self.apply.clicked.connect(self.accept)
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.apply)
        layout.addLayout(buttons)
        return layout

    def _choose_all(self, *, mine: bool) -> None:
        for name in self.rows:
            (self._mine_buttons if mine else self._theirs_buttons)[name].setChecked(True)

    def taking_theirs(self) -> set[str]:
        return {n for n in self.rows if self._theirs_buttons[n].isChecked()}

    def resolved(self) -> EditableValues:
        """The user's values with the chosen fields taken from the portal."""
        return self.mine.merged(self.theirs, self.taking_theirs())
