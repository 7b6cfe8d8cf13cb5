"""The project's OpenAPI copy of the contract, and the operator commands on a running server."""

from __future__ import annotations

import json
import re
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Sandbox, start_sandbox, stop_sandbox
from tests.e2e.portal_helpers import (
    ROOT,
    Client,
    assert_error,
    close_pool,
    close_pools_after_module,  # noqa: F401  (an autouse fixture)
    fresh_client,
    npi_check_digit,
    off_roster_npi,
    register,
    sign_in,
    sign_in_response,
)

pytestmark = pytest.mark.e2e

COMMITTED = ROOT / "sandbox" / "openapi.json"

CONTRACT_OPERATIONS = {
    ("get", "/api/v1/policy"),
    ("get", "/api/v1/policy/versions"),
    ("get", "/api/v1/policy/versions/{version}"),
    ("get", "/api/v1/support"),
    ("post", "/api/v1/registrations"),
    ("post", "/api/v1/sessions"),
    ("get", "/api/v1/sessions/current"),
    ("delete", "/api/v1/sessions/current"),
    ("get", "/api/v1/policy/acceptances"),
    ("post", "/api/v1/policy/acceptances"),
    ("get", "/api/v1/account"),
    ("patch", "/api/v1/account"),
    ("post", "/api/v1/account/password"),
    ("post", "/api/v1/account/deactivation"),
    ("get", "/api/v1/claims"),
    ("get", "/api/v1/claims/{claim_id}"),
    ("get", "/api/v1/codes/claim-status"),
    ("get", "/api/v1/codes/carc"),
    ("get", "/api/v1/codes/rarc"),
}


