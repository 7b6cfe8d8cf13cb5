"""What to do next about a claim, and by when: the portal's playbook applied to a claim.

Pure Python (no Qt, no network) so every rule is unit-tested: the claim detail, the
batch rows and the worklist all ask this one function. The playbook's rules match on
status category, group code, CARC and RARC; for each reason a claim was not paid in full
the most specific rule wins (ties: the earlier rule), and of the claim's reasons the one
that needs doing soonest is the claim's next step. Deadlines count calendar days from
the date of service (timely filing) or from the decision date (appeal windows).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from desktop.portal.claims import ClaimDetail
from desktop.portal.playbook import Action, CountedFrom, Playbook, Rule, Window
from desktop.portal.worklist import BatchClaim, Reason

#: Adjustments of an ordinary payment (contract write-off, the patient's usual share).
ROUTINE = frozenset({("CO", "45"), ("PR", "1"), ("PR", "2"), ("PR", "3")})
URGENT_DAYS = 14
#: Status families of a claim not yet finalized (acknowledged, pending, requests, errors).
OPEN_FAMILIES = frozenset("APRE")
SOON_DAYS = 30


class Urgency(Enum):
    """How close a deadline is; each has words so colour is never the only signal."""

    PASSED = "Deadline passed"
    URGENT = "Urgent"
    SOON = "Soon"
    OK = "On track"
    NONE = "No deadline"


@dataclass(frozen=True)
class ClaimFacts:
    """What the rules look at, from a claim detail or a batch row alike."""

    category: str
    service_date: date
    decided_at: date | None
    reasons: tuple[Reason, ...]
    remarks: tuple[str, ...]


@dataclass(frozen=True)
class NextStep:
    action: Action
    label: str
    advice: str
    deadline: date | None
    window: Window | None
    source: str

    def days_left(self, today: date) -> int | None:
        return None if self.deadline is None else (self.deadline - today).days

    def urgency(self, today: date) -> Urgency:
        left = self.days_left(today)
        if left is None:
            return Urgency.NONE
        if left < 0:
            return Urgency.PASSED
        return Urgency.URGENT if left <= URGENT_DAYS else (
            Urgency.SOON if left <= SOON_DAYS else Urgency.OK)


def days_words(left: int | None) -> str:
    """`12 days left`, `1 day left`, `Due today`, `3 days late`."""
    if left is None:
        return "No deadline"
    if left == 0:
        return "Due today"
    if left < 0:
        return f"{-left} day{'s' if left != -1 else ''} late"
    return f"{left} day{'s' if left != 1 else ''} left"


def _refusals(reasons: Iterable[Reason], category: str) -> tuple[Reason, ...]:
    kept = tuple(r for r in reasons if (r.group_code, r.carc) not in ROUTINE)
    if not kept and category == "F4":
        # Nothing refused outright: the patient's share (the deductible) took it all.
        kept = tuple(r for r in reasons if r.group_code == "PR")
    return kept


def facts_from_detail(detail: ClaimDetail) -> ClaimFacts:
    found: dict[tuple[str, str], list[str]] = {}
    remarks: dict[str, None] = {}
    for line in detail.lines:
        for code in line.remarks:
            remarks.setdefault(code, None)
        for adj in line.adjustments:
            known = found.setdefault((adj.group_code, adj.carc), [])
            known.extend(r for r in line.remarks if r not in known)
    reasons = tuple(Reason(g, c, tuple(r)) for (g, c), r in found.items())
    decided = detail.status_history[-1].effective_at.date() if detail.status_history else None
    return ClaimFacts(detail.status.category, detail.service_to, decided,
                      _refusals(reasons, detail.status.category), tuple(remarks))


def facts_from_batch(claim: BatchClaim) -> ClaimFacts:
    s = claim.summary
    return ClaimFacts(s.status.category, s.service_to, claim.decided_at,
                      _refusals(claim.reasons, s.status.category), claim.remarks)


def _matches(rule: Rule, category: str, reason: Reason) -> bool:
    return ((rule.category is None or rule.category == category)
            and (rule.group_code is None or rule.group_code == reason.group_code)
            and (rule.carc is None or rule.carc == reason.carc)
            and (rule.rarc is None or rule.rarc in reason.remarks))


def best_rule(book: Playbook, category: str, reason: Reason) -> Rule | None:
    best: Rule | None = None
    for rule in book.rules:
        if _matches(rule, category, reason) and (
                best is None or rule.specificity > best.specificity):
            best = rule
    return best


def _step(book: Playbook, rule: Rule, facts: ClaimFacts) -> NextStep:
    window = book.windows.get(rule.window) if rule.window else None
    deadline = None
    if window is not None:
        start = (facts.service_date if window.counted_from is CountedFrom.SERVICE_DATE
                 else facts.decided_at)
        deadline = None if start is None else start + timedelta(days=window.days)
    return NextStep(rule.action, book.label(rule.action), rule.advice, deadline, window,
                    rule.source)


def next_step(facts: ClaimFacts, book: Playbook) -> NextStep | None:
    """The claim's next step, or None when no rule speaks to it (e.g. still in process).

    Without refusing adjustments, the remarks alone (a request for records) or the
    status category decide.
    """
    # No refusing adjustment: a request for records (remarks) speaks only while the
    # claim is open; on a finalized claim a remark on a paid line is information.
    remarks = facts.remarks if facts.category[:1] in OPEN_FAMILIES else ()
    reasons = facts.reasons or (Reason("", "", remarks),)
    steps = []
    for reason in reasons:
        rule = best_rule(book, facts.category, reason)
        if rule is not None:
            steps.append(_step(book, rule, facts))
    if not steps:
        return None

    def order(step: NextStep) -> tuple[bool, date]:
        return (step.action is Action.NOTHING, step.deadline or date.max)

    return min(steps, key=order)
