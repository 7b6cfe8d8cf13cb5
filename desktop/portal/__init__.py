"""The wire layer: HTTPS transport, typed models and typed errors for the claims portal.

No Qt here, ever (a test enforces it): this package must stay usable from tools,
tests and worker threads without a QApplication.

`PortalClient` is loaded on first use (PEP 562): the models and errors are needed by
the sign-in screen, the HTTP/TLS stack (requests, urllib3, ssl) only once the first
call goes out, after the first frame.
"""

from typing import TYPE_CHECKING, Any

from desktop.portal.claims import (
    CLAIM_SORTS,
    DEFAULT_LIMIT,
    DEFAULT_SORT,
    MAX_LIMIT,
    Adjustment,
    ClaimDetail,
    ClaimLine,
    ClaimPage,
    ClaimSearch,
    ClaimStatus,
    ClaimSummary,
    Patient,
    Payment,
    StatusChange,
)
from desktop.portal.errors import (
    AccountLocked,
    BadRequest,
    Conflict,
    ConnectionFailed,
    DeadlineExceeded,
    Forbidden,
    InsecureUrl,
    InvalidConfiguration,
    NotFound,
    PayloadTooLarge,
    PolicyAcceptanceRequired,
    PortalError,
    PreconditionFailed,
    PreconditionRequired,
    RateLimited,
    ServerError,
    SessionExpired,
    TlsError,
    Unauthenticated,
    UnexpectedResponse,
    ValidationFailed,
)
from desktop.portal.models import (
    Acceptance,
    Account,
    AccountChanges,
    Code,
    CodeTable,
    ContactPreferences,
    Policy,
    PolicyState,
    PolicyVersionInfo,
    Registration,
    RegistrationResult,
    SessionInfo,
    SignIn,
    SupportInfo,
    UserInfo,
    VersionedAccount,
)

if TYPE_CHECKING:
    from desktop.portal.client import PortalClient


def __getattr__(name: str) -> Any:
    if name == "PortalClient":
        from desktop.portal.client import PortalClient

        return PortalClient
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "CLAIM_SORTS",
    "DEFAULT_LIMIT",
    "DEFAULT_SORT",
    "MAX_LIMIT",
    "Acceptance",
    "Account",
    "AccountChanges",
    "AccountLocked",
    "Adjustment",
    "BadRequest",
    "ClaimDetail",
    "ClaimLine",
    "ClaimPage",
    "ClaimSearch",
    "ClaimStatus",
    "ClaimSummary",
    "Code",
    "CodeTable",
    "Conflict",
    "ConnectionFailed",
    "ContactPreferences",
    "DeadlineExceeded",
    "Forbidden",
    "InsecureUrl",
    "InvalidConfiguration",
    "NotFound",
    "Patient",
    "PayloadTooLarge",
    "Payment",
    "Policy",
    "PolicyAcceptanceRequired",
    "PolicyState",
    "PolicyVersionInfo",
    "PortalClient",
    "PortalError",
    "PreconditionFailed",
    "PreconditionRequired",
    "RateLimited",
    "Registration",
    "RegistrationResult",
    "ServerError",
    "SessionExpired",
    "SessionInfo",
    "SignIn",
    "StatusChange",
    "SupportInfo",
    "TlsError",
    "Unauthenticated",
    "UnexpectedResponse",
    "UserInfo",
    "ValidationFailed",
    "VersionedAccount",
]
