"""Kill the client, start it again: the claims never come back without a password (issue 14).

A real process (`desktop.app.main` through tests/security/app_child.py, offscreen) signs
in to a private sandbox through the sign-in screen and keeps its token in the real
gnome-keyring of .ci/with-keyring.sh. It is killed with SIGKILL (as by a crash or a power
cut), and the next start must show the lock screen with no workspace screen built. The
same is checked with a locked window at the moment of the kill. SIGTERM, SIGHUP and
SIGINT instead make it sign out by itself: the token is revoked and deleted, and the next
start shows the sign-in screen.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from desktop.app import origin_of
from tests.conftest import Sandbox
from tests.e2e.portal_helpers import User, private_sandbox, register
from tests.security.leakscan import secret_service_secrets

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(240)]

WAIT_S = 60.0


@dataclass
class Child:
    """One client process and the state lines it prints."""

    proc: subprocess.Popen[str]
    lines: queue.Queue[str] = field(default_factory=queue.Queue)
    seen: list[str] = field(default_factory=list)

    def wait_for(self, prefix: str) -> str:
        while True:
            try:
                line = self.lines.get(timeout=WAIT_S)
            except queue.Empty:
                raise AssertionError(f"no {prefix!r} within {WAIT_S} s; saw {self.seen}") \
                    from None
            self.seen.append(line)
            if line.startswith(prefix):
                return line
            if line.startswith("exit="):
                raise AssertionError(f"exited before {prefix!r}; saw {self.seen}")

    def stop(self, sig: signal.Signals) -> int:
        self.proc.send_signal(sig)
        return self.proc.wait(timeout=WAIT_S)


@pytest.fixture(scope="module")
def kill_sandbox() -> Iterator[Sandbox]:
    with private_sandbox("--rate-limit", "0", claims=300) as sb:
        yield sb


@pytest.fixture
def children() -> Iterator[list[Child]]:
    started: list[Child] = []
    yield started
    for child in started:
        if child.proc.poll() is None:
            child.proc.kill()
            child.proc.wait(timeout=WAIT_S)


def start_client(sb: Sandbox, config: Path, children: list[Child],
                 user: User | None = None) -> Child:
    argv = [sys.executable, "-m", "tests.security.app_child"]
    if user is not None:
        argv += ["--sign-in", user.username, user.password]
    argv += ["--", "--portal-url", sb.url, "--ca-bundle", sb.ca_bundle,
             "--config-dir", str(config)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=None,
                            stdin=subprocess.DEVNULL, text=True, env=env,
                            cwd=Path(__file__).resolve().parents[2])
    child = Child(proc)

    def pump() -> None:
        assert proc.stdout is not None
        for line in proc.stdout:
            child.lines.put(line.strip())

    threading.Thread(target=pump, daemon=True).start()
    children.append(child)
    return child


def signed_in_child(sb: Sandbox, config: Path, children: list[Child]) -> tuple[Child, User]:
    user = register(sb)
    child = start_client(sb, config, children, user)
    line = child.wait_for("state=working")
    assert "page=workspace" in line
    secrets = secret_service_secrets(origin_of(sb.url))
    assert secrets is not None, "no Secret Service: run under .ci/with-keyring.sh"
    assert len(secrets) == 1, "the signed-in client keeps its token in the keyring"
    return child, user


def assert_next_start_is_locked(sb: Sandbox, config: Path, children: list[Child]) -> None:
    child = start_client(sb, config, children)
    line = child.wait_for("state=locked")
    assert line == "state=locked page=lockScreen screens=0", line
    assert not any("state=working" in s for s in child.seen), child.seen
    child.stop(signal.SIGKILL)


def test_sigkill_then_restart_shows_the_lock_not_the_claims(kill_sandbox, tmp_path,
                                                            children):
    config = tmp_path / "config"
    first, _user = signed_in_child(kill_sandbox, config, children)
    assert first.stop(signal.SIGKILL) == -signal.SIGKILL
    assert_next_start_is_locked(kill_sandbox, config, children)
    # Killed again while locked: still locked next time, the token still needs a password.
    assert_next_start_is_locked(kill_sandbox, config, children)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT],
                         ids=lambda s: s.name)
def test_the_os_ending_the_session_signs_out(kill_sandbox, tmp_path, children, sig):
    """SIGTERM (logout, shutdown, `kill`), SIGHUP (terminal gone), SIGINT (Ctrl+C): the
    process signs out by itself within a bounded time; nothing is left to resume."""
    config = tmp_path / "config"
    first, _user = signed_in_child(kill_sandbox, config, children)
    origin = origin_of(kill_sandbox.url)
    [token] = secret_service_secrets(origin) or [None]
    assert token
    first.proc.send_signal(sig)
    assert first.proc.wait(timeout=15) == 0, "the client should quit by itself, at once"
    assert secret_service_secrets(origin) == []
    assert token_answers(kill_sandbox, token) == 401, "the token must be revoked"
    nxt = start_client(kill_sandbox, config, children)
    line = nxt.wait_for("state=signed_out")
    assert line == "state=signed_out page=loginScreen screens=0", line
    nxt.stop(signal.SIGKILL)


def token_answers(sb: Sandbox, token: str) -> int:
    import requests

    s = requests.Session()
    s.trust_env = False
    return s.get(f"{sb.url}/account", verify=sb.ca_bundle, timeout=10,
                 headers={"Authorization": f"Bearer {token}"}).status_code
