"""No patient-identifying data in any URL of the contract (issue 14).

TLS-inspecting proxies, which provider offices run, and every access log record URLs. So
the committed OpenAPI document is walked: no path segment, path parameter or query
parameter of any operation may name patient data; claim search criteria go in a body.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

OPENAPI = Path(__file__).resolve().parents[2] / "sandbox" / "openapi.json"
# Words that name data identifying a patient (HIPAA's identifiers as they appear in
# parameter names here). A claim number identifies a patient's encounter, too.
PHI_WORDS = re.compile(
    r"patient|member|name|first|last|dob|birth|ssn|social|claim_number|account_number|"
    r"address|phone|email|zip|mrn|subscriber|insured",
    re.IGNORECASE,
)
# Parameters whose value is opaque by contract, with the reason they are safe in a URL.
OPAQUE = {
    "claim_id": "random 96-bit id, not derived from any patient data (db.PUBLIC_ID_SQL)",
    "version": "a privacy-policy version, public text",
}


def url_parts(doc: dict[str, Any]) -> Iterator[tuple[str, str, str]]:
    """(operation, where, name) for every path segment and path/query parameter."""
    for path, ops in doc["paths"].items():
        for segment in path.strip("/").split("/"):
            if not segment.startswith("{"):
                yield path, "segment", segment
        for method, op in ops.items():
            for param in op.get("parameters", []):
                if param["in"] in ("path", "query"):
                    yield f"{method.upper()} {path}", param["in"], param["name"]


def phi_in_urls(doc: dict[str, Any]) -> list[str]:
    return [f"{op}: {where} {name!r}" for op, where, name in url_parts(doc)
            if name not in OPAQUE and PHI_WORDS.search(name)]


def test_no_path_or_query_parameter_carries_patient_data() -> None:
    doc = json.loads(OPENAPI.read_text(encoding="utf-8"))
    assert list(url_parts(doc)), "the walk found no URL parts at all"
    assert phi_in_urls(doc) == []


def test_claim_search_takes_its_criteria_in_a_body() -> None:
    doc = json.loads(OPENAPI.read_text(encoding="utf-8"))
    op = doc["paths"]["/api/v1/claims/search"]["post"]
    ref = op["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    fields = doc["components"]["schemas"][ref.rsplit("/", 1)[1]]["properties"]
    assert {"patient_last_name", "patient_dob", "member_id", "claim_number",
            "cursor", "limit", "sort"} <= set(fields)


@pytest.mark.parametrize("name", ["patient_last_name", "patient_dob", "member_id",
                                  "claim_number", "first_name", "subscriber_id"])
def test_the_walk_would_catch_the_old_query_parameters(name: str) -> None:
    """The detector is not vacuous: the parameters of the old GET /claims are caught."""
    doc = {"paths": {"/api/v1/claims": {"get": {"parameters": [
        {"in": "query", "name": name}, {"in": "query", "name": "limit"}]}}}}
    assert phi_in_urls(doc) == [f"GET /api/v1/claims: query {name!r}"]


def test_the_walk_would_catch_a_patient_path_segment() -> None:
    doc = {"paths": {"/api/v1/patients/{member_id}/claims": {"get": {"parameters": [
        {"in": "path", "name": "member_id"}]}}}}
    assert len(phi_in_urls(doc)) == 2


def test_seeding_draws_public_ids_as_documented() -> None:
    from sandbox import db, seed_claims

    assert seed_claims.INSERT_SQL.endswith(f"{db.PUBLIC_ID_SQL})")
