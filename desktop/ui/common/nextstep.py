""""What to do next" on screen: one sentence, a deadline in days, a colour with words.

Shared by the claim detail, the batch rows and the worklist so that a clerk reads the
same words everywhere. Colour is never the only signal: the urgency is also written out
("Urgent: 12 days left"), for colour-blind users, printouts and screen readers.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from desktop.nextstep import NextStep, Urgency, days_words

# (background, text) with at least 7:1 contrast for the text.
URGENCY_COLOURS: dict[Urgency, tuple[str, str]] = {
    Urgency.PASSED: ("#fde7e9", "#7d1414"),
    Urgency.URGENT: ("#fff1dc", "#6b3900"),
    Urgency.SOON: ("#fff6cf", "#4d3b00"),
    Urgency.OK: ("#e3f4e6", "#14491a"),
    Urgency.NONE: ("#ececec", "#262626"),
}


def deadline_text(step: NextStep, today: date, fmt_date: Callable[[date], str]) -> str:
    """`Urgent: 12 days left (by 12/13/2026)`; `No deadline` when there is none."""
    urgency = step.urgency(today)
    if step.deadline is None:
        return urgency.value
    words = days_words(step.days_left(today))
    window = f", {step.window.name.replace('_', ' ')}" if step.window else ""
    return f"{urgency.value}: {words} (by {fmt_date(step.deadline)}{window})"


def short_deadline(step: NextStep | None, today: date) -> str:
    """For a table cell: `12 days left`, `3 days late`, or empty."""
    if step is None or step.deadline is None:
        return ""
    return days_words(step.days_left(today))


def step_sentence(step: NextStep, today: date, fmt_date: Callable[[date], str]) -> str:
    """The detail's "What to do next" paragraph: action, advice, deadline, source."""
    return (f"{step.label}. {step.advice}\n{deadline_text(step, today, fmt_date)}.\n"
            f"Rule: {step.source}.")


def step_style(step: NextStep, today: date) -> str:
    bg, fg = URGENCY_COLOURS[step.urgency(today)]
    return f"background: {bg}; color: {fg}; border-radius: 3px; padding: 6px 8px;"
