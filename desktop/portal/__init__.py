"""The wire layer: HTTPS transport, typed models and typed errors for the claims portal.

No Qt here, ever (a test enforces it): this package must stay usable from tools,
tests and worker threads without a QApplication.

The names below load on first use (PEP 562): importing a small module of the package
(`desktop.portal.urls`, which the settings need before the first frame) does not load
the claim and account models (dataclasses and enums, ~20 ms), nor the HTTP/TLS stack
(requests, urllib3, ssl), which `PortalClient` brings once the first call goes out.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
    from desktop.portal.client import PortalClient
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

#: Each public name and the module of the package that defines it.
_HOME = {
    "CLAIM_SORTS": "claims",
    "DEFAULT_LIMIT": "claims",
    "DEFAULT_SORT": "claims",
    "MAX_LIMIT": "claims",
    "Adjustment": "claims",
    "ClaimDetail": "claims",
    "ClaimLine": "claims",
    "ClaimPage": "claims",
    "ClaimSearch": "claims",
    "ClaimStatus": "claims",
    "ClaimSummary": "claims",
    "Patient": "claims",
    "Payment": "claims",
    "StatusChange": "claims",
    "AccountLocked": "errors",
    "BadRequest": "errors",
    "Conflict": "errors",
    "ConnectionFailed": "errors",
    "DeadlineExceeded": "errors",
    "Forbidden": "errors",
    "InsecureUrl": "errors",
    "InvalidConfiguration": "errors",
    "NotFound": "errors",
    "PayloadTooLarge": "errors",
    "PolicyAcceptanceRequired": "errors",
    "PortalError": "errors",
    "PreconditionFailed": "errors",
    "PreconditionRequired": "errors",
    "RateLimited": "errors",
    "ServerError": "errors",
    "SessionExpired": "errors",
    "TlsError": "errors",
    "Unauthenticated": "errors",
    "UnexpectedResponse": "errors",
    "ValidationFailed": "errors",
    "Acceptance": "models",
    "Account": "models",
    "AccountChanges": "models",
    "Code": "models",
    "CodeTable": "models",
    "ContactPreferences": "models",
    "Policy": "models",
    "PolicyState": "models",
    "PolicyVersionInfo": "models",
    "Registration": "models",
    "RegistrationResult": "models",
    "SessionInfo": "models",
    "SignIn": "models",
    "SupportInfo": "models",
    "UserInfo": "models",
    "VersionedAccount": "models",
    "PortalClient": "client",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


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
