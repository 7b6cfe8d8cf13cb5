"""Contract of the clerk's day: batch status, worklist, saved searches, the playbook."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest

from tests.conftest import Sandbox
from tests.e2e.portal_helpers import (
    Client,
    assert_error,
    assert_keys,
    close_pools_after_module,  # noqa: F401  (an autouse fixture)
    demo_contract,
    fresh_client,
    private_sandbox,
    read_only_db,
    sign_in_accepted,
    today_utc,
    writes_sandbox,
)

pytestmark = pytest.mark.e2e

ITEM_KEYS = {"item_id", "claim_id", "claim_number", "patient_name", "status", "due_date",
             "note", "state", "bucket", "assignee", "updated_at", "etag"}


@pytest.fixture(scope="module")
def sb() -> Sandbox:
    return writes_sandbox()


@pytest.fixture(scope="module")
def office(sb: Sandbox) -> tuple[Client, Client]:
    """Two fresh users of demo office 0 (so they share its claims) and one of office 1."""
    contract = demo_contract(sb, 0)
    return fresh_client(sb, contract)[1], fresh_client(sb, contract)[1]


@pytest.fixture(scope="module")
def numbers(sb: Sandbox, office: tuple[Client, Client]) -> list[str]:
    _accept(office[0])
    resp = office[0].get("/claims", params={"limit": "20", "sort": "-billed_amount"})
    assert resp.status_code == 200, resp.text
    found = [c["claim_number"] for c in resp.json()["items"]]
    assert len(found) == 20
    return found


def _accept(client: Client) -> None:
    version = client.get("/policy").json()["version"]
    client.post("/policy/acceptances", json={"version": version})


def _day(offset: int) -> str:
    return (today_utc() + timedelta(days=offset)).isoformat()


# --- batch status ----------------------------------------------------------------------


def test_batch_answers_each_distinct_number_once_in_order(
        office: tuple[Client, Client], numbers: list[str]) -> None:
    sent = [numbers[1], " " + numbers[0] + " ", numbers[1], "99999999999999"]
    resp = office[0].post("/claims/status-batch", json={"claim_numbers": sent})
    assert resp.status_code == 200, resp.text
    items = resp.json()["items"]
    assert [i["claim_number"] for i in items] == [numbers[1], numbers[0], "99999999999999"]
    assert [i["found"] for i in items] == [True, True, False]
    assert items[2]["claim"] is None
    claim = items[0]["claim"]
    assert claim["claim_number"] == numbers[1] and claim["decided_at"]
    assert isinstance(claim["reasons"], list) and isinstance(claim["remarks"], list)
    for reason in claim["reasons"]:
        assert_keys(reason, {"group_code", "carc", "remarks"})


def test_batch_row_carries_the_reasons_of_a_denial(office: tuple[Client, Client]) -> None:
    denied = office[0].get("/claims", params={"status": "F2", "limit": "1"}).json()["items"]
    assert denied, "the demo office has a denied claim"
    resp = office[0].post("/claims/status-batch",
                          json={"claim_numbers": [denied[0]["claim_number"]]})
    claim = resp.json()["items"][0]["claim"]
    assert claim["status"]["category"] == "F2"
    assert claim["reasons"] and claim["reasons"][0]["group_code"] in ("CO", "PR")


def test_batch_of_another_office_is_not_found_like_an_unknown(
        sb: Sandbox, numbers: list[str]) -> None:
    other = fresh_client(sb, demo_contract(sb, 1))[1]
    _accept(other)
    resp = other.post("/claims/status-batch", json={"claim_numbers": numbers[:3]})
    assert resp.status_code == 200, resp.text
    assert all(not i["found"] and i["claim"] is None for i in resp.json()["items"])


@pytest.mark.parametrize("body", [
    {"claim_numbers": []},
    {"claim_numbers": [str(10**12 + n) for n in range(501)]},
    {"claim_numbers": ["   "]},
    {"claim_numbers": ["x" * 41]},
    {"claim_numbers": [123]},
    {"numbers": ["1"]},
])
def test_batch_rejects_bad_bodies(office: tuple[Client, Client], body: dict[str, Any]) -> None:
    assert_error(office[0].post("/claims/status-batch", json=body), 422, "validation_failed")


def test_batch_takes_500_distinct_with_duplicates_beyond(office: tuple[Client, Client]) -> None:
    sent = [str(10**12 + n) for n in range(500)] * 2
    resp = office[0].post("/claims/status-batch", json={"claim_numbers": sent})
    assert resp.status_code == 200, resp.text
    assert len(resp.json()["items"]) == 500


# --- worklist ----------------------------------------------------------------------------


def _create(client: Client, number: str, due: str, note: str = "Call the payer") -> Any:
    return client.post("/worklist", json={"claim_number": number, "due_date": due,
                                          "note": note})


def test_follow_up_is_listed_in_its_bucket(office: tuple[Client, Client],
                                           numbers: list[str]) -> None:
    me = office[0]
    made = [_create(me, numbers[i], _day(d)) for i, d in ((2, 0), (3, 5), (4, -1))]
    for resp in made:
        assert resp.status_code == 201, resp.text
        assert resp.headers["ETag"] == resp.json()["etag"]
        assert_keys(resp.json(), ITEM_KEYS)
    listed = me.get("/worklist").json()
    assert listed["today"] == today_utc().isoformat()
    buckets = {i["item_id"]: i["bucket"] for i in listed["items"]}
    assert [buckets[r.json()["item_id"]] for r in made] == ["today", "upcoming", "overdue"]
    dues = [i["due_date"] for i in listed["items"]]
    assert dues == sorted(dues)


@pytest.mark.parametrize(("field", "body"), [
    ("due_date", {"due_date": "2020-01-01"}),
    ("due_date", {"due_date": "tomorrow"}),
    ("note", {"note": "x" * 501}),
    ("claim_number", {"claim_number": "99999999999999"}),
])
def test_follow_up_bad_fields(office: tuple[Client, Client], numbers: list[str], field: str,
                              body: dict[str, str]) -> None:
    full = {"claim_number": numbers[5], "due_date": _day(1), "note": "", **body}
    err = assert_error(office[0].post("/worklist", json=full), 422, "validation_failed")
    assert field in err["fields"], err


def test_snooze_done_and_stale_if_match(office: tuple[Client, Client],
                                        numbers: list[str]) -> None:
    me, colleague = office
    _accept(colleague)
    item = _create(me, numbers[6], _day(0)).json()
    path = f"/worklist/{item['item_id']}"
    assert_error(me.patch(path, json={"due_date": _day(3)}), 428, "precondition_required")
    snoozed = me.patch(path, json={"due_date": _day(3)}, headers={"If-Match": item["etag"]})
    assert snoozed.status_code == 200, snoozed.text
    assert snoozed.json()["bucket"] == "upcoming"
    # A colleague of the office sees the item and changes it first.
    seen = colleague.get(path)
    assert seen.status_code == 200
    done = colleague.patch(path, json={"state": "done"}, headers={"If-Match": seen.json()["etag"]})
    assert done.status_code == 200 and done.json()["bucket"] is None
    stale = me.patch(path, json={"note": "mine"}, headers={"If-Match": snoozed.json()["etag"]})
    assert_error(stale, 412, "precondition_failed")
    assert stale.headers["ETag"] == done.json()["etag"]
    assert item["item_id"] not in {i["item_id"] for i in me.get("/worklist").json()["items"]}


def test_reassign_moves_the_item_to_a_colleague(office: tuple[Client, Client],
                                                numbers: list[str]) -> None:
    me, colleague = office
    _accept(colleague)
    who = colleague.get("/account").json()["username"]
    assert who in {u["username"] for u in me.get("/worklist/assignees").json()["items"]}
    item = _create(me, numbers[7], _day(2)).json()
    path = f"/worklist/{item['item_id']}"
    bad = me.patch(path, json={"assignee": "nobody-here"}, headers={"If-Match": item["etag"]})
    assert "assignee" in assert_error(bad, 422, "validation_failed")["fields"]
    moved = me.patch(path, json={"assignee": who}, headers={"If-Match": item["etag"]})
    assert moved.status_code == 200, moved.text
    assert moved.json()["assignee"]["username"] == who
    assert item["item_id"] in {i["item_id"] for i in colleague.get("/worklist").json()["items"]}
    assert item["item_id"] not in {i["item_id"] for i in me.get("/worklist").json()["items"]}


def test_another_office_cannot_see_or_change_an_item(sb: Sandbox, office: tuple[Client, Client],
                                                     numbers: list[str]) -> None:
    item = _create(office[0], numbers[8], _day(1)).json()
    other = fresh_client(sb, demo_contract(sb, 1))[1]
    _accept(other)
    path = f"/worklist/{item['item_id']}"
    assert_error(other.get(path), 404, "not_found")
    assert_error(other.patch(path, json={"state": "done"}, headers={"If-Match": item["etag"]}),
                 404, "not_found")
    assert_error(_create(other, numbers[8], _day(1)), 422, "validation_failed")


def test_changed_since_last_opened_clears_when_the_claim_is_opened() -> None:
    # A sandbox of its own: its demo user accepts the policy, which the shared ones must not.
    with private_sandbox("--rate-limit", "0") as own:
        demo = own.demo_users[2]
        opened_clears(sign_in_accepted(own, demo["username"], demo["password"]))


def opened_clears(client: Client) -> None:
    changed = client.get("/worklist").json()["changed"]
    assert changed, "the demo has claims whose status moved on"
    first = changed[0]
    assert first["seen_status"] != first["status"]
    assert client.get(f"/claims/{first['claim_id']}").status_code == 200
    after = {c["claim_id"] for c in client.get("/worklist").json()["changed"]}
    assert first["claim_id"] not in after


def test_demo_offices_have_a_day_of_work(sandbox: Sandbox) -> None:
    """The demo sized sandbox: about a hundred follow-ups per demo user in every bucket,
    and claims whose status moved on. Read from its database, so that no demo user signs
    in here (other tests rely on them not having accepted the newest policy)."""
    today = today_utc().isoformat()
    with read_only_db(sandbox) as conn:
        for demo in sandbox.demo_users:
            user_id = conn.execute("SELECT id FROM users WHERE username = ?",
                                   (demo["username"],)).fetchone()[0]
            dues = [r[0] for r in conn.execute(
                "SELECT due_date FROM followups WHERE assignee_id = ? AND state = 'open'",
                (user_id,))]
            assert len(dues) >= 80
            assert min(dues) < today and today in dues and max(dues) > today
            changed = conn.execute(
                "SELECT COUNT(*) FROM claim_seen s JOIN claims c ON c.id = s.claim_row "
                "WHERE s.user_id = ? AND (s.category != c.category "
                "OR s.status_code != c.status_code)", (user_id,)).fetchone()[0]
            assert changed >= 10


# --- saved searches ----------------------------------------------------------------------


def test_saved_search_lifecycle(office: tuple[Client, Client]) -> None:
    me = office[0]
    body = {"name": "Denied in March", "criteria": {"status": ["F2"],
                                                    "service_from": "2026-03-01"}}
    made = me.post("/saved-searches", json=body)
    assert made.status_code == 201, made.text
    assert_keys(made.json(), {"search_id", "name", "criteria", "created_at"})
    assert made.json()["criteria"] == body["criteria"]
    assert_error(me.post("/saved-searches", json=body), 409, "conflict")
    listed = me.get("/saved-searches").json()["items"]
    assert made.json()["search_id"] in {s["search_id"] for s in listed}
    assert office[1].get("/saved-searches").json()["items"] == [] or made.json()[
        "search_id"] not in {s["search_id"] for s in office[1].get("/saved-searches").json()[
            "items"]}
    path = f"/saved-searches/{made.json()['search_id']}"
    assert_error(office[1].delete(path), 404, "not_found")
    assert me.delete(path).status_code == 204
    assert_error(me.delete(path), 404, "not_found")


@pytest.mark.parametrize("body", [
    {"name": "", "criteria": {"member_id": "ZZ1"}},
    {"name": "x", "criteria": {}},
    {"name": "x", "criteria": {"sort": "-billed_amount"}},
    {"name": "x", "criteria": {"status": "F2"}},
])
def test_saved_search_bad_bodies(office: tuple[Client, Client], body: dict[str, Any]) -> None:
    assert_error(office[0].post("/saved-searches", json=body), 422, "validation_failed")


# --- playbook ------------------------------------------------------------------------------


def test_playbook_names_every_action_window_and_source(office: tuple[Client, Client]) -> None:
    resp = office[0].get("/codes/playbook")
    assert resp.status_code == 200, resp.text
    book = resp.json()
    assert_keys(book, {"version", "actions", "windows", "rules"})
    actions = {a["action"] for a in book["actions"]}
    assert actions == {"correct_resubmit", "appeal", "bill_patient", "send_records", "nothing"}
    assert actions == {r["action"] for r in book["rules"]}
    windows = {w["window"]: w for w in book["windows"]}
    assert windows["reconsideration"]["days"] == 90
    assert windows["appeal"]["days"] == 180
    assert windows["medicare_redetermination"]["days"] == 120
    assert windows["timely_filing"]["counted_from"] == "service_date"
    for rule in book["rules"]:
        assert rule["source"].strip() and rule["advice"].strip()
        assert rule["window"] is None or rule["window"] in windows
        assert any(rule[k] for k in ("category", "group_code", "carc", "rarc")), rule
