"""TLS verification failures, trust configuration, and an environment that must change nothing.

Each environment test has a control: plain `requests` under the same environment
does pick the setting up, so the test proves the client ignores it rather than the
setting being inert.
"""

from __future__ import annotations

import datetime as dt
import ssl
from collections.abc import Callable
from pathlib import Path

import pytest
import requests
import trustme

from desktop.portal import InvalidConfiguration, PortalClient, TlsError, UnexpectedResponse
from tests.unit.portal.faultserver import ConnectProxy, Pki, json_response, reply, serving

SUPPORT = {"organization": "Fictional Payer", "email": "help@example.test",
           "phone": "555-0100", "hours": "Mon-Fri", "website": "https://example.test"}
OK = reply(json_response(200, SUPPORT))

MakeClient = Callable[..., PortalClient]
CA_VARS = ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE")
PROXY_VARS = ("HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy")


def _clear(monkeypatch: pytest.MonkeyPatch, names: tuple[str, ...]) -> None:
    for name in names:
        monkeypatch.delenv(name, raising=False)


def test_context_settings(pki: Pki) -> None:
    for system in (True, False):
        client = PortalClient("https://127.0.0.1:1/api/v1", ca_bundle=pki.ca_file,
                              use_system_trust_store=system)
        ctx = client.transport.ssl_context
        assert ctx.minimum_version == ssl.TLSVersion.TLSv1_2
        assert ctx.check_hostname is True
        assert ctx.verify_mode == ssl.CERT_REQUIRED
        client.close()


def test_trusted_ca_bundle_works_without_system_store(pki: Pki, make_client: MakeClient) -> None:
    with serving(OK, pki.leaf) as server:
        client = make_client(server, use_system_trust_store=False)
        assert client.get_support().website == "https://example.test"
        # requests would have loaded certifi into our context; it must hold only our CA.
        assert len(client.transport.ssl_context.get_ca_certs()) == 1


def test_system_store_does_not_trust_a_private_ca(pki: Pki, make_client: MakeClient) -> None:
    with serving(OK, pki.leaf) as server:
        with pytest.raises(TlsError) as info:
            make_client(server, ca_bundle=None).get_support()
        assert "IT support" in info.value.user_message
        assert len(server.requests) == 0


def test_expired_certificate(pki: Pki, make_client: MakeClient) -> None:
    now = dt.datetime.now(dt.UTC)
    leaf = pki.ca.issue_cert("127.0.0.1", not_before=now - dt.timedelta(days=60),
                             not_after=now - dt.timedelta(days=1))
    with serving(OK, leaf) as server:
        with pytest.raises(TlsError) as info:
            make_client(server).get_support()
        assert "expired" in info.value.user_message
        assert len(server.requests) == 0


def test_wrong_host_name(pki: Pki, make_client: MakeClient) -> None:
    leaf = pki.ca.issue_cert("portal.example.test")
    with serving(OK, leaf) as server:
        with pytest.raises(TlsError) as info:
            make_client(server).get_support()
        assert "different address" in info.value.user_message


def test_wrong_host_name_by_dns_name(pki: Pki, make_client: MakeClient) -> None:
    leaf = pki.ca.issue_cert("portal.example.test")
    with serving(OK, leaf) as server:
        url = f"https://localhost:{server.port}/api/v1"
        with pytest.raises(TlsError) as info:
            make_client(url).get_support()
        assert "different address" in info.value.user_message


def test_untrusted_ca(pki: Pki, make_client: MakeClient) -> None:
    other = trustme.CA(organization_name="Some Other Fictional CA")
    leaf = other.issue_cert("127.0.0.1")
    with serving(OK, leaf) as server:
        for system in (True, False):
            with pytest.raises(TlsError) as info:
                make_client(server, use_system_trust_store=system).get_support()
            assert "not trusted" in info.value.user_message


@pytest.mark.parametrize("version", ["TLSv1", "TLSv1_1"])
def test_server_offering_only_old_tls(pki: Pki, make_client: MakeClient, version: str) -> None:
    # This machine's OpenSSL 3 can still serve TLS 1.0/1.1 at security level 0, which the
    # fault server enables; the client must refuse all the same.
    with serving(OK, pki.leaf, tls_max=getattr(ssl.TLSVersion, version)) as server:
        with pytest.raises(TlsError) as info:
            make_client(server).get_support()
        assert "TLS 1.2" in info.value.user_message
        assert len(server.requests) == 0


