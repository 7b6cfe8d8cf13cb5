"""Widget tests of the shell's pieces (issue 15): window size, navigation, screen-reader
text, keyboard order, the support contact when the portal is down, the Options dialog."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.portal.errors import ConnectionFailed
from desktop.portal.models import SupportInfo
from desktop.tasks import SyncTaskRunner
from desktop.ui.common.errors import WRONG_CREDENTIALS
from desktop.ui.operations import Operations
from desktop.ui.screen import Screen, ScreenSpec
from desktop.ui.shell.geometry import (
    FRAME_ALLOWANCE,
    MINIMUM,
    fit_into_screens,
    initial_geometry,
)
from desktop.ui.shell.help_menu import HelpMenu
from desktop.ui.shell.idle import IdleWatcher
from desktop.ui.shell.lock_screen import LockScreen
from desktop.ui.shell.login_screen import DemoUser, LoginScreen
from desktop.ui.shell.options import ShellOptions
from desktop.ui.shell.preferences import PreferencesDialog
from desktop.ui.shell.status import PortalReach, Reach, StatusFacts, status_line
from desktop.ui.shell.support import SupportMemory
from desktop.ui.shell.workspace import Workspace
from desktop.ui.viewstate import MemoryViewState

INFO = SupportInfo("Example Health Plan provider help desk", "help@example.test",
                   "1-800-555-0100", "Mon-Fri 8-6", "https://example.test/help")


def name_of(widget: QWidget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


@pytest.mark.parametrize("width,height", [(1024, 600), (1366, 768), (1920, 1080)])
def test_first_window_fits_the_available_screen(width, height):
    # A task bar takes 40 px at the bottom: the window and its frame fit above it.
    available = QRect(0, 0, width, height - 40)
    rect = initial_geometry(available)
    framed = rect.adjusted(-FRAME_ALLOWANCE.width() // 2,
                           -(FRAME_ALLOWANCE.height() - FRAME_ALLOWANCE.width() // 2),
                           FRAME_ALLOWANCE.width() // 2, FRAME_ALLOWANCE.width() // 2)
    assert available.contains(framed), (rect, framed)
    assert rect.width() >= MINIMUM.width() and rect.height() >= MINIMUM.height()
    assert abs(framed.center().x() - available.center().x()) <= 2
    if width >= 1366:
        assert rect.height() >= 600  # sensible, not a postage stamp


class _Blank(Screen):
    def __init__(self, title: str) -> None:
        super().__init__()
        self.title = title


def _specs() -> list[ScreenSpec]:
    return [ScreenSpec("claims", "&Claims", "Search claims", lambda: _Blank("Claims")),
            ScreenSpec("account", "&Account", "Your account settings",
                       lambda: _Blank("Account"))]


def test_navigation_is_push_buttons_in_a_group_with_the_current_one_stated(qtbot):
    ws = Workspace(_specs())
    qtbot.addWidget(ws)
    ws.build_screens()
    ws.switch_to("account")
    group = QAccessible.queryAccessibleInterface(ws.nav_group)
    assert group.role() == QAccessible.Role.Grouping
    assert group.text(QAccessible.Text.Name) == "Screens"
    for key, button in ws.nav.items():
        face = QAccessible.queryAccessibleInterface(button)
        assert face.role() == QAccessible.Role.Button  # was CheckBox
        described = face.text(QAccessible.Text.Description)
        assert ("Current screen" in described) == (key == "account"), described


def test_the_last_screen_comes_back_in_a_new_window():
    view = MemoryViewState()
    first = Workspace(_specs(), view=view)
    first.build_screens()
    first.switch_to("account")
    again = Workspace(_specs(), view=view)
    again.build_screens()
    assert again.current_key == "account"


def test_sign_in_error_is_read_out_and_password_kept_on_network_error(qtbot):
    login = LoginScreen("portal.example.test")
    qtbot.addWidget(login)
    login.username.setText("clerk")
    login.password.setText("a long enough password")
    login.show_error("The claims portal cannot be reached.", keep_password=True)
    assert name_of(login.error) == "The claims portal cannot be reached."
    assert login.password.text() == "a long enough password"
    login.show_error(WRONG_CREDENTIALS)
    assert name_of(login.error) == WRONG_CREDENTIALS
    assert login.password.text() == ""


def test_lock_screen_errors_are_read_out(qtbot):
    lock = LockScreen()
    qtbot.addWidget(lock)
    lock.prepare("Pat Clerk", "You locked Claims Desktop.")
    assert name_of(lock.reason) == "You locked Claims Desktop."
    lock.refused(3)
    assert "3 tries left" in name_of(lock.error)


def _focus_chain(start: QWidget, count: int) -> list[str]:
    names, w = [], start
    while len(names) < count:
        w = w.nextInFocusChain()
        if (w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisible() and w.isEnabled()):
            names.append(w.objectName())
    return names


def test_sign_in_tab_order_and_focus_while_signing_in(qtbot):
    users = [DemoUser("demo1", "demo password one", "Demo Clinic")]
    login = LoginScreen("portal.example.test", users)
    qtbot.addWidget(login)
    login.show()
    qtbot.waitExposed(login)
    assert _focus_chain(login.username, 4) == ["loginPassword", "loginButton",
                                               "registerButton", "verifyButton"]
    login.sign_in.setFocus()
    login.set_busy(True)
    assert login.focusWidget() is login.password  # not the demo "Use" button
    login.set_busy(False)


def test_lock_screen_tab_order(qtbot):
    lock = LockScreen()
    qtbot.addWidget(lock)
    lock.prepare("Pat", "Locked.")
    lock.show()
    qtbot.waitExposed(lock)
    assert _focus_chain(lock.password, 2) == ["unlockButton", "lockSignOutButton"]


def test_status_bar_does_not_claim_a_verified_connection_when_the_portal_is_down():
    down = status_line(StatusFacts("portal.example.test", "TLSv1.3", Reach.UNREACHABLE))
    assert "certificate verified" not in down and "cannot be reached" in down
    up = status_line(StatusFacts("portal.example.test", "TLSv1.3", Reach.ANSWERS))
    assert "TLS 1.3, certificate verified" in up


class _DownApi:
    def get_support(self) -> SupportInfo:
        raise ConnectionFailed()


class _UpApi:
    def get_support(self) -> SupportInfo:
        return INFO


def _help(qtbot, api: object, view: MemoryViewState) -> tuple[QWidget, HelpMenu]:
    window = QWidget()
    qtbot.addWidget(window)
    ops = Operations(api, SyncTaskRunner())  # type: ignore[arg-type]
    menu = HelpMenu(ops, window, ShellOptions("portal.example.test", view=view),
                    working=lambda: False, reach=PortalReach(window),
                    idle=lambda: IdleWatcher(60.0))
    return window, menu


def test_support_contact_is_remembered_for_when_the_portal_is_down(qtbot):
    view = MemoryViewState()
    window, menu = _help(qtbot, _UpApi(), view)
    menu.support()
    box = window.findChild(QMessageBox, "supportDialog")
    assert "1-800-555-0100" in box.text()
    box.deleteLater()
    # A later run, the portal down: the contact kept in the view state is shown, dated.
    window2, menu2 = _help(qtbot, _DownApi(), view)
    menu2.support()
    box2 = window2.findChild(QMessageBox, "supportDialog")
    assert "1-800-555-0100" in box2.text()
    assert "cannot be reached" in box2.text() and "gave on" in box2.text()


def test_support_memory_survives_a_damaged_entry():
    view = MemoryViewState()
    view.save_text("support/contact", "{not json")
    assert SupportMemory(view).info is None
    SupportMemory(view).remember(INFO, datetime(2026, 11, 30, 15, 0, tzinfo=UTC))
    kept = SupportMemory(view)
    assert kept.info == INFO and kept.confirmed_at == datetime(2026, 11, 30, 15, 0, tzinfo=UTC)


def test_options_shorten_the_idle_lock_never_beyond_the_managed_maximum(qtbot):
    view = MemoryViewState()
    saved: list[int] = []
    window, menu = _help(qtbot, _UpApi(), view)
    idle = IdleWatcher(600.0)
    options = ShellOptions("portal.example.test", idle_lock_minutes=10, idle_lock_max=10,
                           save_idle_lock=saved.append, view=view)
    menu = HelpMenu(Operations(_UpApi(), SyncTaskRunner()),  # type: ignore[arg-type]
                    window, options, working=lambda: False, reach=PortalReach(window),
                    idle=lambda: idle)
    menu.preferences()
    dialog = menu.options_dialog
    assert isinstance(dialog, PreferencesDialog)
    dialog.idle.setValue(25)
    assert dialog.idle.value() == 10  # IT's maximum
    dialog.idle.setValue(5)
    dialog.accept()
    assert saved == [5] and idle.timeout_s == 300.0 and options.idle_lock_minutes == 5


class _Screen:
    def __init__(self, rect: QRect) -> None:
        self._rect = rect

    def availableGeometry(self) -> QRect:
        return self._rect


def test_saved_geometry_is_used_only_where_an_attached_screen_shows_it():
    laptop = [_Screen(QRect(0, 0, 1366, 728))]
    # Saved on a 1920x1080 monitor that is gone: not restored there.
    assert fit_into_screens(QRect(1500, 100, 1200, 800), laptop) is None  # type: ignore[arg-type]
    # Slightly too big for the laptop: kept, shrunk and moved to fit whole.
    fitted = fit_into_screens(QRect(20, 20, 1400, 760), laptop)  # type: ignore[arg-type]
    assert fitted is not None and QRect(0, 0, 1366, 728).contains(fitted)


def test_policy_dialog_opens_at_the_top_with_the_focus_in_the_text(qtbot):
    from datetime import UTC, datetime

    from desktop.portal.models import Policy
    from desktop.ui.shell.policy_dialog import PolicyDialog

    body = "# Policy\n\n" + "\n\n".join(f"Paragraph {n} of a long policy." for n in range(200))
    dlg = PolicyDialog(Policy("2026-11-01", datetime(2026, 11, 1, tzinfo=UTC), "Policy", body,
                              "First version."),
                       gate=True)
    qtbot.addWidget(dlg)
    dlg.open()
    qtbot.waitExposed(dlg)
    assert dlg.text.verticalScrollBar().maximum() > 0
    assert dlg.text.verticalScrollBar().value() == 0
    assert dlg.focusWidget() is dlg.text  # not the tab bar
    assert dlg.previous_version is None and dlg.tabs.count() == 1  # no changelog


def test_minutes_are_spelled_out_without_a_plural_catalogue():
    from desktop.ui.shell.idle import minutes_text

    assert minutes_text(1) == "1 minute"
    assert minutes_text(15) == "15 minutes"  # not "15 minute(s)"
