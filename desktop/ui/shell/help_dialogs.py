"""The Help menu's windows: the privacy policy with the acceptance history, support, About."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import __version__
from desktop.portal.models import Acceptance, Policy, SupportInfo
from desktop.ui.common.text import message

if TYPE_CHECKING:  # loaded when Help > Privacy policy is first opened, not at start-up
    from desktop.ui.shell.policy_dialog import PolicyDialog


def open_policy_view(parent: QWidget, policy: Policy,
                     history: Sequence[Acceptance]) -> PolicyDialog:
    from desktop.ui.shell.policy_dialog import AcceptanceRow, PolicyDialog

    rows = [AcceptanceRow(a.version, a.accepted_at.strftime("%Y-%m-%d %H:%M UTC"),
                          a.receipt_id) for a in history]
    dlg = PolicyDialog(policy, gate=False, acceptances=rows, parent=parent)
    dlg.setObjectName("policyViewDialog")
    dlg.finished.connect(dlg.deleteLater)
    dlg.open()
    return dlg


def open_support(parent: QWidget, info: SupportInfo) -> QMessageBox:
    box = message(parent, QMessageBox.Icon.Information, "Support contact",
                  f"{info.organization}\n\nPhone: {info.phone}\nEmail: {info.email}\n"
                  f"Hours: {info.hours}\nWebsite: {info.website}")
    box.setObjectName("supportDialog")
    box.open()
    return box


def open_about(parent: QWidget, portal_host: str) -> QMessageBox:
    box = message(parent, QMessageBox.Icon.Information, "About Claims Desktop",
                  f"Claims Desktop {__version__}\nQt for Python {pyside_version}\n"
                  f"Portal: {portal_host}\n\n"
                  "Nothing is stored on this computer except the session token, in the "
                  "operating system's credential store.")
    box.setObjectName("aboutDialog")
    box.open()
    return box
