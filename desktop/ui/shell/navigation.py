"""Opening a claim from any screen: batch rows, the worklist, recent claims.

Why a small object and not a signal chain through the window: screens are built at the
first sign-in, after the composition root has handed out their `ScreenContext`; this is
handed out first (`ScreenContext.open_claim`) and attached to the window once it exists,
so no screen ever holds the window or another screen.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from desktop.ui.screen import Screen

CLAIMS_KEY = "claims"


@runtime_checkable
class OpensClaims(Protocol):
    def open_claim(self, claim_id: str, claim_number: str) -> None: ...


class Shell(Protocol):
    """What the opener needs of the main window."""

    @property
    def screens(self) -> dict[str, Screen]: ...

    def show_screen(self, key: str) -> None: ...


class ClaimOpener:
    def __init__(self) -> None:
        self._shell: Shell | None = None

    def attach(self, shell: Shell) -> None:
        self._shell = shell

    def open(self, claim_id: str, claim_number: str) -> None:
        shell = self._shell
        if shell is None:
            return
        screen = shell.screens.get(CLAIMS_KEY)
        if not isinstance(screen, OpensClaims):
            return
        shell.show_screen(CLAIMS_KEY)
        if screen.isVisible():  # the screen shown before may have kept the clerk (unsaved)
            screen.open_claim(claim_id, claim_number)
