"""GET /claims/{id}: the ClaimDetail shape, code references and money that adds up."""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal
from typing import Any

import pytest

from tests.conftest import Sandbox
from tests.e2e.portal_helpers import (
    Claim,
    Client,
    assert_keys,
    close_pools_after_module,  # noqa: F401  (an autouse fixture)
    demo_contract,
    fresh_client,
    money,
    walk,
)

pytestmark = pytest.mark.e2e

SUMMARY_KEYS = {
    "claim_id", "claim_number", "patient", "patient_account_number", "billing_npi",
    "rendering_npi", "service_from", "service_to", "received_at", "status",
    "billed_amount", "allowed_amount", "paid_amount", "patient_responsibility",
    "paid_at", "payment_number",
}
DETAIL_KEYS = SUMMARY_KEYS | {"lines", "payment", "status_history"}
LINE_KEYS = {
    "line_number", "service_date", "procedure_code", "modifiers", "units",
    "billed_amount", "allowed_amount", "paid_amount", "adjustments", "remarks",
}
GROUP_CODES = {"CO", "PR", "OA", "PI", "CR"}
DATE = re.compile(r"\d{4}-\d\d-\d\d")
INSTANT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z")
NPI = re.compile(r"\d{10}")
PER_CATEGORY = 3


def codes(client: Client, table: str) -> set[str]:
    resp = client.get(f"/codes/{table}")
    assert resp.status_code == 200, resp.text
    return {c["code"] for c in resp.json()["codes"]}


@pytest.fixture(scope="module")
def sample(sandbox: Sandbox) -> tuple[Client, list[Claim], list[dict[str, Any]]]:
    """A few claims of every status category the TIN has, with their details."""
    _, client = fresh_client(sandbox, demo_contract(sandbox, 0))
    summaries = walk(client)
    by_cat: dict[str, list[Claim]] = defaultdict(list)
    for c in summaries:
        if len(by_cat[c["status"]["category"]]) < PER_CATEGORY:
            by_cat[c["status"]["category"]].append(c)
    chosen = [c for group in by_cat.values() for c in group]
    details = []
    for c in chosen:
        resp = client.get(f"/claims/{c['claim_id']}")
        assert resp.status_code == 200, resp.text
        details.append(resp.json())
    return client, chosen, details


def test_summary_shape(sample: tuple[Client, list[Claim], list[dict[str, Any]]]) -> None:
    _, summaries, _ = sample
    for c in summaries:
        check_summary(c)


def check_summary(c: dict[str, Any]) -> None:
    assert_keys({k: v for k, v in c.items() if k in SUMMARY_KEYS or k not in DETAIL_KEYS},
                SUMMARY_KEYS)
    assert isinstance(c["claim_id"], str) and c["claim_id"]
    assert isinstance(c["claim_number"], str) and c["claim_number"]
    assert_keys(c["patient"], {"first_name", "last_name", "dob", "member_id"})
    assert DATE.fullmatch(c["patient"]["dob"])
    assert NPI.fullmatch(c["billing_npi"]) and NPI.fullmatch(c["rendering_npi"])
    assert DATE.fullmatch(c["service_from"]) and DATE.fullmatch(c["service_to"])
    assert c["service_from"] <= c["service_to"]
    assert INSTANT.fullmatch(c["received_at"]), c["received_at"]
    assert_keys(c["status"], {"category", "code", "label"})
    assert re.fullmatch(r"[APFRED]\d{1,2}", c["status"]["category"])
    assert isinstance(c["status"]["label"], str) and c["status"]["label"].strip()
    for key in ("billed_amount", "allowed_amount", "paid_amount", "patient_responsibility"):
        assert money(c[key]) >= 0, key
    if c["paid_at"] is not None:
        assert DATE.fullmatch(c["paid_at"]) or INSTANT.fullmatch(c["paid_at"]), c["paid_at"]


def test_detail_shape_and_agreement_with_summary(
    sample: tuple[Client, list[Claim], list[dict[str, Any]]],
) -> None:
    _, summaries, details = sample
    for summary, d in zip(summaries, details, strict=True):
        assert_keys(d, DETAIL_KEYS)
        check_summary(d)
        for key in SUMMARY_KEYS:
            assert d[key] == summary[key], key
        assert d["lines"], "every claim has at least one line"
        assert [ln["line_number"] for ln in d["lines"]] == list(range(1, len(d["lines"]) + 1))
        for ln in d["lines"]:
            assert_keys(ln, LINE_KEYS)
            assert DATE.fullmatch(ln["service_date"])
            assert d["service_from"] <= ln["service_date"] <= d["service_to"]
            assert isinstance(ln["procedure_code"], str) and ln["procedure_code"]
            assert isinstance(ln["modifiers"], list)
            assert all(isinstance(m, str) for m in ln["modifiers"])
            assert isinstance(ln["units"], int) and ln["units"] >= 1
            for adj in ln["adjustments"]:
                assert_keys(adj, {"group_code", "carc", "amount"})
                assert adj["group_code"] in GROUP_CODES
                money(adj["amount"])
            assert all(isinstance(r, str) for r in ln["remarks"])
        assert_keys(d["payment"], {"method", "number", "date", "amount", "payment_id"})
        assert d["status_history"], "a claim has at least its current status in its history"
        for h in d["status_history"]:
            assert_keys(h, {"category", "code", "effective_at"})
            assert INSTANT.fullmatch(h["effective_at"]), h
        times = [h["effective_at"] for h in d["status_history"]]
        assert times == sorted(times)
        last = d["status_history"][-1]
        assert (last["category"], last["code"]) == (d["status"]["category"], d["status"]["code"])