@pytest.fixture(scope="module")
def cli_openapi_text() -> str:
    done = subprocess.run(
        [sys.executable, "-m", "sandbox", "openapi"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_served_openapi_equals_the_committed_copy(sandbox: Sandbox) -> None:
    resp = Client(sandbox).get("/openapi.json")
    assert resp.status_code == 200, resp.text[:300]
    assert COMMITTED.is_file(), "sandbox/openapi.json must be committed"
    committed = json.loads(COMMITTED.read_text(encoding="utf-8"))
    assert resp.json() == committed, (
        "sandbox/openapi.json is stale: regenerate it with `python -m sandbox openapi`"
    )


def test_cli_openapi_equals_the_committed_copy(cli_openapi_text: str) -> None:
    committed = COMMITTED.read_text(encoding="utf-8")
    assert json.loads(cli_openapi_text) == json.loads(committed)
    # Byte for byte too, so that diffs of the committed copy stay readable.
    assert cli_openapi_text.strip() == committed.strip()
    doc = json.loads(cli_openapi_text)
    assert cli_openapi_text.strip() == json.dumps(
        doc, sort_keys=True, indent=2, ensure_ascii=False
    ).strip()


def test_openapi_documents_every_contract_operation(cli_openapi_text: str) -> None:
    doc = json.loads(cli_openapi_text)
    assert doc.get("openapi", "").startswith("3.")
    ops = {(m.lower(), p) for p, item in doc["paths"].items() for m in item}
    missing = CONTRACT_OPERATIONS - ops
    assert not missing, f"undocumented operations: {sorted(missing)}"


# --- operator commands -----------------------------------------------------------------------


def test_contracts_command(sandbox: Sandbox) -> None:
    done = sandbox.cli("contracts")
    rows = json.loads(done.stdout)
    assert isinstance(rows, list) and len(rows) >= 2
    tins = set()
    for row in rows:
        assert set(row) >= {"organization_name", "tin", "npis"}, row
        assert isinstance(row["organization_name"], str) and row["organization_name"]
        assert re.fullmatch(r"\d{2}-?\d{7}|\d{3}-?\d{2}-?\d{4}", row["tin"]), row["tin"]
        assert row["npis"], row
        for npi in row["npis"]:
            assert re.fullmatch(r"\d{10}", npi) and npi_check_digit(npi[:9]) == npi[9], npi
        tins.add(row["tin"].replace("-", ""))
    assert len(tins) == len(rows), "one row per TIN"
    for demo in sandbox.demo_users:
        match = [r for r in rows if r["tin"].replace("-", "") == demo["tin"].replace("-", "")]
        assert match, "every demo user's TIN is contracted"
        assert demo["npi"] in match[0]["npis"]
        assert demo["organization_name"] == match[0]["organization_name"]


def test_acceptances_command_matches_the_api(sandbox: Sandbox) -> None:
    user, client = fresh_client(sandbox)
    api_rows = client.get("/policy/acceptances").json()
    done = sandbox.cli("acceptances", user.username)
    cli_rows = json.loads(done.stdout)
    assert isinstance(cli_rows, list)
    def by_version(rows: list[dict]) -> list[dict]:
        return sorted(rows, key=lambda r: str(r["version"]))

    assert by_version(cli_rows) == by_version(api_rows)


def test_acceptances_command_for_a_demo_user(sandbox: Sandbox) -> None:
    demo = sandbox.demo_users[0]
    rows = json.loads(sandbox.cli("acceptances", demo["username"]).stdout)
    current = Client(sandbox).get("/policy").json()["version"]
    assert rows, "demo users have accepted an older version"
    assert current not in {r["version"] for r in rows}


@pytest.mark.parametrize("command", ["acceptances", "activate"])
def test_commands_refuse_unknown_users(sandbox: Sandbox, command: str) -> None:
    done = sandbox.cli(command, "no.such.user.anywhere", check=False)
    assert done.returncode != 0
    assert done.stderr.strip(), "say what went wrong"
    assert "Traceback" not in done.stderr


def test_activate_on_a_running_server(sandbox: Sandbox) -> None:
    user = register(sandbox, npi=off_roster_npi(sandbox))
    assert user.status == "pending_review"
    assert_error(sign_in_response(sandbox, user.username, user.password), 401, "unauthenticated")
    done = sandbox.cli("activate", user.username)
    assert done.returncode == 0, done.stderr
    client = sign_in(sandbox, user.username, user.password)
    assert client.get("/account").json()["status"] == "active"


def test_publish_policy_needs_its_arguments(sandbox: Sandbox) -> None:
    """Only the usage error path on the shared sandbox: publishing itself is tested privately."""
    done = sandbox.cli("publish-policy", "--version", "2999-12-31", check=False)
    assert done.returncode != 0
    assert Client(sandbox).get("/policy").json()["version"] != "2999-12-31"


def stop_with(sb: Sandbox, sig: signal.Signals) -> tuple[int, str]:
    """Stop with `sig`: the exit status and whatever else the server wrote to stdout.

    Leaves nothing running when something fails on the way.
    """
    close_pool(sb)
    sb.process.send_signal(sig)
    try:
        status = sb.process.wait(timeout=15)
        assert sb.process.stdout is not None
        return status, sb.process.stdout.read()
    finally:
        stop_sandbox(sb)  # only closes the pipe when it already exited


def test_restart_reuses_ca_and_data_and_signals_stop_cleanly(tmp_path: Path) -> None:
    """A second `serve` on the same folder keeps the CA and the accounts; SIGINT and SIGTERM
    both stop the server cleanly; stdout holds nothing but the ready line."""
    first = start_sandbox(tmp_path, "--claims", "50", "--rate-limit", "0")
    try:
        ca_before = Path(first.ca_bundle).read_bytes()
        user = register(first)
    finally:
        status, rest = stop_with(first, signal.SIGINT)
    assert status == 0
    assert rest == "", "stdout must hold only the ready line"

    second = start_sandbox(tmp_path, "--claims", "50", "--rate-limit", "0")
    try:
        assert second.ca_bundle == first.ca_bundle
        assert Path(second.ca_bundle).read_bytes() == ca_before
        assert second.demo_users == first.demo_users
        sign_in(second, user.username, user.password)
    finally:
        status, rest = stop_with(second, signal.SIGTERM)
    assert status == 0
    assert rest == ""
