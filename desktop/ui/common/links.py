"""Links to other sites: tell the user they are leaving, then use the system browser.

The application never shows a third-party page itself. Only https links are
opened; anything else is refused with a message.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.ui.common.i18n import translate
from desktop.ui.common.text import message, plain

UrlOpener = Callable[[QUrl], bool]


def open_external(parent: QWidget | None, url: QUrl, opener: UrlOpener | None = None) -> bool:
    """Ask, then hand an https link to the system browser. Returns True if opened."""
    if url.scheme().lower() != "https" or not url.host():
        box = message(parent, QMessageBox.Icon.Warning, translate("Links", "Link not opened"),
                      translate("Links", "Claims Desktop opens only secure (https) web "
                                "addresses."),
                      plain(url.toString(), 200))
        box.exec()
        return False
    box = message(
        parent, QMessageBox.Icon.Information, translate("Links", "Leaving Claims Desktop"),
        translate("Links", "You are leaving Claims Desktop for a site run by someone else: "
                  "{host}.").format(host=plain(url.host(), 120)),
        translate("Links", "That site has its own privacy practices, which this "
                  "application's privacy policy does not cover. It opens in your web "
                  "browser."),
    )
    box.setObjectName("leavingNotice")
    box.setStandardButtons(QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    if box.exec() != QMessageBox.StandardButton.Open:
        return False
    return (opener or QDesktopServices.openUrl)(url)
