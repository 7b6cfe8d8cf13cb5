"""Composition root: settings -> portal client -> session -> main window.

`launch(argv)` builds and shows the whole application inside an existing
QApplication and returns the main window; `main()` adds the QApplication and
the event loop. Tests and tools embed the real application through `launch`.
"""

from __future__ import annotations

# First of all: PySide6's import hook then reads none of the sources of our modules.
import desktop.ui.pyside_boot  # noqa: F401  # isort: skip

import argparse
import gc
import logging
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QThreadPool, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from desktop import __version__, collector
from desktop.config import SettingsError, default_config_dir, load_settings, save_user_settings
from desktop.crash import CrashHandler
from desktop.portal.deferred import DeferredClient
from desktop.portal.urls import parse_portal_url
from desktop.session import Session
from desktop.tasks import TaskRunner
from desktop.tokenstore import LazyTokenStore
from desktop.ui.common import i18n, style
from desktop.ui.common.i18n import translate
from desktop.ui.context import ScreenContext
from desktop.ui.operations import Operations
from desktop.ui.screen import Screen, ScreenSpec
from desktop.ui.shell.login_screen import DemoUser
from desktop.ui.shell.main_window import MainWindow
from desktop.ui.shell.navigation import ClaimOpener
from desktop.ui.shell.options import ShellOptions
from desktop.ui.shell.os_session import OsSessionEnd
from desktop.ui.shell.status import PortalReach
from desktop.ui.viewstate import FileViewState

if TYPE_CHECKING:
    from desktop.demo import DemoPortal
    from desktop.portal.client import PortalClient
    from desktop.ui.registration.dialog import RegistrationDialog
from desktop.ui.common.text import message

log = logging.getLogger("desktop")

#: Exit codes of `main()`: the app could not start (no portal address, bad settings), and
#: with --exit-after-start, the portal did not answer the first policy fetch.
EXIT_STARTUP_FAILED = 2
EXIT_PORTAL_FAILED = 3
#: The same unexpected-error notice is not shown again within this many seconds.
NOTICE_QUIET_S = 30.0


class StartupError(Exception):
    """The application cannot start; the message is safe to show."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="claims-desktop",
        description="Claims Desktop: find claims and see why they were paid, denied or pending.")
    parser.add_argument("--portal-url", help="portal API address (https://HOST/api/v1)")
    parser.add_argument("--ca-bundle", help="PEM file of the certificate authority to trust")
    parser.add_argument("--config-dir", type=Path,
                        help="use this folder instead of the user settings folder")
    parser.add_argument("--demo", action="store_true",
                        help="start the reference portal with made-up data and use it")
    parser.add_argument("files", nargs="*", type=Path, metavar="FILE.835",
                        help="X12 835 remittance files to open after sign-in (read only)")
    parser.add_argument("--version", action="version", version=f"claims-desktop {__version__}")
    parser.add_argument("--diagnose", action="store_true",
                        help="print where each setting came from, the credential store, the "
                             "trusted certificates and whether the portal answers, then exit "
                             "(1 if something would stop a clerk); needs no display")
    parser.add_argument("--json", action="store_true", help="with --diagnose: print JSON")
    parser.add_argument("--exit-after-start", action="store_true",
                        help="quit once the window is shown and the portal answered the first "
                             "policy fetch: exit 0 if it did, 3 if not (install checks)")
    return parser


def _command_line_settings(args: argparse.Namespace) -> dict[str, object]:
    return {k: v for k, v in (("portal_url", args.portal_url),
                              ("ca_bundle", args.ca_bundle)) if v}


def _exit_after_start(ok: bool) -> None:
    """--exit-after-start: quit the event loop once the first policy fetch has an outcome."""
    log.info("--exit-after-start: the portal %s", "answered" if ok else "did not answer")
    QCoreApplication.exit(0 if ok else EXIT_PORTAL_FAILED)


def origin_of(url: str) -> str:
    """The portal's origin, as the whole client defines it (`desktop.portal.urls`)."""
    return parse_portal_url(url).origin


