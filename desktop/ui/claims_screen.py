"""Claim search, results and claim detail (placeholder until its milestone lands)."""

from __future__ import annotations

from desktop.ui.context import ScreenContext
from desktop.ui.placeholders import Screen, claims_placeholder


def make_claims_screen(ctx: ScreenContext) -> Screen:
    return claims_placeholder()
