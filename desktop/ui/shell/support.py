"""Help > Support contact, also when the portal cannot be reached.

Why a memory of its own: the clerk most needs the help desk's phone number exactly when
the portal is down, and the contact used to be fetched from the portal every time.
The contact is the payer's public help desk (no personal data, no PHI), so the last one
fetched is kept in memory and in the view state beside the window layout, with the
time it was fetched; when the portal does not answer, that one is shown and the box
says when it was last confirmed.
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import UTC, datetime

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.portal.models import SupportInfo
from desktop.ui.common.formats import Formats
from desktop.ui.common.i18n import translate
from desktop.ui.common.text import message, plain
from desktop.ui.viewstate import ViewState

SUPPORT_KEY = "support/contact"
_FIELDS = ("organization", "email", "phone", "hours", "website")


class SupportMemory:
    """The last support contact the portal gave, and when."""

    def __init__(self, view: ViewState) -> None:
        self._view = view
        self._info: SupportInfo | None = None
        self._at: datetime | None = None
        self._load()

    @property
    def info(self) -> SupportInfo | None:
        return self._info

    @property
    def confirmed_at(self) -> datetime | None:
        return self._at

    def remember(self, info: SupportInfo, at: datetime | None = None) -> None:
        self._info, self._at = info, at or datetime.now(UTC)
        doc = {**asdict(info), "confirmed_at": self._at.isoformat()}
        self._view.save_text(SUPPORT_KEY, json.dumps(doc, sort_keys=True))

    def _load(self) -> None:
        raw = self._view.load_text(SUPPORT_KEY)
        if not raw:
            return
        try:
            doc = json.loads(raw)
            values = {k: str(doc[k])[:200] for k in _FIELDS}
            at = datetime.fromisoformat(str(doc["confirmed_at"]))
        except (ValueError, KeyError, TypeError):
            return  # a damaged entry is as good as none
        self._info = SupportInfo(**values)
        self._at = at if at.tzinfo else at.replace(tzinfo=UTC)


def support_text(info: SupportInfo) -> str:
    return translate("Support", "{organization}\n\nPhone: {phone}\nEmail: {email}\n"
                     "Hours: {hours}\nWebsite: {website}").format(
        organization=plain(info.organization, 120), phone=plain(info.phone, 60),
        email=plain(info.email, 120), hours=plain(info.hours, 200),
        website=plain(info.website, 200))


def open_support(parent: QWidget, info: SupportInfo, confirmed_at: datetime | None = None,
                 *, down: bool = True) -> QMessageBox:
    """The contact; with `confirmed_at` it is a remembered one (the portal did not give
    it now: `down` when it cannot be reached at all)."""
    text = support_text(info)
    if confirmed_at is not None:
        why = (translate("Support", "The portal cannot be reached now.") if down else
               translate("Support", "The portal did not give the contact just now."))
        text += "\n\n" + why + " " + translate(
            "Support", "This is the contact it gave on {when}.").format(
            when=Formats().instant(confirmed_at))
    box = message(parent, QMessageBox.Icon.Information,
                  translate("Support", "Support contact"), text)
    box.setObjectName("supportDialog")
    box.open()
    return box


def open_no_support(parent: QWidget, reason: str) -> QMessageBox:
    """The portal is down and no contact was ever fetched on this computer."""
    box = message(parent, QMessageBox.Icon.Warning, translate("Support", "Support contact"),
                  translate("Support", "The support contact comes from the portal, which "
                            "cannot be reached now, and it was never fetched on this "
                            "computer. Ask your office's IT support.") + "\n\n" + reason)
    box.setObjectName("supportDialog")
    box.open()
    return box
