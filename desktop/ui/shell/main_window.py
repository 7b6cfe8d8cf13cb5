"""The main window: composes the sign-in screen, the workspace, the lock screen and the gates.

It owns the sign-in state machine of the UI (signed out -> gated -> working ->
locked) and nothing else: screens do their own work through the task runner,
the session does the portal work, and the policy gate does the policy dialog.
"""

from __future__ import annotations

import logging
from enum import Enum, StrEnum, auto
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEventLoop, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from desktop.portal.errors import AccountLocked, MfaRequired, PortalError, Unauthenticated
from desktop.session import REASON_REVOKED, Session
from desktop.tasks import Runner
from desktop.ui.common.clipboard import clear_if_ours
from desktop.ui.common.dialogs import DialogShelf, UnsavedChoice, ask_unsaved
from desktop.ui.common.errors import describe, sign_in_message
from desktop.ui.operations import Operations
from desktop.ui.screen import Screen
from desktop.ui.shell.chrome import MenuHandlers, build_menus, build_status
from desktop.ui.shell.geometry import keep_geometry, place_window
from desktop.ui.shell.help_menu import HelpMenu
from desktop.ui.shell.idle import IdleWatcher, minutes_text
from desktop.ui.shell.lock_screen import LockScreen
from desktop.ui.shell.login_screen import LoginScreen
from desktop.ui.shell.mfa_gate import MfaGate
from desktop.ui.shell.options import ShellOptions
from desktop.ui.shell.os_session import EndReason, SessionManagerLike, unsaved_note_text
from desktop.ui.shell.policy_gate import PolicyGate
from desktop.ui.shell.policy_memory import PolicyMemory
from desktop.ui.shell.registration_flow import RegistrationFlow
from desktop.ui.shell.status import PortalReach, StatusFacts, status_line
from desktop.ui.shell.workspace import FileOpening, Workspace

if TYPE_CHECKING:  # annotations only: the models load with the portal client
    from desktop.portal.models import Policy, SignIn, UserInfo

log = logging.getLogger(__name__)

#: Failed unlock attempts before the window signs out instead of asking again.
MAX_UNLOCK_FAILURES = 5
#: How long quitting waits for the server to revoke the session before it goes anyway.
QUIT_REVOKE_WAIT_MS = 8000
REVOKED = str(QT_TRANSLATE_NOOP("MainWindow", "The portal ended your session (was your "
                                "password changed on another computer?)."))
RESUMED = str(QT_TRANSLATE_NOOP("MainWindow", "Claims Desktop was closed without signing "
                                "out (a crash, a power cut or the computer shutting down). "
                                "Enter your password to go on, or sign in as someone else, "
                                "which signs this session out."))


class ShellState(StrEnum):
    """Where the window is in signing in and out (a StrEnum: it reads well in logs)."""

    STARTING = "starting"
    SIGNED_OUT = "signed_out"
    SIGNING_IN = "signing_in"
    GATED = "gated"
    WORKING = "working"
    LOCKED = "locked"
    SIGNING_OUT = "signing_out"
    CLOSED = "closed"


class _Op(Enum):
    START = auto()
    RESUME = auto()
    SIGN_IN = auto()
    UNLOCK = auto()
    SIGN_OUT = auto()
    RECORD_POLICY = auto()


