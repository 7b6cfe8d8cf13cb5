"""POST /claims/search (and GET /claims): every criterion alone and combined, sorting, paging, bounds and TIN isolation.

Expected answers come from an exhaustive paged walk of the user's TIN, itself checked
against the sandbox's database, filtered here in plain Python.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from tests.conftest import Sandbox
from tests.e2e.portal_helpers import (
    Claim,
    Client,
    assert_error,
    close_pools_after_module,  # noqa: F401  (an autouse fixture)
    db_claim_numbers,
    db_tin_of_claims,
    demo_contracts_of_distinct_tins,
    fresh_client,
    get_page,
    months_back,
    numbers,
    post_search,
    today_utc,
    walk,
)

pytestmark = pytest.mark.e2e


@dataclass
class World:
    sb: Sandbox
    a: Client
    b: Client
    tin_a: str
    tin_b: str
    claims_a: list[Claim]  # every claim of TIN A in the default range (last 24 months)
    claims_b: list[Claim]


@pytest.fixture(scope="module")
def world(sandbox: Sandbox) -> World:
    ca, cb = demo_contracts_of_distinct_tins(sandbox)
    _, a = fresh_client(sandbox, ca)
    _, b = fresh_client(sandbox, cb)
    claims_a = walk(a)
    claims_b = walk(b)
    assert len(claims_a) > 50 and len(claims_b) > 50, "demo TINs should hold many claims"
    return World(sandbox, a, b, ca["tin"], cb["tin"], claims_a, claims_b)


def expect(world: World, pred: Callable[[Claim], bool]) -> set[str]:
    return {c["claim_number"] for c in world.claims_a if pred(c)}


def search(world: World, params: dict[str, Any] | list[tuple[str, str]]) -> set[str]:
    return numbers(walk(world.a, params))


def pick(world: World, k: int) -> Claim:
    """A deterministic claim from the walk, spread across it."""
    claims = sorted(world.claims_a, key=lambda c: c["claim_number"])
    return claims[(k * 7919) % len(claims)]


# --- the baseline itself ---------------------------------------------------------------------


def test_default_range_is_the_last_24_months_of_the_db(world: World) -> None:
    today = today_utc()
    start = months_back(today, 24)
    got = numbers(world.claims_a)
    # The edges of the window are where implementations may differ by a day; compare the rest.
    inner = db_claim_numbers(world.sb, world.tin_a, start + timedelta(days=1), today)
    outer = db_claim_numbers(world.sb, world.tin_a, start - timedelta(days=1), today)
    assert inner <= got <= outer
    for c in world.claims_a:
        assert start.isoformat() <= c["service_from"] <= today.isoformat()


def test_explicit_range_matches_the_db(world: World) -> None:
    today = today_utc()
    start, end = today - timedelta(days=300), today - timedelta(days=60)
    got = search(world, {"service_from": start.isoformat(), "service_to": end.isoformat()})
    assert got == db_claim_numbers(world.sb, world.tin_a, start, end)
    assert got == expect(world, lambda c: start.isoformat() <= c["service_from"] <= end.isoformat())


def test_old_range_matches_the_db(world: World) -> None:
    """Claims older than the default window are found when asked for."""
    end = months_back(today_utc(), 24) - timedelta(days=1)
    start = months_back(end, 12)
    got = search(world, {"service_from": start.isoformat(), "service_to": end.isoformat()})
    assert got == db_claim_numbers(world.sb, world.tin_a, start, end)
    assert not got & numbers(world.claims_a)


def test_other_tins_claims_never_appear(world: World) -> None:
    assert not numbers(world.claims_a) & numbers(world.claims_b)
    assert db_tin_of_claims(world.sb, numbers(world.claims_a)) == {
        world.tin_a.replace("-", "")
    }
    assert db_tin_of_claims(world.sb, numbers(world.claims_b)) == {
        world.tin_b.replace("-", "")
    }
    foreign = world.claims_b[0]
    for key, value in (
        ("claim_number", foreign["claim_number"]),
        ("member_id", foreign["patient"]["member_id"]),
        ("billing_npi", foreign["billing_npi"]),
    ):
        got = search(world, {key: value})
        assert not got & numbers(world.claims_b), key


# --- each criterion alone --------------------------------------------------------------------


def test_claim_number(world: World) -> None:
    for k in range(3):
        c = pick(world, k)
        assert search(world, {"claim_number": c["claim_number"]}) == {c["claim_number"]}


def test_member_id(world: World) -> None:
    for k in range(3):
        member = pick(world, k)["patient"]["member_id"]
        want = {c["claim_number"] for c in world.claims_a
                if c["patient"]["member_id"].lower() == member.lower()}
        assert search(world, {"member_id": member}) == want


@pytest.mark.parametrize("field", ["last_name", "first_name"])
def test_patient_name_prefix(world: World, field: str) -> None:
    param = f"patient_{field}"
    for k in range(3):
        name = pick(world, k)["patient"][field]
        for query in (name, name[:3], name.upper()):
            want = {c["claim_number"] for c in world.claims_a
                    if c["patient"][field].casefold().startswith(query.casefold())}
            assert search(world, {param: query}) == want, query


def test_patient_name_with_apostrophe(world: World) -> None:
    named = [c for c in world.claims_a if "'" in c["patient"]["last_name"]]
    assert named, "the seed includes apostrophe surnames"
    name = named[0]["patient"]["last_name"]
    want = expect(world, lambda c: c["patient"]["last_name"].casefold().startswith(name.casefold()))
    assert search(world, {"patient_last_name": name}) == want


def test_patient_dob(world: World) -> None:
    for k in range(3):
        dob = pick(world, k)["patient"]["dob"]
        assert search(world, {"patient_dob": dob}) == {
            c["claim_number"] for c in world.claims_a if c["patient"]["dob"] == dob
        }


@pytest.mark.parametrize("field", ["billing_npi", "rendering_npi"])
def test_npi(world: World, field: str) -> None:
    for npi in sorted({c[field] for c in world.claims_a})[:3]:
        assert search(world, {field: npi}) == {
            c["claim_number"] for c in world.claims_a if c[field] == npi
        }


def test_service_date_range(world: World) -> None:
    dates = sorted(c["service_from"] for c in world.claims_a)
    lo, hi = dates[len(dates) // 4], dates[len(dates) // 2]
    assert search(world, {"service_from": lo, "service_to": hi}) == expect(
        world, lambda c: lo <= c["service_from"] <= hi
    )
    # A one-day range, inclusive at both ends.
    assert search(world, {"service_from": lo, "service_to": lo}) == expect(
        world, lambda c: c["service_from"] == lo
    )


def test_service_from_alone_and_service_to_alone(world: World) -> None:
    dates = sorted(c["service_from"] for c in world.claims_a)
    mid = dates[len(dates) // 2]
    # Without service_to the range ends today.
    assert search(world, {"service_from": mid}) == expect(world, lambda c: c["service_from"] >= mid)
    # Without service_from it starts 24 months before service_to (edge day may differ by one).
    to = date.fromisoformat(mid)
    start = months_back(to, 24)
    got = search(world, {"service_to": mid})
    assert db_claim_numbers(world.sb, world.tin_a, start + timedelta(days=1), to) <= got
    assert got <= db_claim_numbers(world.sb, world.tin_a, start - timedelta(days=1), to)


def families(world: World) -> list[str]:
    return sorted({c["status"]["category"][0] for c in world.claims_a})


def test_claims_cover_every_status_family(world: World) -> None:
    assert set(families(world)) >= {"A", "P", "F", "R", "E"}


@pytest.mark.parametrize("family", ["A", "P", "F", "R", "E"])
def test_status_family(world: World, family: str) -> None:
    want = expect(world, lambda c: c["status"]["category"].startswith(family))
    assert want, f"no {family} claims in the seed"
    assert search(world, {"status": family}) == want


def test_status_exact_category(world: World) -> None:
    categories = sorted({c["status"]["category"] for c in world.claims_a})
    for cat in categories:
        assert search(world, {"status": cat}) == {
            c["claim_number"] for c in world.claims_a if c["status"]["category"] == cat
        }, cat


def test_status_repeated(world: World) -> None:
    got = search(world, [("status", "F2"), ("status", "P1")])
    assert got == expect(world, lambda c: c["status"]["category"] in ("F2", "P1"))
    got = search(world, [("status", "A"), ("status", "F1"), ("status", "R")])
    assert got == expect(
        world, lambda c: c["status"]["category"][0] in "AR" or c["status"]["category"] == "F1"
    )


@pytest.mark.parametrize("status", ["Z", "F9", "D0", "X1"])
def test_status_that_matches_nothing(world: World, status: str) -> None:
    """Not a category the sandbox uses: refused, or an empty answer; never a 500."""
    resp = post_search(world.a, {"status": status})
    if resp.status_code == 200:
        assert resp.json()["total"] == 0 and resp.json()["items"] == []
    else:
        assert_error(resp, 422, "validation_failed")


# --- combined criteria ----------------------------------------------------------------------


def test_combined_criteria(world: World) -> None:
    for k in range(4):
        c0 = pick(world, k)
        name = c0["patient"]["last_name"][:4]
        fam = c0["status"]["category"][0]
        params = {
            "patient_last_name": name,
            "status": fam,
            "billing_npi": c0["billing_npi"],
            "service_from": max(
                date.fromisoformat(c0["service_from"]) - timedelta(days=90),
                months_back(today_utc(), 24) + timedelta(days=1),  # inside the walked window
            ).isoformat(),
            "service_to": c0["service_from"],
        }
        want = {
            c["claim_number"] for c in world.claims_a
            if c["patient"]["last_name"].casefold().startswith(name.casefold())
            and c["status"]["category"][0] == fam
            and c["billing_npi"] == c0["billing_npi"]
            and params["service_from"] <= c["service_from"] <= params["service_to"]
        }
        assert c0["claim_number"] in want
        assert search(world, params) == want


def test_combined_member_and_status(world: World) -> None:
    c0 = pick(world, 5)
    params = [("member_id", c0["patient"]["member_id"]), ("status", "F"), ("status", "P")]
    want = expect(
        world,
        lambda c: c["patient"]["member_id"].lower() == c0["patient"]["member_id"].lower()
        and c["status"]["category"][0] in "FP",
    )
    assert search(world, params) == want


def test_search_that_finds_nothing(world: World) -> None:
    page = get_page(world.a, {"patient_last_name": "Zzznobodyhasthisname"})
    assert page.items == [] and page.total == 0 and page.next_cursor is None


# --- sorting --------------------------------------------------------------------------------

SORT_KEYS: dict[str, Callable[[Claim], Any]] = {
    "service_from": lambda c: c["service_from"],
    "billed_amount": lambda c: Decimal(c["billed_amount"]),
    "received_at": lambda c: datetime.fromisoformat(c["received_at"].replace("Z", "+00:00")),
}


@pytest.mark.parametrize("sort", [p + k for k in SORT_KEYS for p in ("", "-")])
def test_sort(world: World, sort: str) -> None:
    key = SORT_KEYS[sort.lstrip("-")]
    items = walk(world.a, {"sort": sort}, limit=250)
    values = [key(c) for c in items]
    assert values == sorted(values, reverse=sort.startswith("-"))
    assert numbers(items) == numbers(world.claims_a)


def test_default_sort_is_newest_service_first(world: World) -> None:
    items = get_page(world.a, {"limit": 300}).items
    values = [c["service_from"] for c in items]
    assert values == sorted(values, reverse=True)


@pytest.mark.parametrize("sort", ["patient_last_name", "service_to", "+billed_amount", "", "--x"])
def test_unknown_sort_is_rejected(world: World, sort: str) -> None:
    resp = post_search(world.a, {"sort": sort})
    if sort == "":
        # Empty parameters are ignored (the sandbox's recorded decision).
        assert resp.status_code == 200
    else:
        assert_error(resp, 422, "validation_failed")


# --- paging and limits ----------------------------------------------------------------------


@pytest.mark.parametrize("limit", [37, 500])
def test_paging_has_no_gaps_or_duplicates(world: World, limit: int) -> None:
    assert numbers(walk(world.a, {}, limit=limit)) == numbers(world.claims_a)


def test_paging_one_by_one(world: World) -> None:
    groups: dict[tuple[str, str], set[str]] = {}
    for c in world.claims_a:
        groups.setdefault((c["billing_npi"], c["status"]["category"]), set()).add(
            c["claim_number"]
        )
    # A group of a dozen or so keeps this to a dozen requests.
    (npi, cat), want = min(groups.items(), key=lambda kv: abs(len(kv[1]) - 12))
    assert len(want) >= 3
    assert numbers(walk(world.a, {"billing_npi": npi, "status": cat}, limit=1)) == want


def test_default_limit_is_100(world: World) -> None:
    page = get_page(world.a, {})
    assert len(page.items) == min(100, len(world.claims_a))
    assert page.total == len(world.claims_a)
    assert page.next_cursor is not None


@pytest.mark.parametrize("limit", ["0", "501", "-1", "abc", "1.5", "100000000000000000000"])
def test_limit_out_of_bounds_is_422(world: World, limit: str) -> None:
    assert_error(post_search(world.a, {"limit": limit}), 422, "validation_failed")


def test_bad_cursors(world: World) -> None:
    first = get_page(world.a, {"limit": 10})
    cursor = first.next_cursor
    assert cursor
    flipped = cursor[:-2] + ("A" if cursor[-2] != "A" else "B") + cursor[-1]
    other_search = get_page(world.a, {"limit": 10, "sort": "billed_amount"}).next_cursor
    assert other_search
    b_cursor = get_page(world.b, {"limit": 10}).next_cursor
    assert b_cursor
    for bad in ("garbage", flipped, cursor[: len(cursor) // 2], cursor + "x", other_search):
        resp = post_search(world.a, {"limit": "10", "cursor": bad})
        assert resp.status_code in (400, 422), (resp.status_code, resp.text[:200])
        assert resp.json()["error"]["code"] in ("bad_request", "validation_failed")
    # Another user's cursor never opens their TIN's claims.
    resp = post_search(world.a, {"limit": "10", "cursor": b_cursor})
    if resp.status_code == 200:
        assert not numbers(resp.json()["items"]) & numbers(world.claims_b)
    else:
        assert resp.status_code in (400, 403, 422)


# --- bad criteria ---------------------------------------------------------------------------


def test_service_to_before_service_from_is_422(world: World) -> None:
    resp = post_search(world.a, {"service_from": "2026-03-02", "service_to": "2026-03-01"})
    assert_error(resp, 422, "validation_failed")


@pytest.mark.parametrize(
    "start,end", [("2023-01-01", "2025-02-01"), ("2020-01-01", "2026-01-01")]
)
def test_range_over_24_months_is_422(world: World, start: str, end: str) -> None:
    resp = post_search(world.a, {"service_from": start, "service_to": end})
    assert_error(resp, 422, "validation_failed")


def test_range_of_exactly_24_months_is_allowed(world: World) -> None:
    resp = post_search(world.a, {"service_from": "2023-01-01", "service_to": "2025-01-01"})
    assert resp.status_code == 200, resp.text


def test_service_from_alone_too_far_back_is_422(world: World) -> None:
    start = months_back(today_utc(), 30).isoformat()
    assert_error(post_search(world.a, {"service_from": start}), 422, "validation_failed")


@pytest.mark.parametrize(
    "param,value",
    [
        ("service_from", "2026-02-30"),
        ("service_to", "yesterday"),
        ("patient_dob", "01/02/1980"),
        ("service_from", "2026-1-1"),
    ],
)
def test_bad_dates_are_422(world: World, param: str, value: str) -> None:
    assert_error(post_search(world.a, {param: value}), 422, "validation_failed")


@pytest.mark.parametrize(
    "params",
    [{"foo": "1"}, {"patient_name": "x"}, {"Status": "F"}, {"offset": "100"}, {"page": "2"}],
    ids=lambda p: next(iter(p)),
)
def test_unknown_parameter_is_400_and_unknown_body_key_422(world: World, params: dict) -> None:
    assert_error(world.a.get("/claims", params=params), 400, "bad_request")
    assert_error(post_search(world.a, params), 422, "validation_failed")


@pytest.mark.parametrize(
    "name", ["claim_number", "member_id", "patient_last_name", "patient_first_name",
             "patient_dob"],
)
def test_patient_criteria_in_the_url_are_400(world: World, name: str) -> None:
    """PHI must not be accepted in a query string (proxies and access logs keep URLs)."""
    c = pick(world, 3)
    value = {"claim_number": c["claim_number"], "member_id": c["patient"]["member_id"],
             "patient_last_name": c["patient"]["last_name"],
             "patient_first_name": c["patient"]["first_name"],
             "patient_dob": c["patient"]["dob"]}[name]
    assert_error(world.a.get("/claims", params={name: value}), 400, "bad_request")
    assert c["claim_number"] in numbers(walk(world.a, {name: value}))


def test_browsing_by_date_status_and_npi_still_works_with_get(world: World) -> None:
    c = pick(world, 5)
    params = {"billing_npi": c["billing_npi"], "status": c["status"]["category"],
              "sort": "billed_amount", "limit": "5"}
    resp = world.a.get("/claims", params=params)
    assert resp.status_code == 200, resp.text[:200]
    assert resp.json()["items"] == get_page(world.a, params).items


# --- claim detail access --------------------------------------------------------------------


def test_other_tins_claim_answers_like_a_missing_one(world: World) -> None:
    missing = world.a.get("/claims/c" + "0" * 24)
    assert_error(missing, 404, "not_found")
    for c in world.claims_b[:3]:
        other = world.a.get(f"/claims/{c['claim_id']}")
        assert_error(other, 404, "not_found")
        assert other.json() == missing.json()
        assert world.b.get(f"/claims/{c['claim_id']}").status_code == 200


def test_claim_ids_are_opaque_and_not_sequential(world: World) -> None:
    ids = [str(c["claim_id"]) for c in world.claims_a + world.claims_b]
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"c[0-9a-f]{24}", i) for i in ids), ids[:3]
    # Random, not a counter: neighbours in the table share no long common prefix.
    assert len({i[:8] for i in ids}) > len(ids) * 0.9


@pytest.mark.parametrize("mangle", ["suffix", "numeric", "word"])
def test_unknown_claim_is_404(world: World, mangle: str) -> None:
    real = str(world.claims_a[0]["claim_id"])
    unknown = {
        "suffix": real + "0000",
        "numeric": "987654321987654",
        "word": "no-such-claim",
    }[mangle]
    assert_error(world.a.get(f"/claims/{unknown}"), 404, "not_found")


def test_claims_need_a_token(world: World) -> None:
    c = world.claims_a[0]
    assert_error(Client(world.sb).get("/claims"), 401, "unauthenticated")
    assert_error(post_search(Client(world.sb), {}), 401, "unauthenticated")
    assert_error(Client(world.sb).get(f"/claims/{c['claim_id']}"), 401, "unauthenticated")


def test_server_log_has_no_phi_or_secrets(world: World) -> None:
    """The sandbox logs to stderr 'without secrets or PHI', searches included."""
    c = pick(world, 11)
    probes = {
        "member id": c["patient"]["member_id"],
        "patient last name": c["patient"]["last_name"],
        "date of birth": c["patient"]["dob"],
        "claim number": c["claim_number"],
        "tin": world.tin_a.replace("-", ""),
    }
    search(world, {"member_id": probes["member id"]})
    search(world, {"patient_last_name": probes["patient last name"],
                   "patient_dob": probes["date of birth"]})
    world.a.get(f"/claims/{c['claim_id']}")
    post_search(world.a, {"claim_number": probes["claim number"]})
    assert world.a.token
    probes["token"] = world.a.token
    log = (world.sb.data_dir / "server-stderr.log").read_text(encoding="utf-8", errors="replace")
    assert "/claims" in log, "the log should record requests (by route)"
    for what, value in probes.items():
        assert value not in log, f"the server log contains a {what}"
