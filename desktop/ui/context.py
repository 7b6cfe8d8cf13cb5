"""What a workspace screen is built from: handed in by the composition root (app.py).

Screens never reach through the main window or the session to find their
dependencies; they get exactly this. Their portal work runs through `ops`
(`ctx.ops.scope(self)`, see `desktop.ui.operations`); dialogs a screen opens use
`self.window()` as their parent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.ui.operations import Operations
from desktop.ui.viewstate import MemoryViewState, ViewState


def _no_sign_out(_reason: str) -> None:
    """Default for tests that never deactivate an account."""


def _no_open_claim(_claim_id: str, _claim_number: str) -> None:
    """Default for screens tested alone."""


@dataclass(frozen=True)
class ScreenContext:
    ops: Operations
    allow_export: bool = True
    allow_print: bool = True
    #: Ends the session (the portal already revoked it, e.g. after deactivation) and
    #: shows the sign-in screen with this reason.
    sign_out: Callable[[str], None] = _no_sign_out
    #: IT requires two-step sign-in (managed setting `require_mfa`).
    require_mfa: bool = False
    #: Shows a claim (id, number) in the Claims screen's detail: batch rows, the worklist
    #: and recent claims open claims through this.
    open_claim: Callable[[str, str], None] = _no_open_claim
    #: Layout kept between runs (column widths, splitters); see `desktop.ui.viewstate`.
    view: ViewState = field(default_factory=MemoryViewState)
