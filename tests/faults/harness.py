"""The real application, launched through `desktop.app.launch`, against a `FaultProxy`.

Shared by the fault catalogue and the bad-input walk: fixtures for the private
sandbox, the proxy and its CA, plus helpers that drive the window the way a clerk
does (accept the first-launch policy, sign in, search, open the account).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import trustme
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

import desktop.portal.client
from desktop.app import launch
from desktop.portal.client import PortalClient
from desktop.ui.account.screen import AccountScreen
from desktop.ui.claims.screen import ClaimsScreen
from desktop.ui.shell.main_window import MainWindow
from tests.conftest import Sandbox
from tests.e2e.portal_helpers import User, private_sandbox, register
from tests.faults.proxy import FaultProxy, fault_proxy
from tests.ui.shell_helpers import close_window
from tests.unit.portal.faultserver import Pki

WAIT_MS = 20_000


# --- fixtures ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def fault_pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    ca = trustme.CA(organization_name="Fictional Fault Test CA")
    ca_file = tmp_path_factory.mktemp("fault-pki") / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    return Pki(ca=ca, ca_file=str(ca_file), leaf=ca.issue_cert("127.0.0.1", "localhost"))


@pytest.fixture(scope="module")
def fault_sandbox() -> Iterator[Sandbox]:
    with private_sandbox("--rate-limit", "0", claims=200) as sb:
        yield sb


@pytest.fixture(scope="module")
def proxy(fault_sandbox: Sandbox, fault_pki: Pki) -> Iterator[FaultProxy]:
    with fault_proxy(fault_sandbox, fault_pki.leaf) as p:
        yield p


@pytest.fixture
def clean_proxy(proxy: FaultProxy) -> Iterator[FaultProxy]:
    proxy.clear()
    yield proxy
    proxy.clear()


# --- launching -----------------------------------------------------------------------------


def quick_client(**options: Any) -> Callable[..., PortalClient]:
    """`PortalClient` as the app builds it, with quick retries (and whatever else given)."""
    options.setdefault("backoff_s", (0.05, 0.1))

    def make(*args: Any, **kwargs: Any) -> PortalClient:
        return PortalClient(*args, **{**kwargs, **options})
    return make


class Windows:
    """Windows a test opened; closed at the end without prompts or round trips."""

    def __init__(self) -> None:
        self.opened: list[MainWindow] = []
        self._patch = pytest.MonkeyPatch()

    def open(self, url: str, ca_file: str | None, config_dir: Path) -> MainWindow:
        args = ["--portal-url", url, "--config-dir", str(config_dir)]
        if ca_file:
            args += ["--ca-bundle", ca_file]
        # The app builds its client at its first call, after launch() has returned: the
        # quick client stays in place for as long as the windows are open.
        self._patch.setattr(desktop.portal.client, "PortalClient", quick_client())
        w = launch(args)
        assert isinstance(w, MainWindow)
        self.opened.append(w)
        return w

    def close_all(self) -> None:
        for w in self.opened:
            close_quietly(w)
        self.opened.clear()
        self._patch.undo()


def close_quietly(w: MainWindow) -> None:
    close_window(w)  # no round trip; no token may be resumed by the next window


@pytest.fixture
def windows() -> Iterator[Windows]:
    opened = Windows()
    yield opened
    opened.close_all()


# --- driving the window --------------------------------------------------------------------


def accept_first_launch(qtbot: Any, w: MainWindow) -> None:
    qtbot.waitUntil(lambda: w.gate.dialog is not None, timeout=WAIT_MS)
    dialog = w.gate.dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.gate.dialog is None and w.state == "signed_out", timeout=WAIT_MS)


def sign_in(qtbot: Any, w: MainWindow, username: str, password: str) -> None:
    """Sign in through the login screen and the policy gate, if it shows."""
    qtbot.waitUntil(w.login.sign_in.isEnabled, timeout=WAIT_MS)  # a disabled one ignores it
    w.login.username.setText(username)
    w.login.password.setText(password)
    qtbot.mouseClick(w.login.sign_in, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.gate.dialog is not None or w.state == "working", timeout=WAIT_MS)
    if w.gate.dialog is not None:
        qtbot.mouseClick(w.gate.dialog.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.state == "working", timeout=WAIT_MS)


def signed_in_window(qtbot: Any, windows: Windows, proxy: FaultProxy, ca_file: str,
                     tmp_path: Path, user: User | None = None) -> tuple[MainWindow, User]:
    user = user or register(proxy.upstream)
    w = windows.open(proxy.url, ca_file, tmp_path / "config")
    accept_first_launch(qtbot, w)
    sign_in(qtbot, w, user.username, user.password)
    return w, user


def click(qtbot: Any, root: QWidget, name: str) -> None:
    button = root.findChild(QAbstractButton, name)
    assert button is not None, name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def line_edit(root: QWidget, name: str) -> QLineEdit:
    widget = root.findChild(QLineEdit, name)
    assert widget is not None, name
    return widget


def shown_text(root: QWidget, name: str) -> str:
    widget = root.findChild(QLabel, name)
    assert widget is not None, name
    return widget.text() if widget.isVisibleTo(root) else ""


def claims_screen(qtbot: Any, w: MainWindow) -> ClaimsScreen:
    click(qtbot, w, "navClaims")
    screen = w.screens["claims"]
    assert isinstance(screen, ClaimsScreen)
    return screen


def account_screen(qtbot: Any, w: MainWindow) -> AccountScreen:
    click(qtbot, w, "navAccount")
    screen = w.screens["account"]
    assert isinstance(screen, AccountScreen)
    qtbot.waitUntil(lambda: screen.account is not None, timeout=WAIT_MS)
    return screen


def us(d: date) -> str:
    return f"{d.month:02d}/{d.day:02d}/{d.year}"


def fill_search(screen: ClaimsScreen) -> dict[str, str]:
    """Criteria a clerk typed (a year of claims, any patient); returns the form's texts."""
    today = date.today()
    screen.form.set_values(service_from=us(today - timedelta(days=360)), service_to=us(today))
    return form_texts(screen)


def form_texts(screen: ClaimsScreen) -> dict[str, str]:
    texts = {attr: f.edit.text() for attr, f in screen.form.fields.items()}
    texts["statuses"] = repr(screen.form.status.selected())
    return texts


def run_search(qtbot: Any, screen: ClaimsScreen) -> None:
    qtbot.mouseClick(screen.form.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not screen.searching, timeout=WAIT_MS)


def search_settled(screen: ClaimsScreen) -> bool:
    return not screen.searching and screen.model.searched


def set_deadline(w: MainWindow, seconds: float) -> Callable[[], None]:
    """Shorten the running client's deadline and read timeout; returns the undo."""
    transport = w.session.client.transport
    before = transport.config
    transport.config = dataclasses.replace(before, deadline_s=seconds, read_timeout_s=seconds)

    def undo() -> None:
        transport.config = before
    return undo
