"""The Help menu's windows: the privacy policy with the acceptance history, and About.

The support contact has its own module (`support.py`): it is remembered for when the
portal is down.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop import __version__
from desktop.portal.models import Acceptance, Policy
from desktop.ui.common.formats import Formats
from desktop.ui.common.i18n import translate
from desktop.ui.common.text import message

if TYPE_CHECKING:  # loaded when Help > Privacy policy is first opened, not at start-up
    from desktop.ui.shell.policy_dialog import PolicyDialog


def open_policy_view(parent: QWidget, policy: Policy,
                     history: Sequence[Acceptance]) -> PolicyDialog:
    from desktop.ui.shell.policy_dialog import AcceptanceRow, PolicyDialog

    fmt = Formats()
    rows = [AcceptanceRow(a.version, fmt.instant(a.accepted_at), a.receipt_id)
            for a in history]
    dlg = PolicyDialog(policy, gate=False, acceptances=rows, parent=parent)
    dlg.setObjectName("policyViewDialog")
    dlg.finished.connect(dlg.deleteLater)
    dlg.open()
    return dlg


def open_about(parent: QWidget, portal_host: str) -> QMessageBox:
    box = message(parent, QMessageBox.Icon.Information,
                  translate("About", "About Claims Desktop"),
                  translate("About", "Claims Desktop {version}\nQt for Python {qt}\n"
                            "Portal: {host}\n\nNothing is stored on this computer except "
                            "the session token, in the operating system's credential "
                            "store.").format(version=__version__, qt=pyside_version,
                                             host=portal_host))
    box.setObjectName("aboutDialog")
    box.open()
    return box
