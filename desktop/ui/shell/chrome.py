"""The main window's menus, shortcuts and status bar, built from the handlers it gives.

Kept apart from the window so that `main_window.py` holds the sign-in state machine and
little else; the window keeps the returned actions as its public attributes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar

from desktop.ui.common.i18n import translate
from desktop.ui.screen import ScreenSpec
from desktop.ui.shell.shortcuts import open_shortcuts

Handler = Callable[[], object]


@dataclass(frozen=True)
class MenuHandlers:
    lock: Handler
    sign_out: Handler
    quit: Handler
    show_screen: Callable[[str], object]
    policy: Handler
    support: Handler
    about: Handler
    #: File > Open remittance file…; None when no screen opens files.
    open_file: Handler | None = None
    #: File > Options… (the clerk's own idle lock).
    options: Handler | None = None


@dataclass(frozen=True)
class ShellActions:
    open_file: QAction  # hidden when no screen opens files
    lock: QAction
    sign_out: QAction
    quit: QAction
    screens: list[QAction]
    policy: QAction
    support: QAction
    about: QAction
    shortcuts: QAction
    options: QAction


def build_status(window: QMainWindow) -> tuple[QLabel, QProgressBar]:
    """The session line and the busy indicator of the status bar."""
    label = QLabel(window)
    label.setObjectName("statusSession")
    label.setAccessibleDescription(translate("MainWindow", "Connection and session status"))
    label.setTextFormat(Qt.TextFormat.PlainText)
    busy = QProgressBar(window)
    busy.setObjectName("busyIndicator")
    busy.setAccessibleName(translate("MainWindow", "Working"))
    busy.setRange(0, 0)
    busy.setMaximumWidth(120)
    busy.hide()
    window.statusBar().addWidget(label, 1)
    window.statusBar().addPermanentWidget(busy)
    return label, busy


def _action(window: QMainWindow, text: str, shortcut: str, slot: Handler,
            name: str) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    window.addAction(action)
    return action


def _nothing() -> None:
    """The slot of an action that is hidden and never triggered."""


def _shower(show: Callable[[str], object], key: str) -> Handler:
    # A closure, not a default argument: `triggered` passes `checked` positionally.
    return lambda: show(key)


def build_menus(window: QMainWindow, screens: Sequence[ScreenSpec],
                on: MenuHandlers) -> ShellActions:
    bar = window.menuBar()
    file_menu = bar.addMenu(translate("MainWindow", "&File"))
    lock = _action(window, translate("MainWindow", "&Lock now"), "Ctrl+L", on.lock, "actionLock")
    sign_out = _action(window, translate("MainWindow", "Sign &out"), "Ctrl+Shift+O",
                       on.sign_out, "actionSignOut")
    quit_ = _action(window, translate("MainWindow", "&Quit"), "Ctrl+Q", on.quit, "actionQuit")
    options = _action(window, translate("MainWindow", "O&ptions…"), "",
                      on.options or _nothing, "actionOptions")
    options.setVisible(on.options is not None)
    open_file = _action(window, translate("MainWindow", "&Open remittance file…"), "Ctrl+O",
                        on.open_file or _nothing, "openRemittanceFile")
    open_file.setVisible(on.open_file is not None)
    if on.open_file is not None:
        file_menu.addAction(open_file)
        file_menu.addSeparator()
    for a in (lock, sign_out):
        file_menu.addAction(a)
    file_menu.addSeparator()
    if on.options is not None:
        file_menu.addAction(options)
        file_menu.addSeparator()
    file_menu.addAction(quit_)
    go = bar.addMenu(translate("MainWindow", "&Go"))
    screen_actions: list[QAction] = []
    for number, spec in enumerate(screens, start=1):
        action = _action(window, spec.label, f"Ctrl+{number}",
                         _shower(on.show_screen, spec.key), spec.action_name)
        go.addAction(action)
        screen_actions.append(action)
    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    policy = _action(window, translate("MainWindow", "&Privacy policy…"), "Ctrl+Shift+P", on.policy,
                     "actionPrivacyPolicy")
    support = _action(window, translate("MainWindow", "&Support contact…"), "F1", on.support,
                      "actionSupport")
    about = _action(window, translate("MainWindow", "&About Claims Desktop"), "Ctrl+Shift+A",
                    on.about, "actionAbout")
    shortcuts = _action(window, translate("MainWindow", "&Keyboard shortcuts…"), "Ctrl+Shift+K",
                        lambda: open_shortcuts(window), "actionShortcuts")
    for a in (policy, support, shortcuts, about):
        help_menu.addAction(a)
    return ShellActions(open_file, lock, sign_out, quit_, screen_actions, policy, support,
                        about, shortcuts, options)
