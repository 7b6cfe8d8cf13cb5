"""The signed-in workspace: navigation, who is signed in, a banner, and the screens.

Why apart from the main window: the window owns the sign-in state machine; this
owns what is shown while working. Screens are built at the first sign-in (their
modules stay unloaded until then, which keeps start-up to the sign-in screen short)
and kept for the whole launch: `clear()` empties them at sign-out, so what a clerk
typed survives the idle lock and a re-sign-in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.common.a11y import Urgency, announce, message_label
from desktop.ui.common.style import Role, mark
from desktop.ui.common.text import plain, set_plain
from desktop.ui.screen import Screen, ScreenSpec
from desktop.ui.viewstate import MemoryViewState, ViewState

if TYPE_CHECKING:
    from desktop.ui.shell.options import ShellOptions

#: The view-state key of the screen shown last (opened again at the next sign-in).
SCREEN_KEY = "window/screen"


class Workspace(QWidget):
    #: The Sign out button was pressed.
    sign_out_requested = Signal()
    #: The screens were built (the first sign-in); command-line files may be opened.
    screens_built = Signal()

    def __init__(self, specs: Sequence[ScreenSpec], parent: QWidget | None = None,
                 view: ViewState | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("workspace")
        self._specs = list(specs)
        self._view = view or MemoryViewState()
        self.screens: dict[str, Screen] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_bar())
        self.banner = message_label(self, "workspaceBanner", self.tr("Notice"))
        mark(self.banner, Role.BANNER)
        self.banner.hide()
        layout.addWidget(self.banner)
        self.screen_stack = QStackedWidget(self)
        layout.addWidget(self.screen_stack, 1)

    def _build_bar(self) -> QHBoxLayout:
        """The screens' buttons as a named group of push buttons (not check boxes, as
        checkable buttons are announced): the current one says so in its description
        and is shown in bold."""
        bar = QHBoxLayout()
        self.nav: dict[str, QPushButton] = {}
        self.nav_group = QGroupBox(self)
        self.nav_group.setObjectName("navigation")
        self.nav_group.setAccessibleName(self.tr("Screens"))
        self.nav_group.setFlat(True)
        row = QHBoxLayout(self.nav_group)
        row.setContentsMargins(0, 0, 0, 0)
        for number, spec in enumerate(self._specs, start=1):
            button = QPushButton(spec.label, self.nav_group)
            button.setObjectName(spec.nav_name)
            button.setAccessibleName(spec.tip)
            # Two pieces, not one composed string: the tip is translated where it is made.
            button.setToolTip(spec.tip + " " + self.tr("(Ctrl+{number})").format(
                number=number))
            button.setAutoDefault(False)
            row.addWidget(button)
            self.nav[spec.key] = button
        bar.addWidget(self.nav_group)
        bar.addStretch(1)
        self.user_label = QLabel(self)
        self.user_label.setTextFormat(Qt.TextFormat.PlainText)
        self.user_label.setObjectName("signedInUser")
        bar.addWidget(self.user_label)
        self.sign_out_button = QPushButton(self.tr("Sign &out"), self)
        self.sign_out_button.setObjectName("signOutButton")
        self.sign_out_button.setAccessibleName(self.tr("Sign out"))
        self.sign_out_button.setToolTip(
            self.tr("Sign out and remove the session from this computer"))
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        bar.addWidget(self.sign_out_button)
        return bar

    def connect_navigation(self, show: Callable[[str], None]) -> None:
        for key, button in self.nav.items():
            button.clicked.connect(lambda _=False, k=key: show(k))

    def build_screens(self) -> None:
        """At the first sign-in: build every screen once."""
        if self.screens:
            return
        for spec in self._specs:
            screen = spec.build()
            self.screens[spec.key] = screen
            self.screen_stack.addWidget(screen)
        last = self._view.load_text(SCREEN_KEY)
        if last in self.screens:
            self.screen_stack.setCurrentWidget(self.screens[last])
        self.screens_built.emit()

    @property
    def current_key(self) -> str | None:
        current = self.screen_stack.currentWidget()
        return next((k for k, s in self.screens.items() if s is current), None)

    def switch_to(self, key: str) -> bool:
        """Show the screen of `key` if the current one lets the user leave; True if shown."""
        screen = self.screens.get(key)
        if screen is None:
            return False
        current_key = self.current_key
        current = self.screens.get(current_key) if current_key else None
        if current is not None and current is not screen and not current.can_leave():
            return False
        self.screen_stack.setCurrentWidget(screen)
        self._mark_current(key)
        self._view.save_text(SCREEN_KEY, key)
        screen.activate()
        return True

    def _mark_current(self, key: str) -> None:
        for k, button in self.nav.items():
            font = button.font()
            font.setBold(k == key)
            button.setFont(font)
            button.setAccessibleDescription(self.tr("Current screen") if k == key else "")

    def open_files(self, key: str, paths: Sequence[Path]) -> None:
        """Show the screen that reads files and hand it `paths` (if the user may leave)."""
        if paths and self.switch_to(key):
            self.screens[key].open_files(paths)

    def current_screen(self) -> Screen | None:
        key = self.current_key
        return self.screens.get(key) if key else None

    def unsaved_screens(self) -> list[Screen]:
        return [s for s in self.screens.values() if s.has_unsaved_changes()]

    def clear_screens(self) -> None:
        for screen in self.screens.values():
            screen.clear()

    def signed_in_as(self, name: str) -> None:
        self.user_label.setText(self.tr("Signed in as {name}").format(name=plain(name, 64)))

    def show_banner(self, text: str) -> None:
        set_plain(self.banner, text)
        self.banner.show()
        announce(self.banner, self.banner.text(), Urgency.POLITE)


class FileOpening:
    """Files the user asked to open (the File menu, the command line) go to one screen.

    Command-line files wait for the first sign-in; nothing is opened while signed out
    or locked (`working` says whether the workspace is in use).
    """

    def __init__(self, workspace: Workspace, options: ShellOptions,
                 working: Callable[[], bool]) -> None:
        self._workspace, self._key = workspace, options.file_screen
        self._initial: Sequence[Path] = tuple(options.initial_files)
        self._choose, self._working = options.choose_files, working
        workspace.screens_built.connect(self.open_initial)

    @property
    def handler(self) -> Callable[[], None] | None:
        """File > Open remittance file…'s handler; None when no screen opens files."""
        return None if self._key is None else self.ask

    def ask(self) -> None:
        if self._working():
            self.open([Path(p) for p in self._choose(self._workspace.window())])

    def open(self, paths: Sequence[Path]) -> None:
        if self._working() and self._key is not None:
            self._workspace.open_files(self._key, paths)

    def open_initial(self) -> None:
        """Once the screens exist (the first sign-in): the command line's files, once."""
        paths, self._initial = self._initial, ()
        self.open(paths)
