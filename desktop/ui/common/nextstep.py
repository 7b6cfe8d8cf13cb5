""""What to do next" on screen: one sentence, a deadline in days, a tone with words.

Shared by the claim detail, the batch rows and the worklist so that a clerk reads the
same words everywhere. Colour is never the only signal: the urgency is also written out
("Urgent: 12 days left"), for colour-blind users, printouts and screen readers. Colours
come from the style's tones (`desktop.ui.common.style`), so they follow the scheme.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QObject

from desktop.nextstep import NextStep, Urgency
from desktop.ui.common.formats import plural
from desktop.ui.common.i18n import QT_TRANSLATE_NOOP, translate
from desktop.ui.common.style import Tone

URGENCY_TONES: dict[Urgency, Tone] = {
    Urgency.PASSED: Tone.BAD,
    Urgency.URGENT: Tone.WARN,
    Urgency.SOON: Tone.CAUTION,
    Urgency.OK: Tone.GOOD,
    Urgency.NONE: Tone.NEUTRAL,
}

_URGENCY_WORDS: dict[Urgency, object] = {  # QT_TRANSLATE_NOOP is typed `object`
    Urgency.PASSED: QT_TRANSLATE_NOOP("NextStep", "Deadline passed"),
    Urgency.URGENT: QT_TRANSLATE_NOOP("NextStep", "Urgent"),
    Urgency.SOON: QT_TRANSLATE_NOOP("NextStep", "Soon"),
    Urgency.OK: QT_TRANSLATE_NOOP("NextStep", "On track"),
    Urgency.NONE: QT_TRANSLATE_NOOP("NextStep", "No deadline"),
}


def urgency_words(urgency: Urgency) -> str:
    return translate("NextStep", str(_URGENCY_WORDS[urgency]))


class NextStepWords(QObject):
    """The plural texts: `pyside6-lupdate` marks a text as having plural forms only in a
    `tr(text, None, n)` call, so these live on a QObject (context `NextStepWords`)."""

    def days_left(self, n: int) -> str:
        return plural(self.tr("%Ln day(s) left", None, n), n)

    def days_late(self, n: int) -> str:
        return plural(self.tr("%Ln day(s) late", None, n), n)


_words: NextStepWords | None = None


def days_text(left: int | None) -> str:
    """`12 days left`, `1 day left`, `Due today`, `3 days late` (translated, plural)."""
    global _words
    if left is None:
        return translate("NextStep", "No deadline")
    if left == 0:
        return translate("NextStep", "Due today")
    if _words is None:
        _words = NextStepWords()
    return _words.days_late(-left) if left < 0 else _words.days_left(left)


def step_tone(step: NextStep | None, today: date) -> Tone | None:
    """The tone of a step's deadline; None when there is no deadline to colour."""
    if step is None or step.deadline is None:
        return None
    return URGENCY_TONES[step.urgency(today)]


def deadline_text(step: NextStep, today: date, fmt_date: Callable[[date], str]) -> str:
    """`Urgent: 12 days left (by 12/13/2026, appeal window)`; `No deadline` when none."""
    urgency = step.urgency(today)
    if step.deadline is None:
        return urgency_words(urgency)
    window = step.window.name.replace("_", " ") if step.window else ""
    if window:
        return translate("NextStep", "{urgency}: {days} (by {date}, {window})").format(
            urgency=urgency_words(urgency), days=days_text(step.days_left(today)),
            date=fmt_date(step.deadline), window=window)
    return translate("NextStep", "{urgency}: {days} (by {date})").format(
        urgency=urgency_words(urgency), days=days_text(step.days_left(today)),
        date=fmt_date(step.deadline))


def short_deadline(step: NextStep | None, today: date) -> str:
    """For a table cell: `12 days left`, `3 days late`, or empty."""
    if step is None or step.deadline is None:
        return ""
    return days_text(step.days_left(today))


def deadline_cell(step: NextStep | None, today: date) -> str:
    """A deadline column's cell: `Urgent: 12 days left`, or empty without a deadline."""
    if step is None or step.deadline is None:
        return ""
    return translate("NextStep", "{urgency}: {days}").format(
        urgency=urgency_words(step.urgency(today)), days=short_deadline(step, today))


def step_sentence(step: NextStep, today: date, fmt_date: Callable[[date], str]) -> str:
    """The detail's "What to do next" paragraph: action, advice, deadline, source."""
    return translate("NextStep", "{label}. {advice}\n{deadline}.\nRule: {source}.").format(
        label=step.label, advice=step.advice,
        deadline=deadline_text(step, today, fmt_date), source=step.source)

