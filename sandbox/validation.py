"""Field rules of the contract (registration, account, claim search).

Each `check_*` returns the normalised value or raises `FieldError` with a message that is
safe to show next to the field. Digits are ASCII only everywhere: `\\d` in Python matches
Arabic-Indic and other digits, which would let "١٢٣" through as a TIN.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from typing import Any

from stdnum import luhn
from stdnum.us import ein, ssn

from sandbox.errors import ApiError, validation_failed


class FieldError(ValueError):
    pass


USERNAME_RE = re.compile(r"[A-Za-z0-9._-]{6,32}")
TIN_RE = re.compile(r"[0-9]{9}|[0-9]{2}-[0-9]{7}")
NPI_RE = re.compile(r"[0-9]{10}")
EMAIL_RE = re.compile(
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@"
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
)
PHONE_PUNCTUATION = re.compile(r"[\s().+-]")
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
PASSWORD_MIN, PASSWORD_MAX = 15, 128
NAME_MAX = 100
CHANNELS = ("email", "phone", "mail")


def _has_unsafe_chars(value: str) -> bool:
    return any(
        ch in BIDI_CONTROLS or unicodedata.category(ch) in ("Cc", "Cs", "Cn") for ch in value
    )


def check_name(value: str, max_len: int = NAME_MAX) -> str:
    value = value.strip()
    if not value:
        raise FieldError("This field is required.")
    if len(value) > max_len:
        raise FieldError(f"Must be at most {max_len} characters.")
    if _has_unsafe_chars(value):
        raise FieldError("Contains characters that are not allowed.")
    return value


def org_key(name: str) -> str:
    """How organization names are compared: case-insensitive, whitespace collapsed."""
    return " ".join(name.split()).casefold()


def check_username(value: str) -> str:
    if not USERNAME_RE.fullmatch(value):
        raise FieldError("Use 6 to 32 letters, digits, dots, hyphens or underscores.")
    return value


def check_password(value: str, username: str | None) -> str:
    if len(value) < PASSWORD_MIN:
        raise FieldError(f"Must be at least {PASSWORD_MIN} characters.")
    if len(value) > PASSWORD_MAX:
        raise FieldError(f"Must be at most {PASSWORD_MAX} characters.")
    if any(unicodedata.category(ch) in ("Cc", "Cs", "Cn") for ch in value):
        raise FieldError("Contains characters that are not allowed.")
    if username is not None and value.casefold() == username.casefold():
        raise FieldError("Must not be the same as the username.")
    return value


def check_email(value: str) -> str:
    value = value.strip()
    if len(value) > 254 or not EMAIL_RE.fullmatch(value):
        raise FieldError("Enter a valid email address.")
    return value


def check_phone(value: str) -> str:
    """US numbers only: ten digits after optional +1, punctuation allowed; stored bare."""
    digits = PHONE_PUNCTUATION.sub("", value.strip())
    if not digits.isascii() or not digits.isdigit():
        raise FieldError("Enter a 10-digit US phone number.")
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) != 10 or digits[0] in "01" or digits[3] in "01":
        raise FieldError("Enter a 10-digit US phone number.")
    return digits


def check_tin(value: str) -> str:
    value = value.strip()
    if not TIN_RE.fullmatch(value):
        raise FieldError("Enter 9 digits (an EIN may be written as 12-3456789).")
    digits = value.replace("-", "")
    if not (ein.is_valid(digits) or ssn.is_valid(digits)):
        raise FieldError("This is not a valid EIN or SSN.")
    return digits


def npi_is_valid(value: str) -> bool:
    return bool(NPI_RE.fullmatch(value)) and luhn.is_valid("80840" + value)


def check_npi(value: str) -> str:
    value = value.strip()
    if not NPI_RE.fullmatch(value):
        raise FieldError("Enter the 10-digit NPI.")
    if not luhn.is_valid("80840" + value):
        raise FieldError("This NPI's check digit is wrong.")
    return value


def check_date(value: str) -> dt.date:
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        raise FieldError("Use the date format YYYY-MM-DD.")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise FieldError("This is not a valid date.") from None


def check_channel(value: str) -> str:
    if value not in CHANNELS:
        raise FieldError("Must be one of: email, phone, mail.")
    return value


class FieldCollector:
    """Runs many checks and raises one 422 with every failing field."""

    def __init__(self) -> None:
        self.errors: dict[str, str] = {}

    def check(self, name: str, func: Callable[..., Any], *args: Any) -> Any:
        try:
            return func(*args)
        except FieldError as exc:
            self.errors.setdefault(name, str(exc))
            return None

    def add(self, name: str, message: str) -> None:
        self.errors.setdefault(name, message)

    def raise_if_any(self) -> None:
        if self.errors:
            raise validation_failed(dict(self.errors))


def iso_instant(epoch: float) -> str:
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def bad_request(message: str) -> ApiError:
    return ApiError(400, "bad_request", message)
