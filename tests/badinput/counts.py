"""What the bad-input tests exercised, for the one-line summary at the end of the run."""

from __future__ import annotations

#: run id -> server string fields poisoned in it.
SERVER: dict[str, int] = {}
#: field name -> hostile values typed into it.
TYPED: dict[str, int] = {}
#: "rejected" / "sent" -> typed values that a field rule refused / that went to the portal.
OUTCOMES: dict[str, int] = {}
