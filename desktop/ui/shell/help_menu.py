"""The Help menu's actions and File > Options, for the main window.

Why apart: these open boxes and fetch public information; none of it is part of the
sign-in state machine the window keeps. Help > Support contact works when the portal
is down: the last contact fetched is shown, saying when it was confirmed
(`support.SupportMemory`).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum, auto
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QWidget

from desktop.ui.common.errors import describe
from desktop.ui.shell.status import UNREACHABLE, PortalReach

if TYPE_CHECKING:
    # The dialogs behind the menu (and the models they show) load when first opened,
    # not before the sign-in screen is painted.
    from desktop.portal.api import PortalApi, PublicApi
    from desktop.portal.errors import PortalError
    from desktop.portal.models import Acceptance, Policy, SupportInfo
    from desktop.ui.operations import Operations
    from desktop.ui.shell.idle import IdleWatcher
    from desktop.ui.shell.options import ShellOptions
    from desktop.ui.shell.support import SupportMemory


class _Op(Enum):
    POLICY_VIEW = auto()
    SUPPORT = auto()


def _policy_and_history(api: PortalApi) -> tuple[Policy, list[Acceptance]]:
    return api.get_policy(), api.list_acceptances()


def _policy_alone(api: PublicApi) -> tuple[Policy, list[Acceptance]]:
    return api.get_policy(), []


class HelpMenu(QObject):
    def __init__(self, ops: Operations, window: QWidget, options: ShellOptions, *,
                 working: Callable[[], bool], reach: PortalReach,
                 idle: Callable[[], IdleWatcher]) -> None:
        super().__init__(window)
        self._ops = ops.scope(self)
        self._window, self._options = window, options
        self._working, self._reach, self._idle = working, reach, idle
        self._support_memory: SupportMemory | None = None
        self.options_dialog: QDialog | None = None

    @property
    def support_memory(self) -> SupportMemory:
        """The support contact last fetched (shown when the portal is down)."""
        if self._support_memory is None:
            from desktop.ui.shell.support import SupportMemory

            self._support_memory = SupportMemory(self._options.view)
        return self._support_memory

    def policy(self) -> None:
        """Help > Privacy policy; with the acceptance history when signed in. An expiry or
        a policy change meanwhile has its own flow, so it opens no box here."""
        def show(result: tuple[Policy, list[Acceptance]]) -> None:
            from desktop.ui.shell.help_dialogs import open_policy_view

            open_policy_view(self._window, *result)

        if self._working():
            self._ops.portal(_Op.POLICY_VIEW, _policy_and_history, on_success=show)
        else:
            self._ops.public(_Op.POLICY_VIEW, _policy_alone, on_success=show)
        # The dialog's code loads while the portal is asked, not after: the box then
        # opens in one short step once the answer is in.
        import desktop.ui.shell.policy_dialog  # noqa: F401

    def support(self) -> None:
        from desktop.ui.shell.support import open_no_support, open_support

        def fetched(info: SupportInfo) -> None:
            self._reach.note(None)
            self.support_memory.remember(info)
            open_support(self._window, info)

        def failed(exc: PortalError) -> None:
            self._reach.note(exc)
            kept = self.support_memory.info
            if kept is not None:  # the portal is down or answers nonsense: the last one
                open_support(self._window, kept, self.support_memory.confirmed_at,
                             down=isinstance(exc, UNREACHABLE))
            else:
                open_no_support(self._window, describe(exc))

        self._ops.public(_Op.SUPPORT, lambda api: api.get_support(), on_success=fetched,
                         on_failure=failed)

    def about(self) -> None:
        from desktop.ui.shell.help_dialogs import open_about

        open_about(self._window, self._options.portal_host)

    def preferences(self) -> None:
        """File > Options: the clerk's own, shorter idle lock."""
        def chosen(minutes: int) -> None:
            self._idle().set_timeout(minutes * 60.0)
            self._options.idle_lock_minutes = minutes
            self._options.save_idle_lock(minutes)

        from desktop.ui.shell.preferences import open_preferences

        self.options_dialog = open_preferences(self._window, self._options.idle_lock_minutes,
                                               self._options.idle_lock_max, chosen)
