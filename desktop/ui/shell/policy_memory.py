"""What this launch and this computer remember about privacy-policy acceptances.

Why: every acceptance (first launch, after sign-in, mid-session, registration) must be
kept as the last seen version, or the next start asks again for a version accepted
mid-session; and a version accepted at first launch, before anyone signed in, is
recorded for the clerk who signs in next instead of asking them a second time a
minute later (one acceptance per version per user). The date of the last acceptance
on this computer is kept in the view state, so "What changed" can name it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.ui.viewstate import ViewState

if TYPE_CHECKING:
    from datetime import datetime

    from desktop.ui.shell.options import ShellOptions

SEEN_AT_KEY = "policy/last_seen_at"


class PolicyMemory:
    def __init__(self, options: ShellOptions, view: ViewState) -> None:
        self._options, self._view = options, view
        #: The version accepted in this launch (registration needs one).
        self.this_launch: str | None = None
        self._before_sign_in: str | None = None

    @property
    def last_seen(self) -> str | None:
        return self._options.last_seen_policy_version

    def remember(self, version: str, *, signed_out: bool) -> None:
        """An acceptance was recorded (on the portal, or before sign-in on this PC)."""
        if signed_out:
            self._before_sign_in = version
        self.this_launch = version
        if version != self._options.last_seen_policy_version:
            from datetime import UTC, datetime  # loaded when first needed, not at start-up

            self._view.save_text(SEEN_AT_KEY, datetime.now(UTC).isoformat())
        self._options.last_seen_policy_version = version
        self._options.remember_policy_version(version)

    def seen_at(self) -> datetime | None:
        """When the last seen version was accepted on this computer, if known."""
        from datetime import UTC, datetime

        try:
            at = datetime.fromisoformat(self._view.load_text(SEEN_AT_KEY) or "")
        except ValueError:
            return None
        return at if at.tzinfo else at.replace(tzinfo=UTC)

    def take_before_sign_in(self) -> str | None:
        """The version accepted before this sign-in, once: a later sign-in (another
        clerk, after a sign-out) is asked as usual."""
        version, self._before_sign_in = self._before_sign_in, None
        return version

    def signed_in(self, accepted: str | None) -> None:
        self.this_launch = accepted or self.this_launch
