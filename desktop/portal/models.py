"""Typed values exchanged with the portal: policy, support, sessions, account.

Claims live in `claims.py`. Every `parse_*` function takes decoded JSON of unknown
shape and returns a frozen dataclass or raises `UnexpectedResponse`; request-side
dataclasses have a `to_json()` that builds exactly the documented body. Secrets
(tokens, passwords) are excluded from `repr` so that a logged object leaks nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from desktop.portal.wirejson import Obj, items_of, schema_error

Channel = Literal["email", "phone", "mail"]
CHANNELS: tuple[str, ...] = ("email", "phone", "mail")
ACCOUNT_STATUSES: tuple[str, ...] = ("active", "pending_review", "deactivated")
#: What `POST /registrations` may answer: never `active` for a new office user (issue 13).
REGISTRATION_STATUSES: tuple[str, ...] = (
    "active", "pending_review", "pending_approval", "pending_verification")

_VERSION_MAX = 200
_NAME_MAX = 500


# --- policy and support ------------------------------------------------------------


@dataclass(frozen=True)
class Policy:
    version: str
    effective_at: datetime
    title: str
    body_markdown: str
    summary_of_changes: str


@dataclass(frozen=True)
class PolicyVersionInfo:
    version: str
    effective_at: datetime
    title: str


@dataclass(frozen=True)
class SupportInfo:
    organization: str
    email: str
    phone: str
    hours: str
    website: str


def parse_policy(doc: object) -> Policy:
    o = Obj(doc)
    return Policy(
        version=o.text("version", nonempty=True, max_len=_VERSION_MAX),
        effective_at=o.instant("effective_at"),
        title=o.text("title", max_len=_NAME_MAX),
        body_markdown=o.text("body_markdown"),
        summary_of_changes=o.text("summary_of_changes"),
    )


def parse_policy_versions(doc: object) -> list[PolicyVersionInfo]:
    out = []
    for item, path in items_of(doc, "$", max_items=10_000):
        o = Obj(item, path)
        out.append(PolicyVersionInfo(
            version=o.text("version", nonempty=True, max_len=_VERSION_MAX),
            effective_at=o.instant("effective_at"),
            title=o.text("title", max_len=_NAME_MAX),
        ))
    return out


def parse_support(doc: object) -> SupportInfo:
    o = Obj(doc)
    return SupportInfo(
        organization=o.text("organization", max_len=_NAME_MAX),
        email=o.text("email", max_len=_NAME_MAX),
        phone=o.text("phone", max_len=_NAME_MAX),
        hours=o.text("hours", max_len=_NAME_MAX),
        website=o.text("website", max_len=_NAME_MAX),
    )


# --- registration and sessions -----------------------------------------------------


@dataclass(frozen=True)
class ContactPreferences:
    email_notices: bool
    paper_mail: bool
    preferred_channel: Channel

    def to_json(self) -> dict[str, Any]:
        return {
            "email_notices": self.email_notices,
            "paper_mail": self.paper_mail,
            "preferred_channel": self.preferred_channel,
        }


def parse_contact_preferences(o: Obj) -> ContactPreferences:
    channel: Any = o.one_of("preferred_channel", CHANNELS)
    return ContactPreferences(
        email_notices=o.flag("email_notices"),
        paper_mail=o.flag("paper_mail"),
        preferred_channel=channel,
    )


@dataclass(frozen=True)
class Registration:
    """The body of `POST /registrations`; validation of the fields is `validation.py`'s job."""

    first_name: str
    last_name: str
    email: str
    phone: str
    organization_name: str
    tin: str
    npi: str
    username: str
    password: str = field(repr=False)
    accepted_policy_version: str
    contact_preferences: ContactPreferences | None = None

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "first_name": self.first_name,
            "last_name": self.last_name,
            "email": self.email,
            "phone": self.phone,
            "organization_name": self.organization_name,
            "tin": self.tin,
            "npi": self.npi,
            "username": self.username,
            "password": self.password,
            "accepted_policy_version": self.accepted_policy_version,
        }
        if self.contact_preferences is not None:
            body["contact_preferences"] = self.contact_preferences.to_json()
        return body


@dataclass(frozen=True)
class RegistrationResult:
    username: str
    status: str  # one of REGISTRATION_STATUSES

    @property
    def pending_review(self) -> bool:
        return self.status == "pending_review"

    @property
    def pending(self) -> bool:
        return self.status != "active"


def parse_registration_result(doc: object) -> RegistrationResult:
    o = Obj(doc)
    return RegistrationResult(
        username=o.text("username", nonempty=True, max_len=_NAME_MAX),
        status=o.one_of("status", REGISTRATION_STATUSES),
    )


@dataclass(frozen=True)
class UserInfo:
    username: str
    display_name: str
    #: Whether the user has two-step sign-in on (IT's `require_mfa` asks for it).
    mfa_enabled: bool = False


@dataclass(frozen=True)
class PolicyState:
    current_version: str
    accepted_version: str | None

    @property
    def acceptance_required(self) -> bool:
        return self.accepted_version != self.current_version