class MainWindow(QMainWindow):
    #: The window has closed for good (after the session was revoked or given up on).
    closed = Signal()
    #: The first policy fetch at start-up had an outcome: True if the portal answered.
    portal_answered = Signal(bool)

    def __init__(self, session: Session, ops: Operations, options: ShellOptions,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("Claims Desktop"))
        self._view = options.view
        place_window(self, self._view)
        self._session = session
        self._root_ops = ops
        self._ops = ops.scope(self)
        self._options = options
        self._state = ShellState.STARTING
        self._closing = False
        self._unlock_failures = 0
        self._told_memory_only = False
        self._username = ""
        self.policies = PolicyMemory(options, self._view)
        self._resume_pending = False
        self._lost_confirmed = False
        self._shelf = DialogShelf(self)
        self.demo_portal: object | None = None

        self.login = LoginScreen(options.portal_host, options.demo_users, self)
        self.lock = LockScreen(self)
        self.workspace = Workspace(options.screens, self, self._view)
        self.workspace.connect_navigation(self.show_screen)
        self.workspace.sign_out_requested.connect(lambda: self.sign_out(self._signed_out()))
        self.files = FileOpening(self.workspace, options, lambda: self._state == ShellState.WORKING)
        # The workspace's parts, by the names automation and tests use.
        self.screens = self.workspace.screens
        self.screen_stack = self.workspace.screen_stack
        self.banner = self.workspace.banner
        self.nav = self.workspace.nav
        self.root = QStackedWidget(self)
        for w in (self.login, self.workspace, self.lock):
            self.root.addWidget(w)
        self.setCentralWidget(self.root)
        self.status_label, self.busy_bar = build_status(self)
        self.reach = options.reach or PortalReach(self)
        self.reach.changed.connect(self._update_status)
        self.help = HelpMenu(ops, self, options, reach=self.reach, idle=lambda: self.idle,
                             working=lambda: self._state == ShellState.WORKING)
        acts = build_menus(self, options.screens, MenuHandlers(
            lock=self.lock_now, sign_out=lambda: self.sign_out(self._signed_out()),
            quit=self.close, show_screen=self.show_screen, policy=self.show_policy,
            support=self.show_support, about=self.show_about, open_file=self.files.handler,
            options=self.help.preferences))
        self.act_lock, self.act_sign_out, self.act_quit = acts.lock, acts.sign_out, acts.quit
        self.screen_actions, self.act_open_file = acts.screens, acts.open_file
        self.act_policy, self.act_support, self.act_about = acts.policy, acts.support, acts.about
        self.act_options = acts.options

        self.gate = PolicyGate(ops, self)
        self.gate.accepted.connect(self._remember_policy)
        self.mfa_gate = MfaGate(ops, self, options.require_mfa)
        self.idle = options.idle_watcher or IdleWatcher(options.idle_lock_minutes * 60.0,
                                                        parent=self)
        self.idle.locked.connect(self._idle_locked)
        self.idle.warning.connect(self._idle_warning)

        for sign_in in (self.login.sign_in_requested, self.login.sign_in_with_code_requested):
            sign_in.connect(self._sign_in)
        self.registration = RegistrationFlow(
            ops, self, self.gate, self.login, options.registration,
            signed_out=lambda: self._state == ShellState.SIGNED_OUT,
            accepted=lambda: self.policies.this_launch, remember=self._remember_policy)
        for unlock in (self.lock.unlock_requested, self.lock.unlock_with_code_requested):
            unlock.connect(self._unlock)
        self.lock.sign_out_requested.connect(self._sign_out_from_lock)
        session.policy_acceptance_required.connect(self._policy_changed)
        session.session_expired.connect(self._session_expired)
        session.signed_out.connect(self._signed_out_elsewhere)
        busy = getattr(ops.runner, "busy_changed", None)
        if busy is not None:
            busy.connect(self._busy)
        self._show_login()

    # ----- state --------------------------------------------------------------------

    @property
    def state(self) -> ShellState:
        return self._state

    @property
    def session(self) -> Session:
        return self._session

    @property
    def runner(self) -> Runner:
        """The task runner (benchmarks wait for it to be idle)."""
        return self._root_ops.runner

    def _set_signed_in_actions(self, on: bool) -> None:
        for a in (self.act_lock, self.act_sign_out, self.act_open_file, *self.screen_actions):
            a.setEnabled(on)

    def _update_status(self) -> None:
        signed_in = self._state in (ShellState.WORKING, ShellState.LOCKED) and self._username
        self.status_label.setText(status_line(StatusFacts(
            self._options.portal_host, self._options.tls_version(), self.reach.state,
            self._username if signed_in else None,
            self._session.token_location if signed_in else "")))

    def _signed_out(self) -> str:
        return self.tr("You are signed out.")

    def _show_root(self, widget: QWidget) -> None:
        """Show the sign-in screen, the workspace or the lock screen. While locked, the
        workspace is taken out of the window altogether: hidden widgets still answer
        through the accessibility tree, and a locked window must not read out claims."""
        if widget is not self.workspace and self._state == ShellState.LOCKED:
            if self.root.indexOf(self.workspace) >= 0:
                self.root.removeWidget(self.workspace)
                self.workspace.setParent(None)
        elif self.root.indexOf(self.workspace) < 0:
            self.root.insertWidget(1, self.workspace)
        self.root.setCurrentWidget(widget)

    def _show_login(self, message_text: str | None = None) -> None:
        self._state = ShellState.SIGNED_OUT
        self._resume_pending = False
        for dialog in self._shelf.shelved:
            dialog.reject()  # nothing of the old session comes back after sign-out
        self._shelf.forget()
        self.mfa_gate.reset()
        self.idle.stop()
        self.login.reset(message_text)
        self._show_root(self.login)
        self._set_signed_in_actions(False)
        self.banner.hide()
        self._update_status()
        self.login.username.setFocus()

    def _enter_workspace(self) -> None:
        if self.mfa_gate.needed(self._session.user):
            self.mfa_gate.require(self._enter_workspace, lambda t: self.sign_out(t, ask=False))
            return
        was_locked, self._resume_pending = self._resume_pending, False
        self.policies.signed_in(self._session.accepted_policy_version)
        self._state = ShellState.WORKING
        self._unlock_failures = 0
        self.workspace.build_screens()
        self._show_root(self.workspace)
        self._set_signed_in_actions(True)
        self.workspace.signed_in_as(self._username)
        self._update_status()
        if not self._session.token_persistent and not self._told_memory_only:
            self._told_memory_only = True
            self.show_banner(self.tr(
                "This computer has no safe place to keep your sign-in, so Claims Desktop "
                "keeps it in memory only, while it is open. You will need to sign in again "
                "each time you start Claims Desktop. Nothing else changes."))
        current_key = self.workspace.current_key
        if current_key is not None:
            self.show_screen(current_key)
        self.idle.start()
        self._shelf.restore()
        if was_locked:
            self._resume_current_screen()

    def show_banner(self, text: str) -> None:
        self.workspace.show_banner(text)

    def show_screen(self, key: str) -> None:
        if self._state == ShellState.WORKING:
            self.workspace.switch_to(key)

    # ----- start-up: first-launch policy, then resume a crashed session --------------

    def start(self) -> None:
        """Called once the window is shown: first-launch policy, then a left-over token."""
        def loaded(policy: Policy) -> None:
            if policy.version != self.policies.last_seen:
                self.gate.require(
                    previous_version=self.policies.last_seen,
                    accepted_at=self.policies.seen_at(),
                    record=lambda _v: None,  # nobody signed in: remembered on this PC
                    on_accepted=self._resume,
                    on_declined=lambda: self._show_login(self.tr(
                        "You need to accept the privacy policy to use Claims Desktop. "
                        "It will be shown again when you sign in.")),
                    on_error=self._show_login)
            else:
                self._resume()

        def failed(exc: PortalError) -> None:
            self.reach.note(exc)
            self.portal_answered.emit(False)
            self._show_login(describe(exc))

        def answered(policy: Policy) -> None:
            self.reach.note(None)
            self.portal_answered.emit(True)
            loaded(policy)

        self._ops.public(_Op.START, lambda api: api.get_policy(), on_success=answered,
                         on_failure=failed)

    def _remember_policy(self, version: str) -> None:
        self.policies.remember(version, signed_out=self._state == ShellState.SIGNED_OUT)

    def _resume(self) -> None:
        """A token left in the credential store opens nothing by itself: its user's
        password (or "Sign in as someone else") on the lock screen decides."""
        note = unsaved_note_text(self._options.unsaved_note)
        if note:
            self._options.unsaved_note = None
            self._options.keep_unsaved_note(None)  # said once
        self._show_login(note or None)

        def resumed(user: UserInfo | None) -> None:
            if user is None or self._state != ShellState.SIGNED_OUT:
                return
            self._username = user.display_name or user.username
            self._lock(f"{self.tr(RESUMED)} {note}".strip(), stored=True)

        def failed(exc: Exception) -> None:
            if self._state == ShellState.SIGNED_OUT:
                self.login.show_error(describe(exc), keep_password=True)

        self._ops.background(_Op.RESUME, self._session.resume, on_success=resumed,
                             on_failure=failed)

    # ----- sign-in, policy gate, sign-out ---------------------------------------------

    def _sign_in(self, username: str, password: str, otp: str | None = None) -> None:
        self._state = ShellState.SIGNING_IN
        self._ops.background(_Op.SIGN_IN,
                             lambda: self._session.sign_in(username, password, otp),
                             on_success=self._after_sign_in, on_failure=self._sign_in_failed)

    def _sign_in_failed(self, exc: Exception) -> None:
        self._state = ShellState.SIGNED_OUT
        self.reach.note(exc)
        if isinstance(exc, MfaRequired):
            self.login.ask_for_code(sign_in_message(exc))
        else:  # only a refusal says the password was wrong; a network error does not
            self.login.show_error(sign_in_message(exc),
                                  keep_password=not isinstance(exc, Unauthenticated))

    def _after_sign_in(self, result: SignIn) -> None:
        self.reach.note(None)
        self._username = result.user.display_name or result.user.username
        self.login.password.clear()
        self._gate_or_enter(result.policy.accepted_version, result.policy.current_version)

    def _declined(self) -> None:
        self.sign_out(self.tr("You declined the privacy policy, so you were signed out."))

    def _gate_or_enter(self, accepted: str | None, current: str | None) -> None:
        first_launch = self.policies.take_before_sign_in()
        if accepted == current:
            self._enter_workspace()
        elif current is not None and first_launch == current:
            # Accepted minutes ago at first launch, by the clerk now signing in: recorded
            # for their account instead of asked a second time.
            self._state = ShellState.GATED
            self._ops.background(_Op.RECORD_POLICY,
                                 lambda: self._session.accept_policy(current),
                                 on_success=lambda _a: self._enter_workspace(),
                                 on_failure=lambda _e: self._gate(accepted))
        else:
            self._state = ShellState.GATED
            self._gate(accepted)

    def _gate(self, accepted: str | None) -> None:
        self.gate.require(previous_version=accepted, signed_in=True,
                          record=self._session.accept_policy,
                          on_accepted=self._enter_workspace, on_declined=self._declined,
                          on_error=lambda text: self.sign_out(text))

    def _policy_changed(self, current_version: str) -> None:
        """Mid-session: the portal's policy changed. Work stays where it is."""
        if self._state not in (ShellState.WORKING, ShellState.LOCKED):
            return
        self.gate.require(
            previous_version=self._session.accepted_policy_version, signed_in=True,
            record=self._session.accept_policy,
            on_accepted=self._policy_accepted_mid_session, on_declined=self._declined,
            on_error=lambda text: self.show_banner(text))

    def _policy_accepted_mid_session(self) -> None:
        self.policies.signed_in(self._session.accepted_policy_version)
        self._resume_current_screen()

    def _resume_current_screen(self) -> None:
        if self._state == ShellState.WORKING:
            current = self.workspace.current_screen()
            if current is not None:
                current.resume()

    def _session_expired(self) -> None:
        if self._state == ShellState.WORKING:
            self._lock(self.tr("Your session on the portal ended. Enter your password to "
                               "go on; what you were doing is kept."))

    def _signed_out_elsewhere(self, reason: str) -> None:
        signed_in = (ShellState.WORKING, ShellState.LOCKED, ShellState.GATED)
        if self._state in signed_in and not self._closing:
            if reason == REASON_REVOKED and self._state != ShellState.GATED:
                # Only this user can unlock, so what was typed stays, as after an expiry.
                if self._state == ShellState.WORKING:
                    self._lock(self.tr(REVOKED) + " " + self.tr(
                        "Enter your password to go on; your work is kept."))
                return
            self._clear_screens()
            self._show_login(self.tr(REVOKED) + " " + self.tr("Please sign in again.")
                             if reason == REASON_REVOKED else reason or self._signed_out())

    def unsaved_screens(self) -> list[Screen]:
        return self.workspace.unsaved_screens()

    def _may_lose_unsaved(self, question: str) -> bool:
        """Ask `question` before signing out or quitting drops unsaved edits."""
        if not self.unsaved_screens() or self._state != ShellState.WORKING:
            return True
        return ask_unsaved(self, question,
                           go_on=self.tr("&Discard changes")) is UnsavedChoice.GO_ON

    def sign_out(self, reason: str, *, ask: bool = True) -> None:
        if self._state == ShellState.SIGNED_OUT:
            return
        if ask and not self._may_lose_unsaved(self.tr(
                "You have changes that are not saved. Sign out and lose them?")):
            return
        self._clear_screens()
        self._state = ShellState.SIGNING_OUT
        self.idle.stop()
        # Whatever happens on the portal, the window goes back to the sign-in screen.
        self._ops.background(_Op.SIGN_OUT, lambda: self._session.sign_out(reason),
                             on_success=lambda _r: self._show_login(reason),
                             on_failure=lambda _e: self._show_login(reason),
                             expected=(Exception,))

    def _clear_screens(self) -> None:
        clear_if_ours()
        self.workspace.clear_screens()

    @property
    def registration_dialog(self) -> QWidget | None:
        return self.registration.dialog

    @property
    def verify_dialog(self) -> QWidget | None:
        return self.registration.verify_dialog

    # ----- idle lock ------------------------------------------------------------------

    def lock_now(self) -> None:
        if self._state == ShellState.WORKING:
            self._lock(self.tr("You locked Claims Desktop. Enter your password to go on."))

    def _idle_locked(self) -> None:
        if self._state == ShellState.WORKING:
            minutes = max(1, round(self.idle.timeout_s / 60))
            self._lock(self.tr("Claims Desktop locked itself after {minutes} without use. "
                               "Enter your password to go on; what you were doing is kept."
                               ).format(minutes=minutes_text(minutes)))

    def _idle_warning(self, seconds_left: int) -> None:
        if self._state == ShellState.WORKING:
            minutes = max(1, round(seconds_left / 60))
            self.show_banner(self.tr("Claims Desktop will lock in about {minutes} unless you "
                                     "use it. Move the mouse or press a key to stay signed in."
                                     ).format(minutes=minutes_text(minutes)))

    def _lock(self, reason: str, *, stored: bool = False) -> None:
        self._state = ShellState.LOCKED
        self._resume_pending = True
        self.idle.stop()
        self.banner.hide()
        clear_if_ours()  # what was copied from the hidden claims goes too
        self.lock.prepare(self._username, reason, stored=stored)
        # Dialogs (support box, policy viewer, a screen's own) would stay on top of the
        # lock with whatever they show: off the screen until the unlock.
        self._shelf.shelve()
        self._show_root(self.lock)
        self._set_signed_in_actions(False)
        self._update_status()

    def _sign_out_from_lock(self) -> None:
        if self.lock.stored:
            self.sign_out(self.tr("The previous session was signed out. Sign in with your "
                                  "own user name."))
        else:
            self.sign_out(self._signed_out())

    def _unlock(self, password: str, otp: str | None = None) -> None:
        def failed(exc: Exception) -> None:
            self.reach.note(exc)
            if isinstance(exc, MfaRequired):
                self.lock.ask_for_code(self.tr("Your session on the portal ended, so the "
                                               "portal asks for your code too.")
                                       + " " + exc.user_message)
                return
            if isinstance(exc, AccountLocked):
                self.sign_out(sign_in_message(exc), ask=False)
                return
            if isinstance(exc, Unauthenticated):
                self._unlock_failures += 1
                if self._unlock_failures >= MAX_UNLOCK_FAILURES:
                    self.sign_out(self.tr("Too many wrong passwords: you were signed out."),
                                  ask=False)
                    return
                left = MAX_UNLOCK_FAILURES - self._unlock_failures
                self.lock.refused(left)
                return
            self.lock.failed(describe(exc))

        self._ops.background(_Op.UNLOCK, lambda: self._session.reauthenticate(password, otp),
                             on_success=self._after_sign_in, on_failure=failed)

    # ----- help and options (help_menu.py) ---------------------------------------------

    def show_policy(self) -> None:
        self.help.policy()

    def show_support(self) -> None:
        self.help.support()

    def show_about(self) -> None:
        self.help.about()

    def _busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)

    # ----- quitting -------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        keep_geometry(self, self._view)
        if self._closing or self._state in (ShellState.SIGNED_OUT, ShellState.STARTING):
            self.idle.stop()
            self._state = ShellState.CLOSED
            event.accept()
            self.closed.emit()
            return
        if not self._may_lose_unsaved(self.tr(
                "You have changes that are not saved. Quit and lose them?")):
            event.ignore()
            return
        event.ignore()
        self._close_signed_out()

    def _close_signed_out(self) -> None:
        """Revoke the session on the server first; the local token goes either way, at
        the latest after QUIT_REVOKE_WAIT_MS."""
        self._closing = True
        self._clear_screens()
        self.idle.stop()
        self.hide()
        self._ops.background(_Op.SIGN_OUT, lambda: self._session.sign_out("exit"),
                             on_success=lambda _r: self._finish_close(),
                             on_failure=lambda _e: self._finish_close(),
                             expected=(Exception,))
        QTimer.singleShot(QUIT_REVOKE_WAIT_MS, self._force_close)

    # ----- the OS ends the session (os_session.py) -----------------------------------

    def confirm_os_logout(self, manager: SessionManagerLike) -> bool:
        """The session manager asks before a logout: where it lets us ask, unsaved edits
        get the usual question (False keeps the user here and cancels the logout)."""
        if not self.unsaved_screens() or self._state != ShellState.WORKING:
            return True
        if not manager.allowsInteraction():
            return True  # end_os_session notes what is lost
        if ask_unsaved(self, self.tr("The computer is signing you out. You have changes that "
                                     "are not saved. Sign out and lose them?"),
                       go_on=self.tr("&Discard changes")) is not UnsavedChoice.GO_ON:
            return False
        self._lost_confirmed = True
        return True

    def end_os_session(self, reason: str) -> None:
        """SIGTERM, SIGHUP, SIGINT or a logout: the normal sign-out, without a question,
        within QUIT_REVOKE_WAIT_MS; unsaved edits are named (never shown) for next start."""
        if self._closing or self._state == ShellState.CLOSED:
            return
        lost = [s.title for s in self.unsaved_screens()]
        if lost and not self._lost_confirmed:
            self._options.keep_unsaved_note(", ".join(lost))
        log.info("signing out: the system ended the session (%s)", reason)
        if self._state in (ShellState.SIGNED_OUT, ShellState.STARTING):
            self._closing = True
            self.close()
            return
        self._close_signed_out()
        if reason == EndReason.LOGOUT:
            # The session manager may end the process once its request returns: wait
            # here (bounded) until the portal revoked the token or the quit timer fired.
            loop = QEventLoop(self)
            self.closed.connect(loop.quit)
            QTimer.singleShot(QUIT_REVOKE_WAIT_MS + 1000, loop.quit)
            loop.exec()

    def _finish_close(self) -> None:
        self.close()

    def _force_close(self) -> None:
        if self.isVisible() or not self._closing:
            return
        self._session.forget_locally()
        self.close()

    def abandon(self, *, keep_token: bool = False) -> None:
        """Close at once without asking the portal to revoke (tests and tools that end
        many windows against one portal). The token is forgotten locally unless
        `keep_token`, which leaves it stored as a crash would."""
        self._closing = True
        self.idle.stop()
        if not keep_token:
            self._session.forget_locally()
        self.close()
