"""What a clerk's screen reader hears on the sign-in screen, read from the real AT-SPI tree.

The application runs as a clerk runs it (`python -m desktop` against the reference
portal) on Xvfb, in a D-Bus session with the accessibility bus, and the tree is read
over D-Bus from the AT-SPI registry, as Orca reads it (tests/a11y/atspi.py). The
widget tests check `QAccessible` interfaces inside the process; this one checks what
actually reaches the screen reader through Qt's AT-SPI bridge.

On screen, the reader must hear: the application's window; the username and password
fields by name, each labelled by (the AT-SPI labelled-by relation) its on-screen caption,
the password never read out; Sign in as a push
button; and after a refused sign-in the refusal itself, not only a fixed "Problem
with signing in" (issue 15, item 11).
"""

from __future__ import annotations

import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.ui.common.errors import WRONG_CREDENTIALS
from tests.a11y.atspi import Desktop, Node, Reader
from tests.conftest import ROOT, Sandbox

APP_NAME = "Claims Desktop"


def plain_name(node: Node) -> str:
    """A label's words as a reader says them: no trailing colon, any case."""
    return node.name.strip().rstrip(":").strip().casefold()


@pytest.fixture
def running_app(sandbox: Sandbox, tmp_path: Path) -> Iterator[tuple[Reader, Node, Path]]:
    """The real application on Xvfb with AT-SPI; the reader and the application's node."""
    desktop = Desktop().start()
    log_path = tmp_path / "app.log"
    log = open(log_path, "w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--portal-url", sandbox.url,
         "--ca-bundle", sandbox.ca_bundle, "--config-dir", str(tmp_path / "config")],
        cwd=ROOT, env=desktop.env, stdout=log, stderr=subprocess.STDOUT)
    reader = None
    try:
        reader = Reader(desktop.env["DBUS_SESSION_BUS_ADDRESS"])
        app = reader.application(APP_NAME)
        yield reader, app, log_path
    finally:
        if reader is not None:
            reader.close()
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)
        log.close()
        desktop.stop()
        # Shown by pytest when the test failed: what the application said (no secrets:
        # synthetic users, and the app logs no personal data).
        print(log_path.read_text(errors="replace")[-4000:])


def accept_first_launch_policy(reader: Reader, app: Node) -> None:
    """The first launch asks for the privacy policy: accepted as a reader's user would."""
    accept = reader.find(app, lambda n: n.role == "push button" and n.showing
                         and plain_name(n).startswith(("accept", "&accept")),
                         "Accept button of the privacy policy", timeout_s=60)
    reader.press(accept)


@pytest.mark.timeout(300)
def test_screen_reader_hears_the_sign_in_screen(running_app: tuple[Reader, Node, Path]) -> None:
    reader, app, _log = running_app
    accept_first_launch_policy(reader, app)

    window = reader.find(app, lambda n: n.role == "frame" and APP_NAME in n.name,
                         f"window named {APP_NAME!r}")
    assert window.showing, f"the window is not on screen: {window}"

    username = reader.find(window, lambda n: n.role == "text" and n.showing
                           and plain_name(n) == "username", "Username field")
    # Qt's bridge reports a password field as "text" or "password text"; either way it
    # must never read the password out (checked once something is typed).
    password = reader.find(window, lambda n: n.role in ("text", "password text") and n.showing
                           and plain_name(n) == "password", "Password field")
    sign_in = reader.find(window, lambda n: n.role == "push button" and n.showing
                          and plain_name(n) == "sign in", "Sign in push button")

    for field, words in ((username, "username"), (password, "password")):
        labels = reader.labelled_by(field)
        assert any(label.role == "label" and label.showing and plain_name(label) == words
                   for label in labels), (
            f"the {words} field is not labelled by its on-screen label: {labels}")
    reader.type_into(username, "nobody-at-all")
    reader.type_into(password, "not-the-password-of-anyone")
    assert "password-of" not in reader.text_of(password), "the reader reads the password out"
    assert reader.text_of(username) == "nobody-at-all"
    reader.press(sign_in)

    # The refusal must be heard in its own words, on screen: the label's name is its text.
    words = WRONG_CREDENTIALS[:60]
    refusal = reader.find(window, lambda n: n.showing and words in (n.name + n.description),
                          f"sign-in error that says {words!r}…", timeout_s=60)
    assert words in refusal.name, (
        f"the error's words are only in its description, not its name: {refusal}")
