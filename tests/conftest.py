"""Shared fixtures: the offscreen Qt platform and the real reference portal over TLS."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

# Set before anything imports Qt: tests never need a display.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
READY_TIMEOUT_S = 120.0


@dataclass
class Sandbox:
    """A running `python -m sandbox serve` process and what its ready line said."""

    url: str
    ca_bundle: str
    data_dir: Path
    demo_users: list[dict[str, str]]
    process: subprocess.Popen[str] = field(repr=False)

    @property
    def origin(self) -> str:
        return self.url.split("/api/")[0]

    def cli(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run an operator command (`publish-policy`, `activate`, ...) on this sandbox's data."""
        cmd = [sys.executable, "-m", "sandbox", args[0], "--data", str(self.data_dir), *args[1:]]
        return subprocess.run(
            cmd, cwd=ROOT, capture_output=True, text=True, timeout=60, check=check
        )


def start_sandbox(data_dir: Path, *extra: str) -> Sandbox:
    """Start the reference portal on a free loopback port and wait for its ready line."""
    cmd = [
        sys.executable, "-m", "sandbox", "serve",
        "--host", "127.0.0.1", "--port", "0", "--data", str(data_dir), *extra,
    ]
    stderr_log = open(data_dir / "server-stderr.log", "w")
    proc = subprocess.Popen(
        cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=stderr_log, text=True
    )
    assert proc.stdout is not None
    import selectors

    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    if not sel.select(timeout=READY_TIMEOUT_S):
        proc.kill()
        raise RuntimeError("sandbox did not print its ready line in time")
    line = proc.stdout.readline()
    if not line:
        proc.wait(timeout=10)
        log = (data_dir / "server-stderr.log").read_text()[-2000:]
        raise RuntimeError(f"sandbox exited ({proc.returncode}) before ready:\n{log}")
    ready = json.loads(line)
    return Sandbox(
        url=ready["url"],
        ca_bundle=ready["ca_bundle"],
        data_dir=data_dir,
        demo_users=ready["demo_users"],
        process=proc,
    )


def stop_sandbox(sb: Sandbox) -> None:
    if sb.process.poll() is None:
        sb.process.send_signal(signal.SIGTERM)
        try:
            sb.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            sb.process.kill()
            sb.process.wait(timeout=5)
    if sb.process.stdout:
        sb.process.stdout.close()


@pytest.fixture(scope="session")
def sandbox() -> Iterator[Sandbox]:
    """One reference portal for the whole run (default seed, 3,000 claims, no rate limit)."""
    with tempfile.TemporaryDirectory(prefix="claims-sandbox-") as tmp:
        sb = start_sandbox(Path(tmp), "--claims", "3000", "--rate-limit", "0")
        try:
            yield sb
        finally:
            stop_sandbox(sb)