@dataclass(frozen=True)
class SignIn:
    """The answer to `POST /sessions`. The token never appears in `repr`."""

    token: str = field(repr=False)
    expires_at: datetime
    idle_timeout_s: int
    user: UserInfo
    policy: PolicyState


@dataclass(frozen=True)
class SessionInfo:
    expires_at: datetime
    idle_timeout_s: int


MAX_TOKEN_CHARS = 512


def parse_sign_in(doc: object) -> SignIn:
    o = Obj(doc)
    token = o.text("token", nonempty=True, max_len=MAX_TOKEN_CHARS)
    if not token.isascii() or not token.isprintable() or " " in token:
        # It goes into an HTTP header: anything else would be a header injection.
        schema_error("$.token", "a printable ASCII token")
    user = o.child("user")
    policy = o.child("policy")
    return SignIn(
        token=token,
        expires_at=o.instant("expires_at"),
        idle_timeout_s=o.integer("idle_timeout_s", lo=1, hi=10**7),
        user=UserInfo(
            username=user.text("username", nonempty=True, max_len=_NAME_MAX),
            display_name=user.text("display_name", max_len=_NAME_MAX),
            mfa_enabled=user.has("mfa_enabled") and user.flag("mfa_enabled"),
        ),
        policy=PolicyState(
            current_version=policy.text("current_version", nonempty=True, max_len=_VERSION_MAX),
            accepted_version=policy.opt_text("accepted_version", max_len=_VERSION_MAX),
        ),
    )


def parse_session_info(doc: object) -> SessionInfo:
    o = Obj(doc)
    return SessionInfo(
        expires_at=o.instant("expires_at"),
        idle_timeout_s=o.integer("idle_timeout_s", lo=1, hi=10**7),
    )


# --- acceptances and account -------------------------------------------------------


@dataclass(frozen=True)
class Acceptance:
    version: str
    accepted_at: datetime
    receipt_id: str


def parse_acceptance(doc: object, path: str = "$") -> Acceptance:
    o = Obj(doc, path)
    return Acceptance(
        version=o.text("version", nonempty=True, max_len=_VERSION_MAX),
        accepted_at=o.instant("accepted_at"),
        receipt_id=o.text("receipt_id", nonempty=True, max_len=_NAME_MAX),
    )


def parse_acceptances(doc: object) -> list[Acceptance]:
    return [parse_acceptance(item, path) for item, path in items_of(doc, "$", max_items=10_000)]


@dataclass(frozen=True)
class Account:
    username: str
    first_name: str
    last_name: str
    email: str
    phone: str
    organization_name: str
    tin_last4: str
    npi: str
    status: str
    created_at: datetime
    contact_preferences: ContactPreferences
    #: An administrator of the office approves its new users (Account > Office users).
    office_admin: bool = False
    mfa_enabled: bool = False


@dataclass(frozen=True)
class VersionedAccount:
    """An account with the `ETag` that a later `update_account` must send back."""

    account: Account
    etag: str


def parse_account(doc: object) -> Account:
    o = Obj(doc)
    return Account(
        username=o.text("username", nonempty=True, max_len=_NAME_MAX),
        first_name=o.text("first_name", max_len=_NAME_MAX),
        last_name=o.text("last_name", max_len=_NAME_MAX),
        email=o.text("email", max_len=_NAME_MAX),
        phone=o.text("phone", max_len=_NAME_MAX),
        organization_name=o.text("organization_name", max_len=_NAME_MAX),
        tin_last4=o.text("tin_last4", max_len=4),
        npi=o.text("npi", max_len=10),
        status=o.text("status", nonempty=True, max_len=50),
        created_at=o.instant("created_at"),
        contact_preferences=parse_contact_preferences(o.child("contact_preferences")),
        office_admin=o.has("office_admin") and o.flag("office_admin"),
        mfa_enabled=o.has("mfa_enabled") and o.flag("mfa_enabled"),
    )


@dataclass(frozen=True)
class AccountChanges:
    """A partial update for `PATCH /account`: only the fields that are not None are sent."""

    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    phone: str | None = None
    contact_preferences: ContactPreferences | None = None

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {}
        for name in ("first_name", "last_name", "email", "phone"):
            value = getattr(self, name)
            if value is not None:
                body[name] = value
        if self.contact_preferences is not None:
            body["contact_preferences"] = self.contact_preferences.to_json()
        return body

    @property
    def empty(self) -> bool:
        return not self.to_json()


# --- code tables -------------------------------------------------------------------


@dataclass(frozen=True)
class Code:
    code: str
    label: str


@dataclass(frozen=True)
class CodeTable:
    version: str
    codes: tuple[Code, ...]

    def label_for(self, code: str) -> str | None:
        for entry in self.codes:
            if entry.code == code:
                return entry.label
        return None

    def as_dict(self) -> dict[str, str]:
        return {entry.code: entry.label for entry in self.codes}


def parse_code_table(doc: object) -> CodeTable:
    o = Obj(doc)
    codes = []
    for item, path in o.array("codes", max_items=100_000):
        c = Obj(item, path)
        codes.append(Code(code=c.text("code", nonempty=True, max_len=20),
                          label=c.text("label", max_len=2000)))
    return CodeTable(version=o.text("version", max_len=_VERSION_MAX), codes=tuple(codes))
