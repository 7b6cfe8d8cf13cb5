"""The playbook applied to claims: which rule wins, which reason decides, the deadline."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.nextstep import (
    ClaimFacts,
    Urgency,
    days_words,
    facts_from_detail,
    next_step,
)
from desktop.portal.playbook import Action, parse_playbook
from desktop.portal.worklist import Reason
from sandbox import playbook as sandbox_playbook
from tests.ui.claims.support import detail, line

BOOK = parse_playbook(sandbox_playbook.document())
SERVED = date(2026, 3, 2)
DECIDED = date(2026, 4, 1)


def facts(category: str = "F2", *reasons: tuple[str, str, tuple[str, ...]],
          remarks: tuple[str, ...] = ()) -> ClaimFacts:
    return ClaimFacts(category, SERVED, DECIDED,
                      tuple(Reason(g, c, r) for g, c, r in reasons), remarks)


@pytest.mark.parametrize(("claim", "action"), [
    (facts("F2", ("CO", "16", ("M51",))), Action.CORRECT_RESUBMIT),
    (facts("F2", ("CO", "50", ("N115",))), Action.APPEAL),
    (facts("F2", ("PR", "27", ())), Action.BILL_PATIENT),
    (facts("F2", ("CO", "252", ("N29",))), Action.SEND_RECORDS),
    (facts("F2", ("CO", "18", ("N111",))), Action.NOTHING),
    (facts("A7"), Action.CORRECT_RESUBMIT),
    (facts("R4", remarks=("M127",)), Action.SEND_RECORDS),
    (facts("F1"), Action.NOTHING),
    (facts("F4", ("PR", "1", ())), Action.BILL_PATIENT),
    # A reason code without its own rule falls back on its group.
    (facts("F2", ("CO", "999", ())), Action.APPEAL),
])
def test_every_action_is_reached(claim: ClaimFacts, action: Action) -> None:
    step = next_step(claim, BOOK)
    assert step is not None and step.action is action
    assert step.label and step.advice and step.source


def test_a_remark_on_a_paid_claim_is_information_not_a_request() -> None:
    step = next_step(facts("F1", remarks=("N29",)), BOOK)
    assert step is not None and step.action is Action.NOTHING
    pending = next_step(facts("P3", remarks=("N29",)), BOOK)
    assert pending is not None and pending.action is Action.SEND_RECORDS


def test_nothing_matches_a_claim_still_in_process() -> None:
    assert next_step(facts("P1"), BOOK) is None


def test_deadlines_count_from_service_or_decision_date() -> None:
    resubmit = next_step(facts("F2", ("CO", "16", ())), BOOK)
    assert resubmit is not None and resubmit.deadline == SERVED + timedelta(days=365)
    appeal = next_step(facts("F2", ("CO", "50", ())), BOOK)
    assert appeal is not None and appeal.deadline == DECIDED + timedelta(days=180)
    recon = next_step(facts("F2", ("CO", "197", ())), BOOK)
    assert recon is not None and recon.deadline == DECIDED + timedelta(days=90)
    bill = next_step(facts("F2", ("PR", "27", ())), BOOK)
    assert bill is not None and bill.deadline is None


def test_the_reason_with_the_soonest_deadline_decides_and_nothing_to_do_goes_last() -> None:
    claim = facts("F2", ("CO", "18", ()), ("CO", "50", ()), ("CO", "197", ()))
    step = next_step(claim, BOOK)
    assert step is not None and step.action is Action.APPEAL
    assert step.deadline == DECIDED + timedelta(days=90)  # reconsideration before appeal


def test_a_partly_paid_claim_is_judged_by_its_refused_line() -> None:
    paid = line(1)
    refused = line(2, allowed="0.00", paid="0.00", adjustments=(("CO", "50", "100.00"),),
                   remarks=("N115",))
    d = detail(category="F1", lines=(paid, refused))
    step = next_step(facts_from_detail(d), BOOK)
    assert step is not None and step.action is Action.APPEAL
    plain_paid = next_step(facts_from_detail(detail(category="F1")), BOOK)
    assert plain_paid is not None and plain_paid.action is Action.NOTHING


def test_decision_date_is_the_latest_status() -> None:
    d = detail(category="F2", lines=(line(adjustments=(("CO", "50", "1.00"),)),))
    f = facts_from_detail(d)
    assert f.decided_at == d.status_history[-1].effective_at.date()
    assert f.service_date == d.service_to


@pytest.mark.parametrize(("left", "words", "urgency"), [
    (12, "12 days left", Urgency.URGENT),
    (1, "1 day left", Urgency.URGENT),
    (0, "Due today", Urgency.URGENT),
    (-1, "1 day late", Urgency.PASSED),
    (-3, "3 days late", Urgency.PASSED),
    (20, "20 days left", Urgency.SOON),
    (200, "200 days left", Urgency.OK),
])
def test_days_left_in_words_and_urgency(left: int, words: str, urgency: Urgency) -> None:
    step = next_step(facts("F2", ("CO", "50", ())), BOOK)
    assert step is not None and step.deadline is not None
    today = step.deadline - timedelta(days=left)
    assert days_words(step.days_left(today)) == words
    assert step.urgency(today) is urgency


def test_no_deadline_in_words() -> None:
    step = next_step(facts("F2", ("PR", "27", ())), BOOK)
    assert step is not None
    assert days_words(step.days_left(date(2026, 5, 1))) == "No deadline"
    assert step.urgency(date(2026, 5, 1)) is Urgency.NONE
