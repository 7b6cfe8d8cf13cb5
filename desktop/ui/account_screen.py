"""Account settings (placeholder until its milestone lands)."""

from __future__ import annotations

from desktop.ui.context import ScreenContext
from desktop.ui.placeholders import Screen, account_placeholder


def make_account_screen(ctx: ScreenContext) -> Screen:
    return account_placeholder()
