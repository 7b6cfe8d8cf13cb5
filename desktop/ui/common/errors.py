"""The one place the UI decides what to do with an error.

cancelled -> ignore; a `PortalError` -> its `user_message` (safe by
construction); anything else -> the crash handler logs it without its text and
the user gets a generic sentence with the request id.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable

from desktop.crash import safe_summary, safe_traceback, user_text
from desktop.portal.errors import (
    AccountLocked,
    MfaRequired,
    PortalError,
    Unauthenticated,
    UnexpectedResponse,
)
from desktop.ui.common.i18n import QT_TRANSLATE_NOOP, plural, translate

log = logging.getLogger(__name__)


def describe(exc: BaseException) -> str:
    """A sentence for the user; logs unexpected errors (type and frames only)."""
    if isinstance(exc, PortalError):
        text = exc.user_message
        # Server errors and answers we cannot read tell the clerk to quote the reference.
        if exc.request_id and (isinstance(exc, UnexpectedResponse)
                               or (exc.status is not None and exc.status >= 500)):
            text += translate("Errors", " (reference {request_id})").format(
                request_id=exc.request_id)
        return text
    summary, request_id = safe_summary(exc)
    log.error("unexpected error %s\n%s", summary, safe_traceback(exc.__traceback__))
    return user_text(request_id)


#: Shown with `translate("Errors", WRONG_CREDENTIALS)`.
WRONG_CREDENTIALS = str(QT_TRANSLATE_NOOP(
    "Errors",
    "The username or password is not right, or the account is not active yet (a new "
    "registration waits for your office's administrator, the office's code, or a reviewer)."))
#: The same refusal once the portal asked for the second factor: the password was right.
WRONG_CODE = str(QT_TRANSLATE_NOOP(
    "Errors",
    "That code is not right or was used already. Check the time on your phone, wait for the "
    "next code, or use one of your recovery codes."))


def sign_in_message(exc: BaseException) -> str:
    """Sign-in errors in the words a clerk expects on a sign-in screen."""
    if isinstance(exc, AccountLocked):
        minutes = max(1, math.ceil((exc.retry_after_s or 900) / 60))
        text = translate("Errors", "Your account is locked after too many sign-in attempts. "
                         "Try again in %n minute(s).", None, minutes)
        return plural(text, minutes)
    if isinstance(exc, MfaRequired):
        return exc.user_message
    if isinstance(exc, Unauthenticated):
        return translate("Errors", WRONG_CREDENTIALS)
    return describe(exc)


ErrorSink = Callable[[str], None]
