"""The TLS probe through urllib3: direct and through a CONNECT proxy, and its failure reasons.

A scripted TLS server (tests/unit/portal/faultserver.py) stands in for the portal,
so these run without the sandbox; the e2e file runs the same against the real one.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import trustme

from desktop.diagnose import probe
from desktop.portal.tls import build_ssl_context
from desktop.portal.urls import parse_portal_url
from tests.unit.diagnose.helpers import checks, closed_port, report_for, write_json
from tests.unit.portal.faultserver import ConnectProxy, json_response, reply, serving


@pytest.fixture(scope="module")
def ca(tmp_path_factory: pytest.TempPathFactory) -> tuple[trustme.CA, str]:
    authority = trustme.CA(organization_name="Fictional Probe CA")
    path = tmp_path_factory.mktemp("probe") / "ca.pem"
    authority.cert_pem.write_to_path(str(path))
    return authority, str(path)


class RefusingProxy:
    """Answers every CONNECT with 407, as an office proxy does for an unknown program."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            with client:
                client.recv(4096)
                client.sendall(b"HTTP/1.1 407 Proxy Authentication Required\r\n"
                               b"Content-Length: 0\r\n\r\n")


@pytest.fixture
def refusing() -> Iterator[RefusingProxy]:
    proxy = RefusingProxy()
    yield proxy
    proxy.server.close()


def test_direct_probe_reads_the_connection(ca: tuple[trustme.CA, str]) -> None:
    leaf = ca[0].issue_cert("127.0.0.1", organization_name="Fictional Payer")
    with serving(reply(json_response(200, {})), leaf) as server:
        url = parse_portal_url(server.url)
        result = probe.tls_probe(url, build_ssl_context(ca[1], False), None, 5.0)
        assert [r.method for r in server.requests] == ["HEAD"]
        assert server.requests[0].path.endswith("/policy")
    assert result["tls_version"] in ("TLSv1.2", "TLSv1.3") and result["cipher"]
    assert "O=Fictional Payer" in result["certificate"]["subject"]
    assert "O=Fictional Probe CA" in result["certificate"]["issuer"]


def test_probe_through_a_connect_proxy(ca: tuple[trustme.CA, str]) -> None:
    leaf = ca[0].issue_cert("127.0.0.1")
    with serving(reply(json_response(200, {})), leaf) as server, ConnectProxy() as proxy:
        url = parse_portal_url(server.url)
        result = probe.tls_probe(url, build_ssl_context(ca[1], False), proxy.url, 5.0)
        assert proxy.tunnels == [f"127.0.0.1:{server.port}"]
    assert result["certificate"] is not None


def test_probe_trusts_only_the_context_it_is_given(ca: tuple[trustme.CA, str],
                                                   tmp_path: Path) -> None:
    other = tmp_path / "other.pem"
    trustme.CA().cert_pem.write_to_path(str(other))
    with serving(reply(json_response(200, {})), ca[0].issue_cert("127.0.0.1")) as server:
        url = parse_portal_url(server.url)
        with pytest.raises(probe.ssl.SSLError) as info:
            probe.tls_probe(url, build_ssl_context(str(other), False), None, 5.0)
    assert "certificate verify failed" in str(info.value).lower()


def test_failure_reasons(ca: tuple[trustme.CA, str], refusing: RefusingProxy) -> None:
    ctx = build_ssl_context(ca[1], False)
    url = parse_portal_url(f"https://127.0.0.1:{closed_port()}/api")
    with pytest.raises(OSError) as info:
        probe.tls_probe(url, ctx, None, 5.0)
    assert probe.network_reason(info.value).startswith("the connection was refused")
    with pytest.raises(OSError) as info:
        probe.tls_probe(url, ctx, f"http://127.0.0.1:{closed_port()}", 5.0)
    assert probe.network_reason(info.value).startswith("the connection was refused")
    with pytest.raises(OSError) as info:
        probe.tls_probe(url, ctx, f"http://127.0.0.1:{refusing.port}", 5.0)
    assert probe.network_reason(info.value) == (
        "the proxy refused to connect to the portal (407 Proxy Authentication Required)")


def test_a_bad_ca_bundle_is_a_trust_error(dirs: tuple[Path, Path], tmp_path: Path) -> None:
    bad = tmp_path / "bad.pem"
    bad.write_text("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")
    write_json(dirs[0], "settings.json", {"portal_url": "https://127.0.0.1:9/api",
                                          "ca_bundle": str(bad)})
    report = report_for(dirs)
    # The bundle exists and has a block, so the portal check runs and the client refuses it.
    assert report["trust"]["ca_bundle"]["certificates"] == [
        {"error": "not a readable certificate"}]
    assert "cannot be read" in checks(report, "error")["trust"][0]