def test_adjustment_and_remark_codes_are_in_the_code_tables(
    sample: tuple[Client, list[Claim], list[dict[str, Any]]],
) -> None:
    client, _, details = sample
    carc, rarc = codes(client, "carc"), codes(client, "rarc")
    used_carc = {a["carc"] for d in details for ln in d["lines"] for a in ln["adjustments"]}
    used_rarc = {r for d in details for ln in d["lines"] for r in ln["remarks"]}
    assert used_carc, "the sample should include adjusted lines"
    assert used_carc <= carc, used_carc - carc
    assert used_rarc <= rarc, used_rarc - rarc


def test_status_codes_are_explained(
    sample: tuple[Client, list[Claim], list[dict[str, Any]]],
) -> None:
    client, summaries, _ = sample
    table = codes(client, "claim-status")
    for c in summaries:
        assert c["status"]["category"] in table or c["status"]["code"] in table, c["status"]


def test_money_adds_up(sample: tuple[Client, list[Claim], list[dict[str, Any]]]) -> None:
    _, _, details = sample
    for d in details:
        lines = d["lines"]
        for field in ("billed_amount", "allowed_amount", "paid_amount"):
            assert sum((money(ln[field]) for ln in lines), Decimal(0)) == money(d[field]), field
        family = d["status"]["category"][0]
        if family != "F":
            # Not adjudicated: nothing allowed or paid yet.
            for field in ("allowed_amount", "paid_amount", "patient_responsibility"):
                assert money(d[field]) == 0, (d["status"], field)
            continue
        pr_total = Decimal(0)
        for ln in lines:
            billed, allowed, paid = (money(ln[k]) for k in
                                     ("billed_amount", "allowed_amount", "paid_amount"))
            adj = [(a["group_code"], money(a["amount"])) for a in ln["adjustments"]]
            pr = sum((amt for g, amt in adj if g == "PR"), Decimal(0))
            other = sum((amt for g, amt in adj if g != "PR"), Decimal(0))
            # 835 balancing: what was billed minus every adjustment is what was paid.
            assert billed - other - pr == paid, ln
            assert Decimal(0) <= paid <= allowed <= billed, ln
            if allowed == 0:
                # A denied line: one reason (CO, or PR for non-covered) for the whole amount.
                assert paid == 0 and len(adj) == 1 and adj[0][1] == billed, ln
            else:
                # Billed above allowed is the contractual part; the patient's share is the
                # part of the allowed amount not paid.
                assert billed - allowed == other, ln
                assert allowed - paid == pr, ln
            pr_total += pr
        assert pr_total == money(d["patient_responsibility"])


def test_payment_agrees_with_the_claim(
    sample: tuple[Client, list[Claim], list[dict[str, Any]]],
) -> None:
    _, _, details = sample
    paid_seen = False
    for d in details:
        pay = d["payment"]
        assert money(pay["amount"]) == money(d["paid_amount"])
        if money(d["paid_amount"]) > 0:
            paid_seen = True
            assert pay["method"] in ("CHK", "ACH"), pay
            assert pay["number"] and pay["number"] == d["payment_number"]
            assert pay["date"] and DATE.fullmatch(pay["date"])
            assert d["paid_at"] is not None
            assert d["paid_at"][:10] == pay["date"]
        else:
            assert pay["method"] is None and pay["number"] is None, pay
            assert d["payment_number"] is None and d["paid_at"] is None
    assert paid_seen, "the sample should include paid claims"


def test_paid_claims_have_a_payment(
    sample: tuple[Client, list[Claim], list[dict[str, Any]]],
) -> None:
    _, _, details = sample
    f1 = [d for d in details if d["status"]["category"] == "F1"]
    assert f1, "the seed has paid (F1) claims"
    for d in f1:
        assert money(d["paid_amount"]) > 0
        assert d["payment"]["method"] in ("CHK", "ACH")
