"""`PortalClient`: one method per endpoint of PORTAL_API.md, typed values in and out.

The client is blocking and holds no Qt: the UI calls it through the task runner,
via `Session.call` so that expiry and policy changes are noticed in one place. It is
safe to use from several worker threads at once (one kept-alive `requests.Session`,
the token behind a lock).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any, TypeVar
from urllib.parse import quote

from desktop.portal.claims import (
    CLAIM_SORTS,
    DEFAULT_LIMIT,
    DEFAULT_SORT,
    MAX_LIMIT,
    ClaimDetail,
    ClaimPage,
    ClaimSearch,
    parse_claim_detail,
    parse_claim_page,
)
from desktop.portal.errors import UnexpectedResponse
from desktop.portal.models import (
    MAX_TOKEN_CHARS,
    Acceptance,
    AccountChanges,
    CodeTable,
    Policy,
    PolicyVersionInfo,
    Registration,
    RegistrationResult,
    SessionInfo,
    SignIn,
    SupportInfo,
    VersionedAccount,
    parse_acceptance,
    parse_acceptances,
    parse_account,
    parse_code_table,
    parse_policy,
    parse_policy_versions,
    parse_registration_result,
    parse_session_info,
    parse_sign_in,
    parse_support,
)
from desktop.portal.payments import (
    DEFAULT_PAGE,
    MAX_PAGE,
    PaymentPage,
    PaymentSearch,
    Remittance,
    parse_payment_page,
    parse_remittance,
)
from desktop.portal.playbook import Playbook, parse_playbook
from desktop.portal.security import (
    OfficeUsers,
    TotpSetup,
    Verification,
    parse_office_users,
    parse_recovery_codes,
    parse_totp_setup,
)
from desktop.portal.transport import Answer, Transport, TransportConfig
from desktop.portal.worklist import (
    BATCH_MAX,
    BatchItem,
    SavedSearch,
    UserRef,
    WorkChanges,
    WorkItem,
    Worklist,
    criteria_json,
    parse_assignees,
    parse_batch,
    parse_saved_search,
    parse_saved_searches,
    parse_work_item,
    parse_worklist,
)

log = logging.getLogger(__name__)

PolicyVersionHook = Callable[[str], None]
T = TypeVar("T")
_MAX_HEADER_VALUE = 200


def _segment(value: str) -> str:
    """A path segment that cannot change the path (ids come from earlier answers)."""
    if not isinstance(value, str) or not value or len(value) > 200:
        raise ValueError("an id must be non-empty text of at most 200 characters")
    return quote(value, safe="")


def _clean_header(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value or len(value) > _MAX_HEADER_VALUE or not value.isprintable():
        return None
    return value


def check_token(token: str) -> str:
    # The token goes into a header: refuse anything that could split or bend it.
    if (not token or len(token) > MAX_TOKEN_CHARS or not token.isascii()
            or not token.isprintable() or " " in token):
        raise ValueError("a token is 1-512 printable ASCII characters without spaces")
    return token


class PortalClient:
    """The portal's endpoints as blocking methods that raise only `PortalError`s.

    Argument errors that are the caller's bug (a limit of 0, an unknown sort key)
    raise `ValueError` before anything is sent.
    """

    def __init__(
        self,
        base_url: str,
        *,
        ca_bundle: str | None = None,
        use_system_trust_store: bool = True,
        proxy_url: str | None = None,
        connect_timeout_s: float = 5.0,
        read_timeout_s: float = 30.0,
        deadline_s: float = 60.0,
        max_body_bytes: int = 10 * 1024 * 1024,
        token: str | None = None,
        max_tries: int = 3,
        backoff_s: tuple[float, ...] = (0.5, 1.5),
        max_retry_after_s: float = 30.0,
    ) -> None:
        config = TransportConfig(
            ca_bundle=ca_bundle,
            use_system_trust_store=use_system_trust_store,
            proxy_url=proxy_url,
            connect_timeout_s=connect_timeout_s,
            read_timeout_s=read_timeout_s,
            deadline_s=deadline_s,
            max_body_bytes=max_body_bytes,
            max_tries=max_tries,
            backoff_s=backoff_s,
            max_retry_after_s=max_retry_after_s,
        )
        self._lock = threading.Lock()
        self._token: str | None = None
        self._last_policy_version: str | None = None
        #: Called (on the calling thread) with every answer's `X-Policy-Version`.
        self.on_policy_version: PolicyVersionHook | None = None
        self._transport = Transport(base_url, config, observer=self._observe)
        self.set_token(token)

    def __repr__(self) -> str:
        return f"PortalClient({self._transport.base_url!r}, signed_in={self.token is not None})"

    # --- state ---------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return self._transport.base_url

    @property
    def transport(self) -> Transport:
        return self._transport

    @property
    def token(self) -> str | None:
        with self._lock:
            return self._token

    @token.setter
    def token(self, token: str | None) -> None:
        self.set_token(token)

    def set_token(self, token: str | None) -> None:
        if token is not None:
            check_token(token)
        with self._lock:
            self._token = token

    @property
    def tls_version(self) -> str | None:
        """The negotiated TLS protocol of the last answer ("TLSv1.3"), for status and IT."""
        return self._transport.tls_version

    @property
    def last_policy_version(self) -> str | None:
        """The `X-Policy-Version` of the most recent answer that carried one."""
        with self._lock:
            return self._last_policy_version

    def close(self) -> None:
        self._transport.close()

    def _observe(self, headers: Mapping[str, str]) -> None:
        version = _clean_header(headers.get("X-Policy-Version"))
        if version is None:
            return
        with self._lock:
            self._last_policy_version = version
        hook = self.on_policy_version
        if hook is not None:
            hook(version)

    # --- plumbing ------------------------------------------------------------------

    def _call(self, method: str, path: str, *, auth: bool = True, **kwargs: Any) -> Answer:
        return self._transport.request(method, path, token=self.token if auth else None,
                                       **kwargs)

    def _json(self, method: str, path: str, parse: Callable[[Any], T], *,
              auth: bool = True, **kwargs: Any) -> T:
        answer = self._call(method, path, auth=auth, **kwargs)
        doc = answer.json()
        try:
            return parse(doc)
        except UnexpectedResponse as exc:
            exc.request_id, exc.status = answer.request_id, answer.status
            raise

    # --- public endpoints ----------------------------------------------------------

    def get_policy(self) -> Policy:
        return self._json("GET", "/policy", parse_policy, auth=False)

    def list_policy_versions(self) -> list[PolicyVersionInfo]:
        return self._json(
            "GET", "/policy/versions", parse_policy_versions, auth=False
        )

    def get_policy_version(self, version: str) -> Policy:
        return self._json(
            "GET", f"/policy/versions/{_segment(version)}", parse_policy, auth=False
        )

    def get_support(self) -> SupportInfo:
        return self._json("GET", "/support", parse_support, auth=False)

    def register(self, registration: Registration) -> RegistrationResult:
        return self._json(
            "POST", "/registrations", parse_registration_result, auth=False,
            json_body=registration.to_json(),
        )

    def create_session(self, username: str, password: str, otp: str | None = None) -> SignIn:
        """Sign in (with the second factor when the portal asked for it: `MfaRequired`).
        The new token becomes this client's token."""
        body = {"username": username, "password": password}
        if otp is not None:
            body["otp"] = otp
        result = self._json("POST", "/sessions", parse_sign_in, auth=False, json_body=body)
        self.set_token(result.token)
        return result

    def reauthenticate_session(self, password: str) -> SignIn:
        """Unlock: the password again for the live session; a new token replaces ours."""
        result = self._json("POST", "/sessions/current/reauth", parse_sign_in,
                            json_body={"password": password})
        self.set_token(result.token)
        return result

    def verify_registration(self, verification: Verification) -> RegistrationResult:
        return self._json("POST", "/registrations/verification", parse_registration_result,
                          auth=False, json_body=verification.to_json())

    def resend_verification_code(self, username: str) -> None:
        self._call("POST", "/registrations/verification/code", auth=False,
                   json_body={"username": username})

    # --- sessions and policy acceptance ---------------------------------------------

    def get_current_session(self) -> SessionInfo:
        return self._json("GET", "/sessions/current", parse_session_info)

    def delete_current_session(self, *, token: str | None = None) -> None:
        """Revoke a session on the portal (sign out).

        Without `token` this revokes the client's own token and then forgets it; with
        `token` it revokes that one (e.g. one already dropped locally) and leaves the
        client's token alone.
        """
        if token is None:
            self._call("DELETE", "/sessions/current")
            self.set_token(None)
        else:
            self._transport.request("DELETE", "/sessions/current", token=check_token(token))

    def list_acceptances(self) -> list[Acceptance]:
        return self._json("GET", "/policy/acceptances", parse_acceptances)

    def accept_policy(self, version: str) -> Acceptance:
        return self._json(
            "POST", "/policy/acceptances", parse_acceptance, json_body={"version": version}
        )

    # --- account -------------------------------------------------------------------

    def _versioned(self, answer: Answer) -> VersionedAccount:
        etag = _clean_header(answer.headers.get("ETag"))
        if etag is None:
            raise UnexpectedResponse(request_id=answer.request_id, status=answer.status,
                                     detail="account answer without an ETag")
        try:
            account = parse_account(answer.json())
        except UnexpectedResponse as exc:
            exc.request_id, exc.status = answer.request_id, answer.status
            raise
        return VersionedAccount(account=account, etag=etag)

    def get_account(self, *, token: str | None = None) -> VersionedAccount:
        """The account; with `token`, the account of that token (whose is a token found in
        the credential store?) without adopting it: the client's own token is untouched."""
        if token is None:
            return self._versioned(self._call("GET", "/account"))
        return self._versioned(
            self._transport.request("GET", "/account", token=check_token(token)))

    def update_account(self, changes: AccountChanges, etag: str) -> VersionedAccount:
        """Apply a partial update if the account is still at `etag` (else PreconditionFailed)."""
        if not etag or not etag.isascii() or not etag.isprintable():
            raise ValueError("etag must be the printable ASCII ETag of get_account")
        answer = self._call("PATCH", "/account", json_body=changes.to_json(),
                            headers={"If-Match": etag})
        return self._versioned(answer)

    def change_password(self, current_password: str, new_password: str) -> None:
        self._call("POST", "/account/password", json_body={
            "current_password": current_password, "new_password": new_password,
        })

    def deactivate_account(self, password: str, reason: str) -> None:
        self._call("POST", "/account/deactivation",
                   json_body={"password": password, "reason": reason})

    # --- two-step sign-in and office users (issue 13) --------------------------------

    def start_totp(self, password: str) -> TotpSetup:
        return self._json("POST", "/account/mfa/totp", parse_totp_setup,
                          json_body={"password": password})

    def confirm_totp(self, code: str) -> tuple[str, ...]:
        return self._json("POST", "/account/mfa/totp/confirm", parse_recovery_codes,
                          json_body={"code": code})

    def disable_totp(self, password: str, code: str) -> None:
        self._call("DELETE", "/account/mfa/totp", json_body={"password": password, "code": code})

    def list_office_users(self) -> OfficeUsers:
        return self._json("GET", "/office/users", parse_office_users)

    def approve_user(self, user_id: str) -> None:
        self._call("POST", f"/office/users/{_segment(user_id)}/approval")

    def refuse_user(self, user_id: str, reason: str) -> None:
        self._call("POST", f"/office/users/{_segment(user_id)}/refusal",
                   json_body={"reason": reason})

    def remove_user(self, user_id: str) -> None:
        self._call("DELETE", f"/office/users/{_segment(user_id)}")

    # --- claims and code tables ------------------------------------------------------

    def search_claims(self, criteria: ClaimSearch, cursor: str | None = None,
                      limit: int = DEFAULT_LIMIT, sort: str = DEFAULT_SORT) -> ClaimPage:
        if not 1 <= limit <= MAX_LIMIT:
            raise ValueError(f"limit must be 1-{MAX_LIMIT}")
        if sort not in CLAIM_SORTS:
            raise ValueError(f"sort must be one of {CLAIM_SORTS}")
        body: dict[str, Any] = {**criteria.to_json(), "sort": sort, "limit": limit}
        if cursor:
            body["cursor"] = cursor
        # A read sent as POST: retried like a GET (transport.SAFE_POSTS).
        return self._json("POST", "/claims/search", parse_claim_page, json_body=body)

    def get_claim(self, claim_id: str) -> ClaimDetail:
        return self._json(
            "GET", f"/claims/{_segment(claim_id)}", parse_claim_detail
        )

    def get_status_codes(self) -> CodeTable:
        return self._json("GET", "/codes/claim-status", parse_code_table)

    def get_carc_codes(self) -> CodeTable:
        return self._json("GET", "/codes/carc", parse_code_table)

    def get_rarc_codes(self) -> CodeTable:
        return self._json("GET", "/codes/rarc", parse_code_table)

    # --- payments and remittances ----------------------------------------------------

    def search_payments(self, criteria: PaymentSearch, cursor: str | None = None,
                        limit: int = DEFAULT_PAGE) -> PaymentPage:
        if not 1 <= limit <= MAX_PAGE:
            raise ValueError(f"limit must be 1-{MAX_PAGE}")
        body: dict[str, Any] = {**criteria.to_json(), "limit": limit}
        if cursor:
            body["cursor"] = cursor
        return self._json("POST", "/payments/search", parse_payment_page, json_body=body)

    def get_payment(self, payment_id: str) -> Remittance:
        return self._json("GET", f"/payments/{_segment(payment_id)}", parse_remittance)

    def get_payment_835(self, payment_id: str) -> str:
        """The payment as X12 835 text (the portal sends it as plain ASCII text)."""
        answer = self._call("GET", f"/payments/{_segment(payment_id)}/x12-835")
        media = answer.headers.get("Content-Type", "").partition(";")[0].strip().lower()
        if media != "text/plain":
            raise UnexpectedResponse(request_id=answer.request_id, status=answer.status,
                                     detail="answer is not text/plain")
        return answer.body.decode("ascii", errors="replace")

    # --- the clerk's day: batch status, worklist, saved searches, playbook ------------

    def status_batch(self, claim_numbers: Sequence[str]) -> tuple[BatchItem, ...]:
        """At most `BATCH_MAX` numbers per call; the caller sends larger lists in chunks."""
        if not 1 <= len(claim_numbers) <= BATCH_MAX:
            raise ValueError(f"send 1-{BATCH_MAX} claim numbers per call")
        return self._json("POST", "/claims/status-batch", parse_batch,
                          json_body={"claim_numbers": list(claim_numbers)})

    def get_playbook(self) -> Playbook:
        return self._json("GET", "/codes/playbook", parse_playbook)

    def get_worklist(self) -> Worklist:
        return self._json("GET", "/worklist", parse_worklist)

    def get_work_item(self, item_id: str) -> WorkItem:
        return self._json("GET", f"/worklist/{_segment(item_id)}", parse_work_item)

    def create_work_item(self, claim_number: str, due_date: date, note: str) -> WorkItem:
        return self._json("POST", "/worklist", parse_work_item, json_body={
            "claim_number": claim_number, "due_date": due_date.isoformat(), "note": note})

    def update_work_item(self, item_id: str, changes: WorkChanges, etag: str) -> WorkItem:
        """Change a follow-up if it is still at `etag` (else PreconditionFailed)."""
        if not etag or not etag.isascii() or not etag.isprintable():
            raise ValueError("etag must be the printable ASCII ETag of the item")
        return self._json("PATCH", f"/worklist/{_segment(item_id)}", parse_work_item,
                          json_body=changes.to_json(), headers={"If-Match": etag})

    def list_assignees(self) -> tuple[UserRef, ...]:
        return self._json("GET", "/worklist/assignees", parse_assignees)

    def list_saved_searches(self) -> tuple[SavedSearch, ...]:
        return self._json("GET", "/saved-searches", parse_saved_searches)

    def save_search(self, name: str, criteria: ClaimSearch) -> SavedSearch:
        return self._json("POST", "/saved-searches", parse_saved_search,
                          json_body={"name": name, "criteria": criteria_json(criteria)})

    def delete_saved_search(self, search_id: str) -> None:
        self._call("DELETE", f"/saved-searches/{_segment(search_id)}")
