"""What the composition root (`desktop.app.launch`) tells the main window at start."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.ui.screen import ScreenSpec
from desktop.ui.shell.idle import IdleWatcher
from desktop.ui.shell.login_screen import DemoUser
from desktop.ui.viewstate import MemoryViewState, ViewState

if TYPE_CHECKING:
    from desktop.ui.registration.dialog import RegistrationDialog
    from desktop.ui.shell.status import PortalReach


def _choose_remittance(parent: QWidget) -> list[str]:
    """File > Open remittance's file dialog (QFileDialog loads when first opened)."""
    from desktop.ui.shell.files import choose_remittance

    return choose_remittance(parent)


@dataclass
class ShellOptions:
    portal_host: str
    idle_lock_minutes: int = 15
    #: The longest idle lock the clerk may choose (IT's managed value, else the default).
    idle_lock_max: int = 15
    #: Keeps the clerk's own, shorter idle lock in the user settings (Options).
    save_idle_lock: Callable[[int], None] = lambda _m: None
    last_seen_policy_version: str | None = None
    remember_policy_version: Callable[[str], None] = lambda _v: None
    demo_users: Sequence[DemoUser] = ()
    #: The workspace screens in navigation order (Ctrl+1, Ctrl+2, ...).
    screens: Sequence[ScreenSpec] = ()
    #: The negotiated TLS version of the last answer, for the status bar.
    tls_version: Callable[[], str | None] = lambda: None
    idle_watcher: IdleWatcher | None = None
    #: Builds the registration dialog for the policy version accepted in this launch.
    registration: Callable[[str, QWidget], RegistrationDialog] | None = None
    #: Screens whose edits the OS's end of the last session lost (said once at start).
    unsaved_note: str | None = None
    #: Keeps (or with None clears) that note in the user settings for the next start.
    keep_unsaved_note: Callable[[str | None], None] = lambda _n: None
    #: IT's managed setting: two-step sign-in before any work (see `mfa_gate`).
    require_mfa: bool = False
    #: The screen that opens files (File > Open remittance file…, the command line).
    file_screen: str | None = None
    #: Files named on the command line, opened once after the first sign-in.
    initial_files: Sequence[Path] = ()
    #: Asks which files to open (a test replaces the dialog).
    choose_files: Callable[[QWidget], list[str]] = _choose_remittance
    #: Window geometry, the last screen and the support contact, kept between runs.
    view: ViewState = field(default_factory=MemoryViewState)
    #: Whether the portal answers (noted by the guard around every authenticated call).
    reach: PortalReach | None = None
