"""Claim status on screen: tones that always come with words, and the status groups.

Colour helps a clerk scan a column of statuses, but the category and its label are
always written out too (colour-blind users, printouts, screen readers). The colours
come from `style.Tone` (one scheme for the whole application); a category's tone is
looked up in a dict built once, so painting a status cell costs two dict lookups.

The clerk thinks in outcomes (paid, denied, pending, needs information, rejected), not
in the ~40 X12 277 categories. `GROUPS` puts every category the contract lists under
one outcome, so the picker (`status_picker.StatusPicker`) can offer the outcomes in
plain words and keep the exact categories one step further for those who know them.
The portal accepts families (`P`) and categories (`F2`); a group whose categories make
up a whole family is sent as the family (shorter URLs, same answer).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtGui import QColor

from desktop.ui.claims.explain import STATUS_CATEGORIES
from desktop.ui.claims.tr import QT_TRANSLATE_NOOP, counted
from desktop.ui.common.i18n import translate
from desktop.ui.common.style import Tone, tone_colours

FAMILIES: tuple[str, ...] = ("A", "P", "F", "R", "E")


@dataclass(frozen=True)
class StatusGroup:
    """An outcome in a clerk's words and the X12 categories it stands for."""

    key: str
    words: str  # QT_TRANSLATE_NOOP'd: shown through `group_words`
    categories: tuple[str, ...]
    tone: Tone
    #: Offered as a one-click choice (the last two are only in "Exact status codes…").
    preset: bool = True


def _family(letter: str) -> tuple[str, ...]:
    return tuple(c for c in STATUS_CATEGORIES if c.startswith(letter))


GROUPS: tuple[StatusGroup, ...] = (
    # F0 and F3 end with money paid as often as not; the client never explains them as
    # refusals (explain.why_summary), so they count as paid, with F1.
    StatusGroup("paid", QT_TRANSLATE_NOOP("ClaimStatus", "Paid"), ("F0", "F1", "F3"),
                Tone.GOOD),
    StatusGroup("denied", QT_TRANSLATE_NOOP("ClaimStatus", "Denied"), ("F2", "F4"),
                Tone.BAD),
    StatusGroup("pending", QT_TRANSLATE_NOOP("ClaimStatus", "Pending"), _family("P"),
                Tone.CAUTION),
    StatusGroup("info", QT_TRANSLATE_NOOP("ClaimStatus", "Needs information"),
                _family("R"), Tone.SPECIAL),
    StatusGroup("rejected", QT_TRANSLATE_NOOP("ClaimStatus", "Rejected"),
                ("A3", "A4", "A6", "A7", "A8"), Tone.BAD),
    StatusGroup("received", QT_TRANSLATE_NOOP("ClaimStatus", "Received"),
                ("A0", "A1", "A2", "A5"), Tone.INFO, preset=False),
    StatusGroup("error", QT_TRANSLATE_NOOP("ClaimStatus", "Status error"), _family("E"),
                Tone.NEUTRAL, preset=False),
)
PRESETS: tuple[StatusGroup, ...] = tuple(g for g in GROUPS if g.preset)
_GROUP_OF: dict[str, StatusGroup] = {c: g for g in GROUPS for c in g.categories}
_TONE_OF: dict[str, Tone] = {c: g.tone for c, g in _GROUP_OF.items()}


def group_words(group: StatusGroup) -> str:
    return translate("ClaimStatus", group.words)


def group_of(category: str) -> StatusGroup | None:
    return _GROUP_OF.get(category.strip().upper())


def outcome_words(category: str) -> str:
    """`Denied` for F2; "" for a category outside the contract."""
    group = group_of(category)
    return group_words(group) if group is not None else ""


def status_tone(category: str) -> Tone:
    return _TONE_OF.get(category, Tone.NEUTRAL)


def status_qcolours(category: str) -> tuple[QColor, QColor]:
    """(background, ink) of a status cell; `tone_colours` caches the QColors."""
    return tone_colours(_TONE_OF.get(category, Tone.NEUTRAL))


def expand(codes: Iterable[str]) -> set[str]:
    """Families and categories -> the categories they cover (unknown codes dropped)."""
    out: set[str] = set()
    for raw in codes:
        code = raw.strip().upper()
        if code in FAMILIES:
            out.update(_family(code))
        elif code in _GROUP_OF:
            out.add(code)
    return out


def compact(categories: Iterable[str]) -> tuple[str, ...]:
    """Categories -> what the portal is sent: whole families as their letter, in the
    contract's order, then the other categories."""
    chosen = set(categories)
    families = [f for f in FAMILIES if set(_family(f)) <= chosen]
    rest = [c for c in STATUS_CATEGORIES if c in chosen and c[:1] not in families]
    return (*families, *rest)


def selection_words(codes: Iterable[str]) -> str:
    """What a selection is called on the button: `Any status`, `Denied`, `Paid or
    Denied`, or `3 status codes` when it is not a set of whole outcomes."""
    chosen = expand(codes)
    if not chosen:
        return translate("ClaimStatus", "Any status")
    whole = [g for g in GROUPS if set(g.categories) <= chosen]
    covered = {c for g in whole for c in g.categories}
    if covered == chosen and len(whole) <= 3:
        return translate("ClaimStatus", " or ").join(group_words(g) for g in whole)
    return counted(translate("ClaimStatus", "%n status code(s)", None, len(chosen)),
                   len(chosen))