def test_old_tls_server_really_serves_old_tls(pki: Pki) -> None:
    """Control for the test above: the server does speak TLS 1.1 to a lenient client."""
    import socket
    import warnings

    with serving(OK, pki.leaf, tls_max=ssl.TLSVersion.TLSv1_1) as server:
        ctx = ssl.create_default_context(cafile=pki.ca_file)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            ctx.minimum_version = ssl.TLSVersion.TLSv1
            ctx.set_ciphers("DEFAULT:@SECLEVEL=0")
        with socket.create_connection(("127.0.0.1", server.port)) as raw, \
                ctx.wrap_socket(raw, server_hostname="127.0.0.1") as tls:
            assert tls.version() == "TLSv1.1"


def test_bad_trust_configuration(tmp_path: Path) -> None:
    with pytest.raises(InvalidConfiguration):
        PortalClient("https://127.0.0.1/api/v1", use_system_trust_store=False)
    with pytest.raises(InvalidConfiguration):
        PortalClient("https://127.0.0.1/api/v1", ca_bundle=str(tmp_path / "missing.pem"))
    garbage = tmp_path / "garbage.pem"
    garbage.write_text("-----BEGIN CERTIFICATE-----\nnot a cert\n-----END CERTIFICATE-----\n")
    for system in (True, False):
        with pytest.raises(InvalidConfiguration):
            PortalClient("https://127.0.0.1/api/v1", ca_bundle=str(garbage),
                         use_system_trust_store=system)
    with pytest.raises(InvalidConfiguration):
        PortalClient("https://127.0.0.1/api/v1", proxy_url="socks5://127.0.0.1:1080")


# --- the environment must not change trust, credentials or proxies ------------------


@pytest.mark.parametrize("var", ["REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"])
def test_ca_bundle_env_does_not_add_trust(pki: Pki, make_client: MakeClient,
                                          monkeypatch: pytest.MonkeyPatch, var: str) -> None:
    _clear(monkeypatch, CA_VARS)
    monkeypatch.setenv(var, pki.ca_file)
    with serving(OK, pki.leaf) as server:
        assert requests.get(server.url + "/support", timeout=5).status_code == 200  # control
        with pytest.raises(TlsError):
            make_client(server, ca_bundle=None).get_support()


@pytest.mark.parametrize("var", ["REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"])
def test_ca_bundle_env_does_not_remove_trust(pki: Pki, make_client: MakeClient,
                                             monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                             var: str) -> None:
    other = trustme.CA()
    bogus = tmp_path / "other.pem"
    other.cert_pem.write_to_path(str(bogus))
    _clear(monkeypatch, CA_VARS)
    monkeypatch.setenv(var, str(bogus))
    with serving(OK, pki.leaf) as server:
        with pytest.raises(requests.exceptions.SSLError):  # control
            requests.get(server.url + "/support", timeout=5)
        assert make_client(server).get_support().phone == "555-0100"


@pytest.mark.parametrize("var", ["HTTPS_PROXY", "https_proxy", "ALL_PROXY"])
def test_proxy_env_ignored(pki: Pki, make_client: MakeClient, monkeypatch: pytest.MonkeyPatch,
                           var: str) -> None:
    with ConnectProxy() as proxy, serving(OK, pki.leaf) as server:
        _clear(monkeypatch, PROXY_VARS)
        monkeypatch.setenv(var, proxy.url)
        requests.get(server.url + "/support", verify=pki.ca_file, timeout=5)  # control
        assert len(proxy.tunnels) == 1
        assert make_client(server).get_support().hours == "Mon-Fri"
        assert len(proxy.tunnels) == 1  # the client went direct


def test_explicit_proxy_used(pki: Pki, make_client: MakeClient,
                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    with ConnectProxy() as proxy, serving(OK, pki.leaf) as server:
        client = make_client(server, proxy_url=proxy.url)
        assert client.get_support().hours == "Mon-Fri"
        assert proxy.tunnels == [f"127.0.0.1:{server.port}"]


def test_explicit_proxy_still_verifies_tls(pki: Pki, make_client: MakeClient) -> None:
    leaf = pki.ca.issue_cert("portal.example.test")
    with ConnectProxy() as proxy, serving(OK, leaf) as server:
        with pytest.raises(TlsError):
            make_client(server, proxy_url=proxy.url).get_support()
        assert len(proxy.tunnels) == 1


def test_hostile_netrc_ignored(pki: Pki, make_client: MakeClient,
                               monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    netrc = tmp_path / ".netrc"
    netrc.write_text("machine 127.0.0.1 login fictional-clerk password not-a-real-secret\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("NETRC", raising=False)
    with serving(OK, pki.leaf) as server:
        requests.get(server.url + "/support", verify=pki.ca_file, timeout=5)  # control
        assert server.requests[0].headers["authorization"].startswith("Basic ")
        make_client(server).get_support()
        assert "authorization" not in server.requests[1].headers
        client = make_client(server, token="tok-1")
        with pytest.raises(UnexpectedResponse):  # the canned answer is not a session
            client.get_current_session()
        assert server.requests[2].headers["authorization"] == "Bearer tok-1"