def _remember_policy(config_dir: Path | None) -> Callable[[str], None]:
    """Keep the last seen policy version (not personal data) in the user settings."""
    def remember(version: str) -> None:
        try:
            save_user_settings(config_dir, {"last_seen_policy_version": version})
        except SettingsError:
            log.warning("could not save the last seen policy version")
    return remember


def _save_idle_lock(config_dir: Path | None) -> Callable[[int], None]:
    """The clerk's own, shorter idle lock (File > Options), in the user settings."""
    def save(minutes: int) -> None:
        try:
            save_user_settings(config_dir, {"idle_lock_minutes": minutes})
        except SettingsError:
            log.warning("could not save the idle lock time")
    return save


def _keep_unsaved_note(config_dir: Path | None) -> Callable[[str | None], None]:
    """Screen names (never data) whose edits the OS's end of the session lost."""
    def keep(note: str | None) -> None:
        try:
            save_user_settings(config_dir, {"unsaved_note": note})
        except SettingsError:
            log.warning("could not save the note about unsaved changes")
    return keep


# The screens' modules load when first needed (at the first sign-in or Register click),
# not at start-up: the sign-in screen comes up sooner.
def _claims_screen(ctx: ScreenContext) -> Screen:
    from desktop.ui.claims.screen import make_claims_screen

    return _frozen(make_claims_screen(ctx))


def _account_screen(ctx: ScreenContext) -> Screen:
    from desktop.ui.account.screen import make_account_screen

    return _frozen(make_account_screen(ctx))


def _frozen(screen: Screen) -> Screen:
    """A screen lives until exit: its objects leave the collector's view, as start-up's do."""
    gc.freeze()
    return screen


def _payments_screen(ctx: ScreenContext) -> Screen:
    from desktop.ui.payments.screen import make_payments_screen

    return make_payments_screen(ctx)


def _batch_screen(ctx: ScreenContext) -> Screen:
    from desktop.ui.batch.screen import make_batch_screen

    return make_batch_screen(ctx)


def _worklist_screen(ctx: ScreenContext) -> Screen:
    from desktop.ui.worklist.screen import make_worklist_screen

    return make_worklist_screen(ctx)


def workspace_screens(ctx: ScreenContext) -> list[ScreenSpec]:
    """The workspace's screens in navigation order (Ctrl+1, Ctrl+2, ...).

    To add a screen: a `Screen` subclass in its own `desktop/ui/<feature>/` package, a
    small builder function like `_claims_screen` above, and an entry here.
    """
    return [
        ScreenSpec("claims", translate("Navigation", "&Claims"),
                   translate("Navigation", "Search claims"), lambda: _claims_screen(ctx)),
        ScreenSpec("account", translate("Navigation", "&Account"),
                   translate("Navigation", "Your account settings"),
                   lambda: _account_screen(ctx)),
        ScreenSpec("payments", translate("Navigation", "&Payments"),
                   translate("Navigation", "Find payments and read remittances"),
                   lambda: _payments_screen(ctx)),
        ScreenSpec("batch", translate("Navigation", "&Batch status"),
                   translate("Navigation", "Check the status of a list of claim numbers"),
                   lambda: _batch_screen(ctx)),
        ScreenSpec("worklist", translate("Navigation", "&Worklist"),
                   translate("Navigation", "Your follow-ups and claims that changed"),
                   lambda: _worklist_screen(ctx)),
    ]


def _registration_dialog(ctx: ScreenContext, version: str,
                         parent: QWidget) -> RegistrationDialog:
    from desktop.ui.registration.dialog import make_registration_dialog

    return make_registration_dialog(ctx, version, parent)


