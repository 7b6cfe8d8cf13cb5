"""`--demo`: start the reference portal as a separate process and point the client at it.

Nothing in `desktop/` imports `sandbox/`; the portal runs as
`python -m sandbox serve` with the same interpreter, in a data folder under
the user data dir, and is stopped when the client exits. Its data is the
sandbox's synthetic seed, not anyone's real information.
"""

from __future__ import annotations

import json
import logging
import selectors
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

log = logging.getLogger(__name__)

READY_TIMEOUT_S = 180.0


class DemoError(RuntimeError):
    """The reference portal could not be started; the message is safe to show."""


@dataclass(frozen=True)
class DemoUserInfo:
    username: str
    password: str
    organization_name: str


@dataclass
class DemoPortal:
    url: str
    ca_bundle: str
    demo_users: list[DemoUserInfo]
    process: subprocess.Popen[str] = field(repr=False)

    def stop(self) -> None:
        """Stop the portal (SIGTERM, then kill); safe to call twice."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        if self.process.stdout is not None:
            self.process.stdout.close()


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir("claims-desktop", appauthor=False)) / "demo-portal"


def start_demo_portal(data_dir: Path | None = None, timeout_s: float = READY_TIMEOUT_S,
                      extra_args: tuple[str, ...] = ()) -> DemoPortal:
    data = data_dir or default_data_dir()
    data.mkdir(parents=True, exist_ok=True, mode=0o700)
    cmd = [sys.executable, "-m", "sandbox", "serve", "--host", "127.0.0.1", "--port", "0",
           "--data", str(data), *extra_args]
    try:
        # The portal's log (no secrets, no patient data) goes to our stderr for the curious.
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stdin=subprocess.DEVNULL,  # noqa: S603
                                text=True)
    except OSError as exc:
        raise DemoError("The reference portal could not be started.") from exc
    assert proc.stdout is not None
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    ready = sel.select(timeout=timeout_s)
    sel.close()
    line = proc.stdout.readline() if ready else ""
    try:
        info = json.loads(line)
        users = [DemoUserInfo(str(u["username"]), str(u["password"]),
                              str(u.get("organization_name", "")))
                 for u in info["demo_users"]]
        portal = DemoPortal(str(info["url"]), str(info["ca_bundle"]), users, proc)
    except (ValueError, KeyError, TypeError) as exc:
        proc.kill()
        proc.wait(timeout=5)
        raise DemoError(
            "The reference portal did not start. Is the 'sandbox' extra installed "
            "(pip install 'claims-desktop[sandbox]')?"
        ) from exc
    log.info("reference portal started (pid %s)", proc.pid)
    return portal
