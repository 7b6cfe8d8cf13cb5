"""Code tables and the support contact."""

from __future__ import annotations

import re

import pytest

from tests.conftest import Sandbox
from tests.e2e.portal_helpers import (
    Client,
    assert_error,
    assert_keys,
    close_pools_after_module,  # noqa: F401  (an autouse fixture)
    fresh_client,
)

pytestmark = pytest.mark.e2e

TABLES = {
    "claim-status": re.compile(r"[A-Z]\d{1,2}|\d{1,3}"),
    "carc": re.compile(r"[A-Z]?\d{1,3}|[A-Z]\d[A-Z0-9]?"),
    "rarc": re.compile(r"[A-Z]{1,2}\d{1,4}"),
}


@pytest.fixture(scope="module")
def client(sandbox: Sandbox) -> Client:
    return fresh_client(sandbox)[1]


@pytest.mark.parametrize("table", sorted(TABLES))
def test_code_table(client: Client, table: str) -> None:
    resp = client.get(f"/codes/{table}")
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert_keys(body, {"version", "codes"})
    assert isinstance(body["version"], str) and body["version"]
    assert len(body["codes"]) >= 5
    seen = set()
    for entry in body["codes"]:
        assert_keys(entry, {"code", "label"})
        assert TABLES[table].fullmatch(entry["code"]), entry
        assert isinstance(entry["label"], str) and entry["label"].strip()
        assert entry["code"] not in seen, f"duplicate code {entry['code']}"
        seen.add(entry["code"])


def test_claim_status_table_has_every_category_family(client: Client) -> None:
    codes = {c["code"] for c in client.get("/codes/claim-status").json()["codes"]}
    for cat in ("A1", "A2", "A3", "A6", "A7", "P1", "P2", "P3", "F1", "F2", "F3", "F4",
                "R0", "E0", "D0"):
        assert cat in codes, cat


def test_well_known_carc_and_rarc(client: Client) -> None:
    carc = {c["code"] for c in client.get("/codes/carc").json()["codes"]}
    rarc = {c["code"] for c in client.get("/codes/rarc").json()["codes"]}
    assert {"1", "2", "3", "45"} <= carc  # deductible, coinsurance, co-payment, over fee schedule
    assert "N130" in rarc


@pytest.mark.parametrize("table", sorted(TABLES))
def test_code_tables_need_a_token(sandbox: Sandbox, table: str) -> None:
    assert_error(Client(sandbox).get(f"/codes/{table}"), 401, "unauthenticated")


def test_unknown_code_table_is_404(client: Client) -> None:
    assert_error(client.get("/codes/icd10"), 404, "not_found")


def test_support(sandbox: Sandbox) -> None:
    resp = Client(sandbox).get("/support")
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert_keys(body, {"organization", "email", "phone", "hours", "website"})
    for key, value in body.items():
        assert isinstance(value, str) and value.strip(), key
    assert "@" in body["email"]
    assert body["website"].startswith("https://")
