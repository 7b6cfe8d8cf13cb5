"""`make screenshots`: the real application, driven on Xvfb, photographed screen by screen.

    bash .ci/with-keyring.sh .venv/bin/python -m tests.tools.screenshots [--size 1366x768]

For each screen size (1366x768 and 1920x1080 unless `--size` says otherwise) it runs
itself again under `xvfb-run` with Qt's xcb platform (a real X display, real fonts, no
window manager: the window sits where the application puts it), starts a reference
portal of its own (synthetic data, its demo users), and drives the application as a
clerk would: first-launch policy, sign-in, a claim search with results, the status
filter open, a denied and a paid claim, the account screen, a changed policy, and the
portal stopped. The whole screen is grabbed each time, so popups and dialogs are in the
picture and whatever does not fit the screen is visibly cut off. The PNGs go to
docs/screenshots/ as `<size>-<name>.png` (palette PNGs, to keep the repository small).

Widgets are found by objectName. When one is missing (a screen changed), that shot is
skipped with a message naming the widget, the others are still taken, and the command
exits 1 at the end.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"
SIZES = ("1366x768", "1920x1080")
WAIT_S = 30.0
#: The shots, in the order they are taken (and listed in the README).
SHOTS = ("policy-first-launch", "sign-in", "claims-results", "status-filter-open",
         "claim-denied", "claim-paid", "account", "policy-changed", "portal-down")


class ShotError(RuntimeError):
    """A shot could not be taken; the message names what was missing."""


def run_all(sizes: list[str], out: Path) -> int:
    """The parent: one child per size, each on its own Xvfb display."""
    xvfb_run = shutil.which("xvfb-run")
    if xvfb_run is None:
        print("screenshots: xvfb-run not found: run `bash .ci/system-deps.sh test`",
              file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    failed = 0
    for size in sizes:
        env = dict(os.environ, QT_QPA_PLATFORM="xcb", QT_SCALE_FACTOR="1",
                   QT_ENABLE_HIGHDPI_SCALING="0")
        command = [xvfb_run, "-a", "-s", f"-screen 0 {size}x24 -nolisten tcp",
                   sys.executable, "-m", "tests.tools.screenshots", "--child", size,
                   "--out", str(out)]
        print(f"screenshots: {size}", flush=True)
        failed |= subprocess.run(command, cwd=ROOT, env=env, check=False).returncode
    return 1 if failed else 0


# --- the child: one screen size ------------------------------------------------------------


def main_child(size: str, out: Path) -> int:
    from PySide6.QtWidgets import QApplication

    from tests.conftest import start_sandbox, stop_sandbox

    app = QApplication([sys.argv[0]])
    with tempfile.TemporaryDirectory(prefix="claims-shots-") as tmp:
        data = Path(tmp) / "portal"
        data.mkdir()
        sandbox = start_sandbox(data, "--claims", "3000", "--rate-limit", "0")
        try:
            shots = Shots(app, sandbox, size, out, Path(tmp))
            shots.take_all()
        finally:
            stop_sandbox(sandbox)
    for problem in shots.problems:
        print(f"screenshots: {size}: {problem}", file=sys.stderr)
    return 1 if shots.problems else 0


class Shots:
    """Drives one application window through the shots of one screen size."""

    def __init__(self, app: object, sandbox: object, size: str, out: Path,
                 tmp: Path) -> None:
        from tests.conftest import Sandbox

        assert isinstance(sandbox, Sandbox)
        self.app = app
        self.sandbox = sandbox
        self.size = size
        self.out = out
        self.tmp = tmp
        self.window: object = None
        self.problems: list[str] = []

    # -- plumbing ------------------------------------------------------------------------

    @staticmethod
    def wait(ms: int) -> None:
        from PySide6.QtTest import QTest

        QTest.qWait(ms)

    def wait_until(self, condition: Callable[[], object], what: str,
                   timeout_s: float = WAIT_S) -> None:
        deadline = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() > deadline:
                raise ShotError(f"waited {timeout_s:.0f} s for {what}")
            self.wait(50)

    def find(self, name: str, kind: type | None = None, root: object = None) -> object:
        """The visible widget called `name` (in the window or any top-level window)."""
        from PySide6.QtWidgets import QApplication, QWidget

        wanted = kind or QWidget
        roots = [root] if root is not None else QApplication.topLevelWidgets()
        for top in roots:
            if not isinstance(top, QWidget):
                continue
            # Several screens may reuse a widget (and its name): the one on screen counts.
            candidates = [top] if top.objectName() == name else top.findChildren(wanted, name)
            for found in candidates:
                if isinstance(found, wanted) and found.isVisible():
                    return found
        raise ShotError(f"no visible {wanted.__name__} named {name!r}")

    def click(self, name: str) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QAbstractButton

        button = self.find(name, QAbstractButton)
        assert isinstance(button, QAbstractButton)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    def type_into(self, name: str, text: str) -> None:
        from PySide6.QtWidgets import QLineEdit

        edit = self.find(name, QLineEdit)
        assert isinstance(edit, QLineEdit)
        edit.setFocus()
        edit.setText(text)

    def save(self, shot: str) -> None:
        """The whole X screen, as a palette PNG (UI colours fit in 256)."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QGuiApplication, QImage

        self.wait(400)  # the last paint, the popup's animation
        screen = QGuiApplication.primaryScreen()
        image = screen.grabWindow(0).toImage().convertToFormat(
            QImage.Format.Format_Indexed8,
            Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither)
        path = self.out / f"{self.size}-{shot}.png"
        if not image.save(str(path), "PNG", 0):
            raise ShotError(f"could not write {path}")
        print(f"  {path}  ({path.stat().st_size // 1024} KB)", flush=True)

    def shot(self, name: str, steps: Callable[[], None]) -> None:
        try:
            steps()
            self.save(name)
        except ShotError as exc:
            self.problems.append(f"{name}: {exc}")

    # -- the application -----------------------------------------------------------------

    def launch(self, config: str) -> None:
        from desktop.app import launch

        self.window = launch(["--portal-url", self.sandbox.url, "--ca-bundle",
                              self.sandbox.ca_bundle, "--config-dir", str(self.tmp / config)])

    @property
    def state(self) -> str:
        return str(getattr(self.window, "state", ""))

    def policy_dialog(self) -> object:
        return self.find("policyDialog")

    def accept_policy(self) -> None:
        self.click("policyAcceptButton")
        self.wait_until(lambda: not self._visible("policyDialog"), "the policy dialog to close")

    def _visible(self, name: str) -> bool:
        try:
            self.find(name)
        except ShotError:
            return False
        return True

    def show_tab(self, root: object, words: str) -> None:
        """Select the tab of `root` whose text contains `words` (the policy's changes)."""
        from PySide6.QtWidgets import QTabWidget, QWidget

        assert isinstance(root, QWidget)
        for tabs in root.findChildren(QTabWidget):
            for i in range(tabs.count()):
                if words.casefold() in tabs.tabText(i).replace("&", "").casefold():
                    tabs.setCurrentIndex(i)
                    return
        raise ShotError(f"no tab saying {words!r} in {root.objectName()!r}")

    def sign_in(self) -> None:
        demo = self.sandbox.demo_users[0]
        self.type_into("loginUsername", demo["username"])
        self.type_into("loginPassword", demo["password"])
        self.click("loginButton")
        self.wait_until(lambda: self._visible("policyDialog") or self.state == "working",
                        "the sign-in to finish")
        if self._visible("policyDialog"):
            self.accept_policy()
        self.wait_until(lambda: self.state == "working", "the workspace")

    def show_screen(self, key: str) -> None:
        show = getattr(self.window, "show_screen", None)
        if callable(show):
            show(key)
        else:
            self.click(f"nav{key.capitalize()}")
        self.wait(300)

    def table_rows(self) -> int:
        from PySide6.QtWidgets import QAbstractItemView

        table = self.find("claimsTable", QAbstractItemView)
        assert isinstance(table, QAbstractItemView)
        model = table.model()
        return model.rowCount() if model is not None else 0

    def first_row(self) -> str:
        """The first row's cells, joined (to see that a new search has arrived)."""
        from PySide6.QtWidgets import QAbstractItemView

        table = self.find("claimsTable", QAbstractItemView)
        assert isinstance(table, QAbstractItemView)
        model = table.model()
        if model is None or model.rowCount() == 0:
            return ""
        return " ".join(str(model.index(0, c).data() or "") for c in range(model.columnCount()))

    def search(self, claim_number: str = "") -> None:
        self.show_screen("claims")
        self.type_into("searchClaimNumber", claim_number)
        self.click("searchButton")
        if claim_number:
            self.wait_until(lambda: self.table_rows() == 1 and claim_number in self.first_row(),
                            f"claim {claim_number} alone in claimsTable")
        else:
            self.wait_until(lambda: self.table_rows() > 1, "search results in claimsTable")
        self.wait(300)

    def open_first_claim(self) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QAbstractItemView

        table = self.find("claimsTable", QAbstractItemView)
        assert isinstance(table, QAbstractItemView)
        table.setFocus()
        index = table.model().index(0, 0)
        table.setCurrentIndex(index)
        QTest.keyClick(table, Qt.Key.Key_Return)
        self.wait(300)
        if not self._visible("claimDetail"):  # Return went elsewhere: a double click
            rect = table.visualRect(index)
            QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton,
                              Qt.KeyboardModifier.NoModifier, rect.center())
        self.wait_until(lambda: self._visible("claimDetail"), "the claim detail (claimDetail)")
        self.wait(800)  # the code words arrive

    def recent_claim(self, category: str) -> str:
        """A claim of demo user 0's TIN in the default search's 90 days, of `category`."""
        from tests.e2e.portal_helpers import read_only_db

        tin = self.sandbox.demo_users[0]["tin"].replace("-", "")
        start = (date.today() - timedelta(days=85)).isoformat()
        with read_only_db(self.sandbox) as conn:
            row = conn.execute(
                "SELECT c.claim_number FROM claims c JOIN organizations o ON o.id = c.org_id"
                " WHERE replace(o.tin, '-', '') = ? AND c.category = ? AND c.service_from >= ?"
                " ORDER BY c.service_from DESC LIMIT 1", (tin, category, start)).fetchone()
        if row is None:
            raise ShotError(f"the sandbox has no recent {category} claim for demo user 0")
        return str(row[0])

    def open_status_filter(self) -> None:
        """Open `searchStatus`: a combo box's list, a button's popup, or (a control that
        stays on screen, with presets) its button for the X12 categories, if it has one."""
        from PySide6.QtWidgets import QAbstractButton, QComboBox, QWidget

        picker = self.find("searchStatus")
        if isinstance(picker, QComboBox):
            picker.showPopup()
        elif isinstance(picker, QAbstractButton):
            picker.click()
        elif isinstance(picker, QWidget):
            more = [b for b in picker.findChildren(QAbstractButton) if b.isVisible() and any(
                w in b.text().replace("&", "").casefold() for w in ("x12", "categor", "more"))]
            if more:
                more[0].click()
            # else: the presets are on screen as they are; the shot shows them.
        self.wait(500)

    def close_popups(self) -> None:
        from PySide6.QtWidgets import QApplication

        popup = QApplication.activePopupWidget()
        while popup is not None:
            popup.close()
            self.wait(100)
            popup = QApplication.activePopupWidget()

    def publish_new_policy(self) -> None:
        """A new policy version on the portal: the current text with one section changed."""
        from tests.e2e.portal_helpers import Client

        current = Client(self.sandbox).get("/policy").json()
        body = str(current.get("body") or current.get("body_markdown") or "")
        lines = body.splitlines()
        changed = [*lines[:8], "",
                   "We now keep the audit log of sign-ins for **seven years** instead of six.",
                   *lines[8:]]
        changed = [line for line in changed if "six years" not in line]
        body_file = self.tmp / "policy-next.md"
        body_file.write_text("\n".join(changed) + "\n", encoding="utf-8")
        version = date.today().isoformat()
        if version == current.get("version"):
            version += ".1"
        self.sandbox.cli("publish-policy", "--version", version, "--title",
                         str(current.get("title") or "Privacy Policy"), "--summary",
                         "Audit logs are kept seven years.", "--body-file", str(body_file))

    def take_all(self) -> None:
        self.launch("clerk")
        self.shot("policy-first-launch", lambda: self.wait_until(
            lambda: self._visible("policyDialog"), "the first-launch policy dialog"))
        self.shot("sign-in", lambda: (self.accept_policy(), self.wait_until(
            lambda: self._visible("loginScreen"), "the sign-in screen")))
        try:
            self.sign_in()
        except ShotError as exc:
            self.problems.append(f"sign-in: {exc}; the remaining shots need it")
            return
        self.shot("claims-results", self.search)
        self.shot("status-filter-open", self.open_status_filter)
        self.close_popups()
        for shot, category in (("claim-denied", "F2"), ("claim-paid", "F1")):
            self.shot(shot, lambda c=category: (self.search(self.recent_claim(c)),
                                                self.open_first_claim()))
        self.shot("account", lambda: self.show_screen("account"))
        self.shot("policy-changed", self.policy_changed)
        if self._visible("policyDialog"):
            self.accept_policy()
        self.shot("portal-down", self.portal_down)
        abandon = getattr(self.window, "abandon", None)
        if callable(abandon):
            abandon()

    def policy_changed(self) -> None:
        self.publish_new_policy()
        self.show_screen("claims")
        self.click("searchButton")  # the next call meets the new policy
        self.wait_until(lambda: self._visible("policyDialog"), "the changed-policy dialog")
        self.show_tab(self.policy_dialog(), "changed")

    def portal_down(self) -> None:
        from tests.conftest import stop_sandbox

        self.search()
        stop_sandbox(self.sandbox)
        self.click("searchButton")
        self.wait_until(lambda: self._visible("claimsRetry"), "the retry button (claimsRetry)",
                        timeout_s=60)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", action="append", help="WIDTHxHEIGHT (default: both)")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return main_child(args.child, args.out)
    return run_all(args.size or list(SIZES), args.out)


if __name__ == "__main__":
    sys.exit(main())
