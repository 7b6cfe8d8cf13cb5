"""What a workspace screen is built from: handed in by the composition root (app.py).

Screens never reach through the main window or the session to find their
dependencies; they get exactly this. Dialogs a screen opens use `self.window()`
as their parent.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.portal.client import PortalClient
from desktop.session import Session
from desktop.tasks import Runner


@dataclass(frozen=True)
class ScreenContext:
    session: Session
    #: For the calls themselves; wrap authenticated ones in `session.call(...)` so that an
    #: expired session or a policy change is noticed.
    client: PortalClient
    runner: Runner
    allow_export: bool = True
    allow_print: bool = True
