"""Shows the privacy-policy dialog and records the acceptance before anything else happens.

Used in three places: first launch (before sign-in, remembered locally as the
last seen version), after a sign-in whose accepted version is not current, and
mid-session when the portal says the policy changed. Only one dialog is open at
a time; callers that arrive while it is open wait for the same outcome.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum, auto
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from desktop.portal.errors import PortalError
from desktop.ui.common.errors import describe
from desktop.ui.operations import Operations

if TYPE_CHECKING:  # the dialog's module loads when a policy is first shown, not at start-up
    from datetime import datetime

    from desktop.portal.api import PortalApi, PublicApi
    from desktop.portal.models import Policy
    from desktop.ui.shell.policy_dialog import PolicyDialog

Done = Callable[[], None]


class _Op(Enum):
    LOAD = auto()
    RECORD = auto()


def load_policies(api: PublicApi, previous_version: str | None) -> tuple[Policy, Policy | None]:
    """Worker thread: the current policy, and the one accepted before (for the changes)."""
    current = api.get_policy()
    previous = None
    if previous_version and previous_version != current.version:
        try:
            previous = api.get_policy_version(previous_version)
        except PortalError:  # the diff is a nicety; the summary still shows
            previous = None
    return current, previous


@dataclass(frozen=True)
class Loaded:
    current: Policy
    previous: Policy | None
    accepted_at: datetime | None


def load_with_history(api: PortalApi, previous_version: str | None) -> Loaded:
    """Worker thread, signed in: also when the user accepted the previous version."""
    current, previous = load_policies(api, previous_version)
    accepted_at = None
    if previous_version:
        try:
            accepted_at = next((a.accepted_at for a in api.list_acceptances()
                                if a.version == previous_version), None)
        except PortalError:  # the date is a nicety too
            accepted_at = None
    return Loaded(current, previous, accepted_at)


@dataclass
class _Waiters:
    accepted: list[Done] = field(default_factory=list)
    declined: list[Done] = field(default_factory=list)


class PolicyGate(QObject):
    #: The portal (or, before sign-in, this computer) recorded an acceptance of a version.
    accepted = Signal(str)

    def __init__(self, ops: Operations, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self._ops = ops.scope(self)
        self._parent = parent_widget
        self._dialog: PolicyDialog | None = None
        self._waiters = _Waiters()
        self._loading = False

    @property
    def dialog(self) -> PolicyDialog | None:
        return self._dialog

    @property
    def is_open(self) -> bool:
        return self._dialog is not None or self._loading

    def require(
        self,
        *,
        previous_version: str | None,
        record: Callable[[str], Any],
        on_accepted: Done,
        on_declined: Done,
        on_error: Callable[[str], None],
        signed_in: bool = False,
        accepted_at: datetime | None = None,
    ) -> None:
        """Show the gate; `record(version)` runs off the GUI thread when the user accepts.

        `previous_version` (accepted before, on `accepted_at` if known) is what "What
        changed" compares with; signed in, the date comes from the user's acceptances.
        """
        self._waiters.accepted.append(on_accepted)
        self._waiters.declined.append(on_declined)
        if self.is_open:
            return
        self._loading = True

        def loaded(result: Loaded) -> None:
            self._loading = False
            self._open(result, previous_version, record)

        def failed(exc: PortalError) -> None:
            self._loading = False
            self._waiters = _Waiters()
            on_error(describe(exc))

        if signed_in:
            self._ops.portal(_Op.LOAD, lambda api: load_with_history(api, previous_version),
                             on_success=loaded, on_failure=failed, on_interrupted=failed)
        else:
            def public(api: PublicApi) -> Loaded:
                current, previous = load_policies(api, previous_version)
                return Loaded(current, previous, accepted_at)

            self._ops.public(_Op.LOAD, public, on_success=loaded, on_failure=failed)

    def _open(self, loaded: Loaded, previous_version: str | None,
              record: Callable[[str], Any]) -> None:
        from desktop.ui.shell.policy_dialog import PolicyDialog

        dlg = PolicyDialog(loaded.current, previous=loaded.previous,
                           previous_version=previous_version, accepted_at=loaded.accepted_at,
                           gate=True, parent=self._parent)
        self._dialog = dlg

        def recorded(version: str) -> None:
            self.accepted.emit(version)
            dlg.accept()

        def accept_requested(version: str) -> None:
            self._ops.background(_Op.RECORD, lambda: record(version),
                                 on_success=lambda _r: recorded(version),
                                 on_failure=lambda e: dlg.acceptance_failed(describe(e)))

        dlg.accept_requested.connect(accept_requested)
        dlg.finished.connect(self._finished)
        dlg.open()

    def _finished(self, result: int) -> None:
        dlg, self._dialog = self._dialog, None
        waiters, self._waiters = self._waiters, _Waiters()
        if dlg is not None:
            dlg.deleteLater()
        for callback in (waiters.accepted if result == QDialog.DialogCode.Accepted.value
                         else waiters.declined):
            callback()
