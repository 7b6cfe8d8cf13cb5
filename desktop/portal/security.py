"""Typed values of account security (issue 13): verification, two-step sign-in, office users.

Kept apart from `models.py` so that the values a clerk's everyday screens use stay small.
Secrets (the TOTP secret, recovery codes, verification codes) never appear in `repr`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from desktop.portal.wirejson import Obj

_NAME_MAX = 500


@dataclass(frozen=True)
class Verification:
    """The body of `POST /registrations/verification`: the office's code and one payment."""

    username: str
    code: str = field(repr=False)
    payment_amount: Decimal
    payment_date: date

    def to_json(self) -> dict[str, Any]:
        return {
            "username": self.username,
            "code": self.code,
            "payment_amount": f"{self.payment_amount:.2f}",
            "payment_date": self.payment_date.isoformat(),
        }


@dataclass(frozen=True)
class TotpSetup:
    secret: str = field(repr=False)
    otpauth_uri: str = field(repr=False)


def parse_totp_setup(doc: object) -> TotpSetup:
    o = Obj(doc)
    return TotpSetup(secret=o.text("secret", nonempty=True, max_len=200),
                     otpauth_uri=o.text("otpauth_uri", nonempty=True, max_len=2000))


def parse_recovery_codes(doc: object) -> tuple[str, ...]:
    return Obj(doc).texts("recovery_codes", max_len=100)


@dataclass(frozen=True)
class PendingUser:
    user_id: str
    first_name: str
    last_name: str
    email: str
    npi: str
    requested_at: datetime


@dataclass(frozen=True)
class OfficeUser:
    user_id: str
    first_name: str
    last_name: str
    email: str
    npi: str
    office_admin: bool
    is_you: bool


@dataclass(frozen=True)
class OfficeUsers:
    pending: tuple[PendingUser, ...]
    active: tuple[OfficeUser, ...]


def parse_office_users(doc: object) -> OfficeUsers:
    o = Obj(doc)
    pending = []
    for item, path in o.array("pending", max_items=10_000):
        p = Obj(item, path)
        pending.append(PendingUser(
            user_id=p.ident("user_id"), first_name=p.text("first_name", max_len=_NAME_MAX),
            last_name=p.text("last_name", max_len=_NAME_MAX),
            email=p.text("email", max_len=_NAME_MAX), npi=p.text("npi", max_len=10),
            requested_at=p.instant("requested_at")))
    active = []
    for item, path in o.array("active", max_items=10_000):
        a = Obj(item, path)
        active.append(OfficeUser(
            user_id=a.ident("user_id"), first_name=a.text("first_name", max_len=_NAME_MAX),
            last_name=a.text("last_name", max_len=_NAME_MAX),
            email=a.text("email", max_len=_NAME_MAX), npi=a.text("npi", max_len=10),
            office_admin=a.flag("office_admin"), is_you=a.flag("is_you")))
    return OfficeUsers(pending=tuple(pending), active=tuple(active))
