"""Transport rules: common headers, no redirects, TLS only, TLS 1.2 or newer, trusted CA only."""

from __future__ import annotations

import re
import socket
import ssl
import threading
import warnings
from collections.abc import Callable
from urllib.parse import urlsplit

import certifi
import pytest
import requests

from tests.conftest import Sandbox
from tests.e2e.portal_helpers import (
    Client,
    assert_clean_4xx,
    assert_error,
    close_pools_after_module,  # noqa: F401  (an autouse fixture)
    fresh_client,
)

pytestmark = pytest.mark.e2e

SERVER_TIMING = re.compile(r"handler;dur=\d+(\.\d+)?")

# (name, how to make the request) for responses of many kinds.
Req = Callable[[Client, Client], requests.Response]
REQUESTS: list[tuple[str, Req]] = [
    ("public-200", lambda anon, auth: anon.get("/policy")),
    ("auth-200", lambda anon, auth: auth.get("/account")),
    ("claims-200", lambda anon, auth: auth.get("/claims", params={"limit": 1})),
    ("401", lambda anon, auth: anon.get("/account")),
    ("404-route", lambda anon, auth: anon.get("/no/such/route")),
    ("404-policy", lambda anon, auth: anon.get("/policy/versions/1900-01-01")),
    ("400-json", lambda anon, auth: anon.post(
        "/sessions", data=b"{not json", headers={"Content-Type": "application/json"})),
    ("422", lambda anon, auth: anon.post("/registrations", json={"username": "x"})),
    ("413", lambda anon, auth: anon.post("/sessions", json={"username": "u" * 70_000})),
    ("405", lambda anon, auth: anon.delete("/policy")),
    ("428", lambda anon, auth: auth.patch("/account", json={"first_name": "X"})),
    ("401-sign-in", lambda anon, auth: anon.post(
        "/sessions", json={"username": "nobody.here", "password": "x" * 20})),
]


@pytest.fixture(scope="module")
def clients(sandbox: Sandbox) -> tuple[Client, Client]:
    return Client(sandbox), fresh_client(sandbox)[1]


@pytest.mark.parametrize("name,make", REQUESTS, ids=[n for n, _ in REQUESTS])
def test_common_headers(clients: tuple[Client, Client], name: str, make: Req) -> None:
    resp = make(*clients)
    assert not 300 <= resp.status_code < 400
    assert resp.headers.get("X-Request-ID"), (name, resp.headers)
    assert SERVER_TIMING.fullmatch(resp.headers.get("Server-Timing", "")), resp.headers
    assert resp.headers.get("Cache-Control") == "no-store", resp.headers
    if resp.status_code >= 400:
        assert_clean_4xx(resp)


@pytest.mark.parametrize("name,make", REQUESTS[:6], ids=[n for n, _ in REQUESTS[:6]])
def test_request_id_is_echoed(
    clients: tuple[Client, Client], name: str, make: Req
) -> None:
    anon, auth = clients
    sent = f"e2e-{name}-0123456789"
    tagged = [Client(c.sb, token=c.token, headers={"X-Request-ID": sent}) for c in (anon, auth)]
    resp = make(*tagged)
    assert resp.headers.get("X-Request-ID") == sent


def test_request_ids_are_unique_when_not_sent(clients: tuple[Client, Client]) -> None:
    anon, _ = clients
    ids = {anon.get("/policy").headers["X-Request-ID"] for _ in range(5)}
    assert len(ids) == 5


def test_error_ids_match_the_response_header(clients: tuple[Client, Client]) -> None:
    anon, _ = clients
    resp = anon.get("/account", headers={"X-Request-ID": "trace-me-42"})
    assert_error(resp, 401, "unauthenticated")
    assert resp.headers["X-Request-ID"] == "trace-me-42"


@pytest.mark.parametrize(
    "path",
    ["/api/v1/policy/", "/api/v1/claims/", "/api/v1/account/", "/api/v1", "/api/v1/", "/",
     "/api", "/api/v1/openapi.json/", "/docs", "/API/V1/policy", "/api/v1//policy"],
)
def test_never_a_redirect(clients: tuple[Client, Client], path: str) -> None:
    anon, auth = clients
    for c in (anon, auth):
        resp = c.get(c.sb.origin + path)
        assert not 300 <= resp.status_code < 400, (path, resp.status_code, resp.headers)
        assert "Location" not in resp.headers


@pytest.mark.parametrize("path", ["/policy", "/support", "/policy/versions"])
def test_head_is_supported_where_get_is(clients: tuple[Client, Client], path: str) -> None:
    """RFC 9110 9.1: general-purpose servers MUST support HEAD wherever they support GET,
    and the contract defers to HTTP semantics where it is silent."""
    anon, _ = clients
    get = anon.get(path)
    head = anon.request("HEAD", path)
    assert head.status_code == get.status_code == 200, head.status_code
    assert head.content == b""
    assert head.headers.get("Content-Type") == get.headers.get("Content-Type")
    assert head.headers.get("X-Request-ID")


def test_unknown_route_is_404_in_the_error_shape(clients: tuple[Client, Client]) -> None:
    anon, auth = clients
    assert_error(anon.get("/nothing-here"), 404, "not_found")
    assert_error(auth.get("/claims/x/y"), 404, "not_found")