def launch(argv: Sequence[str]) -> QMainWindow:
    """Build and show the application in the running QApplication."""
    args = build_parser().parse_args(list(argv))
    app = QApplication.instance()
    if app is None:
        raise RuntimeError("launch() needs a QApplication")
    QCoreApplication.setApplicationName("Claims Desktop")
    QCoreApplication.setApplicationVersion(__version__)
    style.apply(cast(QApplication, app))
    i18n.install_translator(app)  # the English plural forms, and the clerk's language

    loaded = load_settings(config_dir=args.config_dir)
    overrides = {k: v for k, v in (("portal_url", args.portal_url),
                                   ("ca_bundle", args.ca_bundle)) if v}
    if overrides:
        loaded = loaded.with_overrides(overrides)
    settings = loaded.values
    for problem in loaded.problems:
        log.warning("settings: %s", problem)

    demo: DemoPortal | None = None
    portal_url = settings.portal_url
    ca_bundle = settings.ca_bundle
    if args.demo:
        from desktop.demo import DemoError, start_demo_portal  # --demo only

        try:
            demo = start_demo_portal()
        except DemoError as exc:
            raise StartupError(str(exc)) from exc
        portal_url, ca_bundle = demo.url, demo.ca_bundle
        # For the curious (curl --cacert CA URL/policy); synthetic data, no secrets of anyone.
        print(f"Reference portal: {demo.url}  CA: {demo.ca_bundle}", flush=True)
        app.aboutToQuit.connect(demo.stop)
    if not portal_url:
        raise StartupError(translate(
            "Startup", "No portal address is set. Ask your IT support to set 'portal_url', "
            "or start with --portal-url."))
    def build_client() -> PortalClient:
        from desktop.portal.client import PortalClient

        return PortalClient(portal_url, ca_bundle=ca_bundle,
                            use_system_trust_store=settings.use_system_trust_store,
                            proxy_url=settings.proxy_url)

    # Built by the first call (the policy fetch, on a worker after the first frame): the
    # HTTP/TLS stack is not needed to show the sign-in screen. A refused address (which
    # the settings already refuse) fails that fetch, which the window shows.
    client = cast("PortalClient", DeferredClient(build_client))

    # A background failure nobody handled goes to the one crash handler (logged without
    # its text, the user told), like any other unhandled exception.
    def crash(exc: BaseException) -> None:
        sys.excepthook(type(exc), exc, exc.__traceback__)

    runner = TaskRunner(parent=app, report_unhandled=crash)
    token_store = LazyTokenStore()  # probed by the first worker that needs it
    session = Session(client, token_store, origin_of(portal_url), parent=app)
    reach = PortalReach(app)  # the status bar says when the portal does not answer
    ops = Operations(client, runner, guard=reach.guard(session), report_unhandled=crash)
    # Window geometry, last screen, column widths: not personal, kept beside the settings.
    view = FileViewState(args.config_dir or default_config_dir())

    def sign_out(reason: str) -> None:
        runner.run(session.sign_out, reason)

    opener = ClaimOpener()  # attached to the window below; screens open claims with it
    ctx = ScreenContext(ops=ops, allow_export=settings.allow_export,
                        allow_print=settings.allow_print, sign_out=sign_out,
                        require_mfa=settings.require_mfa, open_claim=opener.open, view=view)
    options = ShellOptions(
        portal_host=parse_portal_url(portal_url).host,
        idle_lock_minutes=settings.idle_lock_minutes,
        idle_lock_max=loaded.idle_lock_max,
        save_idle_lock=_save_idle_lock(args.config_dir),
        last_seen_policy_version=settings.last_seen_policy_version,
        remember_policy_version=_remember_policy(args.config_dir),
        demo_users=[DemoUser(u.username, u.password, u.organization_name)
                    for u in (demo.demo_users if demo else [])],
        screens=workspace_screens(ctx),
        registration=lambda version, parent: _registration_dialog(ctx, version, parent),
        tls_version=lambda: client.tls_version,
        unsaved_note=settings.unsaved_note,
        keep_unsaved_note=_keep_unsaved_note(args.config_dir),
        require_mfa=settings.require_mfa,
        file_screen="payments",
        initial_files=tuple(args.files),
        view=view,
        reach=reach,
    )
    window = MainWindow(session, ops, options)
    opener.attach(window)
    if args.exit_after_start:
        window.portal_answered.connect(_exit_after_start)
    window.demo_portal = demo  # the --demo portal process, if any (stopped on close)
    if demo is not None:
        window.closed.connect(demo.stop)
    if loaded.problems:
        window.show_banner(translate(
            "MainWindow", "Some settings could not be read and safe values are used:")
            + " " + " ".join(loaded.problems))
    window.closed.connect(view.sync)
    window.show()
    # The policy fetch (and with it the HTTP stack, the keyring) starts once the first
    # frame is on screen, so that the worker importing them does not hold the GIL while
    # the sign-in screen is being painted.
    after_first_paint(window, lambda: _first_frame_shown(window))
    # What start-up built (modules, classes, Qt wrappers: ~90,000 objects) lives until
    # exit; left in the collector's oldest generation, every full collection walks it and
    # holds the GIL ~50 ms, a visible stall while 100,000 rows load. Frozen, it is skipped.
    gc.freeze()
    return window


