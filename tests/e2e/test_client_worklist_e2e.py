"""`PortalClient`'s clerk's-day methods against the real sandbox over real TLS."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop.portal import PortalClient, PreconditionFailed, ValidationFailed
from desktop.portal.claims import ClaimSearch
from desktop.portal.playbook import Action
from desktop.portal.worklist import Bucket, WorkChanges, WorkState
from tests.conftest import Sandbox
from tests.e2e.portal_helpers import (
    close_pools_after_module,  # noqa: F401  (an autouse fixture)
    demo_contract,
    register,
    today_utc,
    writes_sandbox,
)

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def sb() -> Sandbox:
    return writes_sandbox()


def signed_in(sb: Sandbox) -> PortalClient:
    user = register(sb, demo_contract(sb, 0))
    client = PortalClient(sb.url, ca_bundle=sb.ca_bundle)
    client.create_session(user.username, user.password)
    client.accept_policy(client.get_policy().version)
    return client


def test_batch_and_playbook(sb: Sandbox) -> None:
    client = signed_in(sb)
    page = client.search_claims(ClaimSearch(), limit=5)
    numbers = [c.claim_number for c in page.items]
    items = client.status_batch([*numbers, "00000000000000"])
    assert [i.claim_number for i in items] == [*numbers, "00000000000000"]
    assert items[-1].claim is None
    assert all(i.claim is not None for i in items[:-1])
    assert items[0].claim is not None and items[0].claim.summary.claim_number == numbers[0]
    with pytest.raises(ValueError):
        client.status_batch([str(n) for n in range(501)])
    book = client.get_playbook()
    assert set(book.labels) == set(Action)
    assert book.windows["appeal"].days == 180


def test_follow_up_round_trip_and_stale_etag(sb: Sandbox) -> None:
    me, colleague = signed_in(sb), signed_in(sb)
    number = me.search_claims(ClaimSearch(), limit=1).items[0].claim_number
    item = me.create_work_item(number, today_utc(), "Call the payer")
    assert item.bucket is Bucket.TODAY and item.state is WorkState.OPEN
    assert item.item_id in {i.item_id for i in me.get_worklist().items}
    theirs = colleague.update_work_item(item.item_id, WorkChanges(note="theirs"),
                                        colleague.get_work_item(item.item_id).etag)
    assert theirs.note == "theirs"
    with pytest.raises(PreconditionFailed):
        me.update_work_item(item.item_id, WorkChanges(state=WorkState.DONE), item.etag)
    done = me.update_work_item(item.item_id, WorkChanges(state=WorkState.DONE), theirs.etag)
    assert done.state is WorkState.DONE and done.bucket is None
    with pytest.raises(ValidationFailed) as bad:
        me.create_work_item(number, today_utc() - timedelta(days=30), "")
    assert "due_date" in bad.value.fields
    assert len(me.list_assignees()) >= 2


def test_saved_searches_round_trip(sb: Sandbox) -> None:
    client = signed_in(sb)
    criteria = ClaimSearch(member_id="ZZ123", statuses=("F2", "P"))
    saved = client.save_search("Denied and pending", criteria)
    assert saved.criteria == criteria
    assert [s.name for s in client.list_saved_searches()] == ["Denied and pending"]
    client.delete_saved_search(saved.search_id)
    assert client.list_saved_searches() == ()