def test_json_content_type(clients: tuple[Client, Client]) -> None:
    anon, _ = clients
    resp = anon.get("/policy")
    assert resp.headers["Content-Type"].startswith("application/json")
    assert "charset=utf-8" in resp.headers["Content-Type"].lower().replace(" ", "")


# --- TLS ------------------------------------------------------------------------------------


def host_port(sb: Sandbox) -> tuple[str, int]:
    parts = urlsplit(sb.url)
    assert parts.scheme == "https", sb.url
    assert parts.hostname in ("127.0.0.1", "::1"), "the sandbox listens on loopback only"
    assert parts.port is not None
    return parts.hostname, parts.port


def test_plain_http_is_refused(sandbox: Sandbox) -> None:
    host, port = host_port(sandbox)
    try:
        resp = requests.get(
            f"http://{host}:{port}/api/v1/policy", timeout=5, allow_redirects=False
        )
    except requests.exceptions.RequestException:
        return
    # If the server answers at all, it is not with the policy, nor a redirect to https.
    assert resp.status_code >= 400, resp.status_code
    assert "body_markdown" not in resp.text


@pytest.mark.parametrize("verify", ["certifi", "system"])
def test_client_without_the_ca_fails(sandbox: Sandbox, verify: str) -> None:
    session = requests.Session()
    session.trust_env = False
    with pytest.raises(requests.exceptions.SSLError):
        session.get(
            sandbox.url + "/policy",
            verify=certifi.where() if verify == "certifi" else True,
            timeout=5,
        )


def handshake(host: str, port: int, ctx: ssl.SSLContext) -> str:
    with socket.create_connection((host, port), timeout=5) as raw, ctx.wrap_socket(
        raw, server_hostname=host
    ) as tls:
        version = tls.version()
        assert version is not None
        return version


def client_context(sb: Sandbox, version: ssl.TLSVersion) -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.load_verify_locations(sb.ca_bundle)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        ctx.minimum_version = version
        ctx.maximum_version = version
    return ctx


@pytest.mark.parametrize("version", ["TLSv1_2", "TLSv1_3"])
def test_modern_tls_versions_work(sandbox: Sandbox, version: str) -> None:
    host, port = host_port(sandbox)
    got = handshake(host, port, client_context(sandbox, getattr(ssl.TLSVersion, version)))
    assert got == version.replace("_", ".")


def old_tls_context(cafile: str | None) -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    if cafile:
        ctx.load_verify_locations(cafile)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        ctx.minimum_version = ssl.TLSVersion.TLSv1_1
        ctx.maximum_version = ssl.TLSVersion.TLSv1_1
    ctx.set_ciphers("DEFAULT:@SECLEVEL=0")
    return ctx


def local_openssl_can_speak_tls11(tmp_path_factory: pytest.TempPathFactory) -> bool:
    """Try TLS 1.1 against a throwaway local server that allows it."""
    import trustme

    ca = trustme.CA()
    cert = ca.issue_cert("127.0.0.1")
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    cert.configure_cert(server_ctx)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            server_ctx.minimum_version = ssl.TLSVersion.TLSv1_1
            server_ctx.maximum_version = ssl.TLSVersion.TLSv1_1
        server_ctx.set_ciphers("DEFAULT:@SECLEVEL=0")
    except (ValueError, ssl.SSLError):
        return False
    ca_file = tmp_path_factory.mktemp("tls11") / "ca.pem"
    ca.cert_pem.write_to_path(str(ca_file))
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]

    def serve() -> None:
        try:
            conn, _ = listener.accept()
            with server_ctx.wrap_socket(conn, server_side=True):
                pass
        except (OSError, ssl.SSLError):
            pass

    t = threading.Thread(target=serve, daemon=True)
    t.start()
    try:
        return handshake("127.0.0.1", port, old_tls_context(str(ca_file))) == "TLSv1.1"
    except (OSError, ssl.SSLError):
        return False
    finally:
        listener.close()
        t.join(timeout=5)


def test_tls_1_1_is_refused(sandbox: Sandbox, tmp_path_factory: pytest.TempPathFactory) -> None:
    if not local_openssl_can_speak_tls11(tmp_path_factory):
        pytest.skip("this machine's OpenSSL cannot offer TLS 1.1, so it cannot be tested here")
    host, port = host_port(sandbox)
    with pytest.raises(ssl.SSLError):
        handshake(host, port, old_tls_context(sandbox.ca_bundle))


def test_certificate_is_for_loopback(sandbox: Sandbox) -> None:
    host, port = host_port(sandbox)
    ctx = client_context(sandbox, ssl.TLSVersion.TLSv1_2)
    ctx.maximum_version = ssl.TLSVersion.TLSv1_3
    with socket.create_connection((host, port), timeout=5) as raw, ctx.wrap_socket(
        raw, server_hostname=host
    ) as tls:
        cert = tls.getpeercert()
    assert cert is not None
    sans = {str(entry[1]) for entry in cert.get("subjectAltName", ())}
    assert host in sans, sans
