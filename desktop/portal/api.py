"""The portal as the screens see it: typed Protocols that `PortalClient` satisfies.

Why Protocols and not the client class: a screen's operation receives "a portal", and
a test hands it a small fake that has the same methods. mypy checks the real client
against these (see the assignment at the bottom), so a method renamed on one side
cannot drift from the other, and a reader can follow a search's criteria from the
form to the wire through typed signatures.

`PublicApi` needs no sign-in (policy, support, registration); `PortalApi` is the
authenticated surface. Operations that change the session itself (sign-in, sign-out,
accepting the policy) belong to `desktop.session.Session`, not here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # annotations only: the models load with the client, after the first frame
    from collections.abc import Sequence
    from datetime import date

    from desktop.portal.claims import ClaimDetail, ClaimPage, ClaimSearch
    from desktop.portal.models import (
        Acceptance,
        AccountChanges,
        CodeTable,
        Policy,
        PolicyVersionInfo,
        Registration,
        RegistrationResult,
        SupportInfo,
        VersionedAccount,
    )

    # Named in signatures only (annotations are not evaluated at run time): importing
    # them here cost start-up ~30 ms of dataclass building before the sign-in screen,
    # which needs none of them; they load with the screens that use them.
    from desktop.portal.payments import PaymentPage, PaymentSearch, Remittance
    from desktop.portal.playbook import Playbook
    from desktop.portal.security import OfficeUsers, TotpSetup, Verification
    from desktop.portal.worklist import (
        BatchItem,
        SavedSearch,
        UserRef,
        WorkChanges,
        WorkItem,
        Worklist,
    )


class PublicApi(Protocol):
    """Endpoints anyone may call, signed in or not."""

    def get_policy(self) -> Policy: ...

    def list_policy_versions(self) -> list[PolicyVersionInfo]: ...

    def get_policy_version(self, version: str) -> Policy: ...

    def get_support(self) -> SupportInfo: ...

    def register(self, registration: Registration) -> RegistrationResult: ...

    def verify_registration(self, verification: Verification) -> RegistrationResult: ...

    def resend_verification_code(self, username: str) -> None: ...


class AccountApi(Protocol):
    """The signed-in user's own account and policy history."""

    def list_acceptances(self) -> list[Acceptance]: ...

    def get_account(self) -> VersionedAccount: ...

    def update_account(self, changes: AccountChanges, etag: str) -> VersionedAccount: ...

    def change_password(self, current_password: str, new_password: str) -> None: ...

    def deactivate_account(self, password: str, reason: str) -> None: ...


class SecurityApi(Protocol):
    """Two-step sign-in and, for office administrators, the office's users (issue 13)."""

    def start_totp(self, password: str) -> TotpSetup: ...

    def confirm_totp(self, code: str) -> tuple[str, ...]: ...

    def disable_totp(self, password: str, code: str) -> None: ...

    def list_office_users(self) -> OfficeUsers: ...

    def approve_user(self, user_id: str) -> None: ...

    def refuse_user(self, user_id: str, reason: str) -> None: ...

    def remove_user(self, user_id: str) -> None: ...


class ClaimsApi(Protocol):
    """Claim search, claim detail and the code tables that explain them."""

    def search_claims(self, criteria: ClaimSearch, cursor: str | None = None,
                      limit: int = ..., sort: str = ...) -> ClaimPage: ...

    def get_claim(self, claim_id: str) -> ClaimDetail: ...

    def get_status_codes(self) -> CodeTable: ...

    def get_carc_codes(self) -> CodeTable: ...

    def get_rarc_codes(self) -> CodeTable: ...


class PaymentsApi(Protocol):
    """Payments of the office and their remittances (JSON, or the same as X12 835 text)."""

    def search_payments(self, criteria: PaymentSearch, cursor: str | None = None,
                        limit: int = ...) -> PaymentPage: ...  # payments.DEFAULT_PAGE

    def get_payment(self, payment_id: str) -> Remittance: ...

    def get_payment_835(self, payment_id: str) -> str: ...


class WorkApi(Protocol):
    """The clerk's day: batch status, follow-ups, saved searches, the denial playbook.

    Everything these keep lives on the portal, scoped to the office: nothing of it is
    stored on the PC.
    """

    def status_batch(self, claim_numbers: Sequence[str]) -> tuple[BatchItem, ...]: ...

    def get_playbook(self) -> Playbook: ...

    def get_worklist(self) -> Worklist: ...

    def get_work_item(self, item_id: str) -> WorkItem: ...

    def create_work_item(self, claim_number: str, due_date: date, note: str) -> WorkItem: ...

    def update_work_item(self, item_id: str, changes: WorkChanges, etag: str) -> WorkItem: ...

    def list_assignees(self) -> tuple[UserRef, ...]: ...

    def list_saved_searches(self) -> tuple[SavedSearch, ...]: ...

    def save_search(self, name: str, criteria: ClaimSearch) -> SavedSearch: ...

    def delete_saved_search(self, search_id: str) -> None: ...


class PortalApi(PublicApi, AccountApi, SecurityApi, ClaimsApi, PaymentsApi, WorkApi,
                Protocol):
    """Everything a signed-in screen may ask the portal."""


if TYPE_CHECKING:  # mypy proves the real client satisfies the whole surface
    from desktop.portal.client import PortalClient

    def _client_is_a_portal(client: PortalClient) -> PortalApi:
        return client
