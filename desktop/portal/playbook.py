"""The portal's denial playbook (`GET /codes/playbook`) as typed values.

The rules are the portal's data (its plan sets the appeal windows); the client only
matches them against a claim and counts days (`desktop.nextstep`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from desktop.portal.wirejson import Obj


class Action(Enum):
    """The next step, in the playbook's vocabulary."""

    CORRECT_RESUBMIT = "correct_resubmit"
    APPEAL = "appeal"
    BILL_PATIENT = "bill_patient"
    SEND_RECORDS = "send_records"
    NOTHING = "nothing"


class CountedFrom(Enum):
    SERVICE_DATE = "service_date"
    DECISION_DATE = "decision_date"


@dataclass(frozen=True)
class Window:
    name: str
    days: int
    counted_from: CountedFrom
    source: str


@dataclass(frozen=True)
class Rule:
    rule_id: str
    category: str | None
    group_code: str | None
    carc: str | None
    rarc: str | None
    action: Action
    advice: str
    window: str | None
    source: str

    @property
    def specificity(self) -> int:
        return sum(v is not None for v in (self.category, self.group_code, self.carc,
                                            self.rarc))


@dataclass(frozen=True)
class Playbook:
    version: str
    labels: dict[Action, str]
    windows: dict[str, Window]
    rules: tuple[Rule, ...]

    def label(self, action: Action) -> str:
        return self.labels.get(action) or action.value.replace("_", " ").capitalize()


EMPTY_PLAYBOOK = Playbook(version="", labels={}, windows={}, rules=())
_ACTIONS = [a.value for a in Action]


def parse_playbook(doc: object) -> Playbook:
    o = Obj(doc)
    labels: dict[Action, str] = {}
    for v, p in o.array("actions", max_items=100):
        a = Obj(v, p)
        labels[Action(a.one_of("action", _ACTIONS))] = a.text("label", max_len=200)
    windows: dict[str, Window] = {}
    for v, p in o.array("windows", max_items=100):
        w = Obj(v, p)
        name = w.text("window", nonempty=True, max_len=60)
        windows[name] = Window(
            name=name, days=w.integer("days", lo=1, hi=10_000),
            counted_from=CountedFrom(w.one_of("counted_from", [c.value for c in CountedFrom])),
            source=w.text("source", max_len=500))
    rules = []
    for v, p in o.array("rules", max_items=10_000):
        r = Obj(v, p)
        rules.append(Rule(
            rule_id=r.ident("rule_id"), category=r.opt_text("category", max_len=10),
            group_code=r.opt_text("group_code", max_len=4), carc=r.opt_text("carc", max_len=20),
            rarc=r.opt_text("rarc", max_len=20), action=Action(r.one_of("action", _ACTIONS)),
            advice=r.text("advice", max_len=1000), window=r.opt_text("window", max_len=60),
            source=r.text("source", max_len=500)))
    return Playbook(version=o.text("version", max_len=60), labels=labels, windows=windows,
                    rules=tuple(rules))