def _first_frame_shown(window: MainWindow) -> None:
    """The collector paused by the entry point comes back (`desktop.collector`), then the
    window's start-up work (the policy fetch) begins."""
    collector.resume()
    window.start()


#: A window that is not painted (mapped on another desktop, say) starts its work anyway.
FIRST_PAINT_WAIT_MS = 500


class _FirstPaint(QObject):
    """Runs `then` once: after `widget` has painted for the first time, or after a wait."""

    def __init__(self, widget: QWidget, then: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Paint:
            self._widget.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # once this paint (the whole frame) is done
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self._widget.removeEventFilter(self)
            then()


def after_first_paint(widget: QWidget, then: Callable[[], None]) -> None:
    _FirstPaint(widget, then)


def notify_user(text: str) -> None:
    """How the crash handler tells the user: a plain-text warning box."""
    message(None, QMessageBox.Icon.Warning, translate("Startup", "Claims Desktop"),
            text).exec()


def main(argv: Sequence[str] | None = None) -> int:
    # The 835 checker runs in a spawned child process; in a frozen bundle that child is
    # this executable again, which must run the check and exit instead of starting up.
    # Not frozen, freeze_support() does nothing, and importing multiprocessing (socket,
    # pickle: ~10 ms) would only delay the first frame.
    if getattr(sys, "frozen", False):
        import multiprocessing

        multiprocessing.freeze_support()
    arguments = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    # Parsed before any QApplication exists: --help, --version and --diagnose need no display.
    args = parser.parse_args(arguments)
    if args.json and not args.diagnose:
        parser.error("--json goes with --diagnose")
    if args.diagnose:
        if args.demo or args.exit_after_start:
            parser.error("--diagnose cannot be combined with --demo or --exit-after-start")
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
        from desktop.diagnose import run_diagnose

        return run_diagnose(config_dir=args.config_dir, overrides=_command_line_settings(args),
                            as_json=args.json)
    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("urllib3").setLevel(logging.WARNING)
    app = style.make_application(sys.argv[0])
    crash = CrashHandler(notify=notify_user, quiet_s=NOTICE_QUIET_S)
    crash.install()
    try:
        window = launch(arguments)
    except StartupError as exc:
        print(f"claims-desktop: {exc}", file=sys.stderr)
        if not args.exit_after_start:  # an unattended check must not wait on a dialog
            message(None, QMessageBox.Icon.Critical, translate(
                "Startup", "Claims Desktop cannot start"), str(exc)).exec()
        return EXIT_STARTUP_FAILED
    # SIGTERM, SIGHUP, SIGINT, a logout or shutdown: the normal sign-out (os_session.py).
    ending = OsSessionEnd(app)
    if isinstance(window, MainWindow):
        ending.install(commit=window.confirm_os_logout)
        ending.ending.connect(window.end_os_session)
        window.closed.connect(app.quit)
    code = app.exec()
    ending.uninstall()
    # Let calls still running on worker threads finish while their receivers exist
    # (--exit-after-start quits with the first answer's delivery still queued).
    QThreadPool.globalInstance().waitForDone(10_000)
    return code
