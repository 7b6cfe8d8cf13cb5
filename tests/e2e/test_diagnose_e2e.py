"""`--diagnose` against the real reference portal over TLS: reachability, TLS, certificate, policy.

Also runs `python -m desktop --diagnose --json` as a process without any display,
which is how IT runs it over SSH.
"""

from __future__ import annotations

import json
import os
import select
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme

from desktop import diagnose
from desktop.config import load_settings
from desktop.portal.client import PortalClient
from desktop.tokenstore import MemoryTokenStore
from tests.conftest import ROOT, Sandbox

pytestmark = pytest.mark.e2e


def run(tmp_path: Path, **settings: object) -> dict:
    user, site = tmp_path / "user", tmp_path / "site"
    user.mkdir(exist_ok=True)
    site.mkdir(exist_ok=True)
    (user / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    loaded = load_settings(config_dir=user, site_dir=site)
    return diagnose.collect(loaded, site_dir=site, portal_timeout_s=10.0,
                            token_store_factory=lambda: MemoryTokenStore(notice=None))


def errors(report: dict) -> dict[str, str]:
    return {c["name"]: c["message"] for c in report["checks"] if c["status"] == "error"}


def test_a_healthy_portal(sandbox: Sandbox, tmp_path: Path) -> None:
    client = PortalClient(sandbox.url, ca_bundle=sandbox.ca_bundle)
    try:
        current = client.get_policy().version
    finally:
        client.close()
    report = run(tmp_path, portal_url=sandbox.url, ca_bundle=sandbox.ca_bundle,
                 last_seen_policy_version=current)
    portal = report["portal"]
    assert report["ok"] is True and errors(report) == {}
    assert portal["reachable"] is True
    assert portal["tls_version"] in ("TLSv1.2", "TLSv1.3")
    assert portal["cipher"]
    assert portal["policy_version"] == current
    assert portal["certificate"]["days_left"] > 0
    assert "Claims Sandbox" in portal["certificate"]["issuer"]
    assert portal["elapsed_ms"] >= 0
    messages = {c["name"]: c["message"] for c in report["checks"]}
    assert "last accepted on this PC" in messages["policy"]
    assert report["trust"]["ca_bundle"]["count"] >= 1
    text = diagnose.render_text(report)
    assert f"version {current}" in text and "nothing stops a clerk" in text


def test_an_untrusted_certificate_is_a_tls_error(sandbox: Sandbox, tmp_path: Path) -> None:
    other = tmp_path / "other-ca.pem"
    trustme.CA(organization_name="Unrelated Fictional CA").cert_pem.write_to_path(str(other))
    report = run(tmp_path, portal_url=sandbox.url, ca_bundle=str(other))
    assert report["ok"] is False
    assert "not trusted" in errors(report)["tls"]
    assert report["portal"]["policy_version"] is None


def test_an_unreachable_portal_is_an_error(tmp_path: Path) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    report = run(tmp_path, portal_url=f"https://127.0.0.1:{port}/api/v1")
    assert report["portal"]["reachable"] is False
    assert "connection was refused" in errors(report)["portal"]


class ConnectProxy:
    """A minimal HTTP CONNECT proxy on loopback; `refuse` answers 403 instead."""

    def __init__(self, refuse: bool = False) -> None:
        self.refuse = refuse
        self.targets: list[str] = []
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            threading.Thread(target=self._handle, args=(client,), daemon=True).start()

    def _handle(self, client: socket.socket) -> None:
        try:
            self._relay(client)
        except OSError:
            pass  # either side hung up: the end of a tunnel

    def _relay(self, client: socket.socket) -> None:
        with client:
            head = b""
            while b"\r\n\r\n" not in head:
                chunk = client.recv(4096)
                if not chunk:
                    return
                head += chunk
            target = head.split(b" ")[1].decode("ascii")
            self.targets.append(target)
            if self.refuse:
                client.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
                return
            host, port = target.rsplit(":", 1)
            with socket.create_connection((host, int(port)), timeout=10) as upstream:
                client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
                pair = {client: upstream, upstream: client}
                while True:
                    ready, _, _ = select.select(list(pair), [], [], 10)
                    if not ready:
                        return
                    for sock in ready:
                        data = sock.recv(65536)
                        if not data:
                            return
                        pair[sock].sendall(data)

    def close(self) -> None:
        self.server.close()


@pytest.fixture
def proxy() -> Iterator[ConnectProxy]:
    p = ConnectProxy()
    yield p
    p.close()


def test_through_an_http_proxy(sandbox: Sandbox, tmp_path: Path, proxy: ConnectProxy) -> None:
    report = run(tmp_path, portal_url=sandbox.url, ca_bundle=sandbox.ca_bundle,
                 proxy_url=f"http://127.0.0.1:{proxy.port}")
    assert report["ok"] is True, errors(report)
    assert report["portal"]["certificate"] is not None
    origin = sandbox.origin.removeprefix("https://")
    assert proxy.targets and all(t == origin for t in proxy.targets)


def test_a_refusing_proxy_is_reported(sandbox: Sandbox, tmp_path: Path) -> None:
    refusing = ConnectProxy(refuse=True)
    try:
        report = run(tmp_path, portal_url=sandbox.url, ca_bundle=sandbox.ca_bundle,
                     proxy_url=f"http://127.0.0.1:{refusing.port}")
    finally:
        refusing.close()
    assert "proxy refused" in errors(report)["portal"]


def test_the_command_needs_no_display(sandbox: Sandbox, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    cmd = [sys.executable, "-m", "desktop", "--diagnose", "--json", "--portal-url", sandbox.url,
           "--ca-bundle", sandbox.ca_bundle, "--config-dir", str(tmp_path / "cfg")]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stdout + done.stderr
    doc = json.loads(done.stdout)
    assert doc["portal"]["reachable"] is True
    assert doc["settings"]["values"]["portal_url"]["source"] == "user"
    assert not (tmp_path / "cfg").exists()  # diagnostics write nothing

    human = subprocess.run(cmd[:4] + cmd[5:], cwd=ROOT, env=env, capture_output=True,
                           text=True, timeout=90)
    assert human.returncode == 0
    assert "Result: nothing stops a clerk from working" in human.stdout


def test_exit_after_start_from_source(sandbox: Sandbox, tmp_path: Path) -> None:
    """The install check IT scripts use: the real window, offscreen, until the portal answers."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    cmd = [sys.executable, "-m", "desktop", "--exit-after-start", "--portal-url", sandbox.url,
           "--ca-bundle", sandbox.ca_bundle, "--config-dir", str(tmp_path / "cfg")]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=90,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    assert "--exit-after-start: the portal answered" in done.stderr
    assert "Traceback" not in done.stderr and "Signal source has been deleted" not in done.stderr

    other = tmp_path / "other-ca.pem"
    trustme.CA(organization_name="Unrelated Fictional CA").cert_pem.write_to_path(str(other))
    refused = subprocess.run([*cmd[:-4], "--ca-bundle", str(other), "--config-dir",
                              str(tmp_path / "cfg2")], cwd=ROOT, env=env, capture_output=True,
                             text=True, timeout=90, stdin=subprocess.DEVNULL)
    assert refused.returncode == 3, refused.stderr
