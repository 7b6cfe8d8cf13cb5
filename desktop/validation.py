"""Field rules the portal enforces, checked on the PC first so a clerk learns at once.

Each validator takes what the user typed and either returns the value in the
form the portal expects or raises `ValidationError` with a sentence a billing
clerk can act on. The rules mirror PORTAL_API.md; the portal remains the
authority, so these never need to be looser than it, only earlier.

Digits are matched with an explicit ``[0-9]`` (never ``str.isdigit()`` or a
bare ``\\d``): those also accept Arabic-Indic, full-width and other Unicode
digits, which the portal would reject or, worse, store as something else.
"""

from __future__ import annotations

import calendar
import itertools
import re
import unicodedata
from datetime import date
from decimal import Decimal

__all__ = [
    "MAX_RANGE_MONTHS",
    "ValidationError",
    "add_months",
    "format_phone",
    "mask_tin",
    "parse_date",
    "password_strength_hint",
    "validate_claim_number",
    "validate_date_range",
    "validate_email",
    "validate_member_id",
    "validate_npi",
    "validate_organization_name",
    "validate_password",
    "validate_person_name",
    "validate_phone",
    "validate_tin",
    "validate_username",
]

MAX_RANGE_MONTHS = 24
PASSWORD_MIN = 15
PASSWORD_MAX = 128
NAME_MAX = 100
ORGANIZATION_MAX = 200
EMAIL_MAX = 254
IDENTIFIER_MAX = 40

# Categories no typed name or password legitimately contains: controls (Cc),
# format characters (Cf: bidi overrides, zero-width joiners, soft hyphens),
# surrogates, private use, unassigned code points and line/paragraph separators.
_FORBIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})

_TIN_PLAIN = re.compile(r"[0-9]{9}")
_TIN_EIN = re.compile(r"[0-9]{2}-[0-9]{7}")
_TIN_SSN = re.compile(r"[0-9]{3}-[0-9]{2}-[0-9]{4}")
_NPI = re.compile(r"[0-9]{10}")
_USERNAME = re.compile(r"[A-Za-z0-9._-]{6,32}")
_IDENTIFIER = re.compile(r"[A-Za-z0-9._/-]{1,40}")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_US_DATE = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")
_US_DATE_SHORT_YEAR = re.compile(r"[0-9]{1,2}/[0-9]{1,2}/[0-9]{2}")
_PHONE_ALLOWED = re.compile(r"[0-9 ()+.\-]+")
_EMAIL_LOCAL_FORBIDDEN = frozenset('<>()[]\\,;:"')
_DOMAIN_LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


class ValidationError(ValueError):
    """A value the user typed breaks a rule; `message` is safe to show as is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _has_foreign_digits(text: str) -> bool:
    return any(unicodedata.category(ch) == "Nd" and not "0" <= ch <= "9" for ch in text)


def _require_ascii_digits(text: str, what: str) -> None:
    if _has_foreign_digits(text):
        raise ValidationError(
            f"Type the {what} with the ordinary 0-9 digit keys; it contains digits "
            "from another script (for example Arabic-Indic or full-width digits)."
        )


def _forbidden_character(text: str) -> bool:
    return any(unicodedata.category(ch) in _FORBIDDEN_CATEGORIES for ch in text)


# --- Tax and provider identifiers -------------------------------------------


def validate_tin(value: str) -> str:
    """Return the TIN as nine digits.

    The hyphen may appear only where an EIN (12-3456789) or an SSN
    (123-45-6789) has it, and the digits must form a valid EIN or SSN-form TIN.
    """
    # python-stdnum loads here, not at start-up: its util module imports ssl and pydoc
    # (about 50 ms), and the sign-in screen, which shares this module, checks no TIN.
    from stdnum.us import ein, ssn

    text = value.strip()
    _require_ascii_digits(text, "TIN")
    if not text:
        raise ValidationError("Enter the TIN (9 digits, for example 12-3456789).")
    if _TIN_EIN.fullmatch(text):
        if not ein.is_valid(text):
            raise ValidationError(
                "This TIN is written as an EIN, but its first two digits are not "
                "a prefix the IRS uses for EINs."
            )
    elif _TIN_SSN.fullmatch(text):
        if not ssn.is_valid(text):
            raise ValidationError(
                "This TIN is written as an SSN, but no SSN has this number (area 000, "
                "666 or 900-999, group 00 or serial 0000 are never issued)."
            )
    elif _TIN_PLAIN.fullmatch(text):
        if not (ein.is_valid(text) or ssn.is_valid(text)):
            raise ValidationError(
                "This TIN is neither a valid EIN (the first two digits are not an IRS "
                "prefix) nor a valid SSN-form number."
            )
    else:
        raise ValidationError(
            "A TIN has 9 digits, written 12-3456789, 123-45-6789 or 123456789."
        )
    return text.replace("-", "")


def mask_tin(value: str) -> str:
    """Show only the last four digits, the way every screen and export must.

    Never raises: it is display code, and a malformed value still must not leak.
    Accepts a full TIN in any written form or just the last four digits.
    """
    digits = "".join(ch for ch in value if "0" <= ch <= "9")
    last4 = digits[-4:] if len(digits) >= 4 else "****"
    return f"***-**-{last4}"


def _luhn_valid(digits: str) -> bool:
    total = 0
    for index, ch in enumerate(reversed(digits)):
        number = ord(ch) - ord("0")
        if index % 2 == 1:
            number *= 2
            if number > 9:
                number -= 9
        total += number
    return total % 10 == 0


def validate_npi(value: str) -> str:
    """Return the NPI (10 digits, first digit 1 or 2, Luhn check over 80840 + NPI).

    python-stdnum has no US NPI module (as of 2.x), so the check is done here.
    """
    text = value.strip()
    _require_ascii_digits(text, "NPI")
    if not _NPI.fullmatch(text):
        raise ValidationError("An NPI has exactly 10 digits, with no spaces or dashes.")
    if text[0] not in "12":
        raise ValidationError("An NPI starts with 1 or 2.")
    if not _luhn_valid("80840" + text):
        raise ValidationError("An NPI has 10 digits; this one's check digit is wrong.")
    return text


# --- Contact details ----------------------------------------------------------


def validate_email(value: str) -> str:
    """Pragmatic check that catches typing mistakes, not RFC 5322 in full.

    The domain is lowercased (domains are case-insensitive); the part before
    the @ is kept as typed because some mail servers treat case as significant.
    """
    text = value.strip()
    if not text:
        raise ValidationError("Enter an email address.")
    if len(text) > EMAIL_MAX:
        raise ValidationError(f"An email address can have at most {EMAIL_MAX} characters.")
    if any(ch.isspace() for ch in text) or _forbidden_character(text):
        raise ValidationError("An email address cannot contain spaces or invisible characters.")
    if text.count("@") != 1:
        raise ValidationError("An email address has exactly one @, as in name@example.com.")
    local, domain = text.split("@")
    if not local or len(local) > 64 or any(ch in _EMAIL_LOCAL_FORBIDDEN for ch in local):
        raise ValidationError("The part of the email address before the @ is not valid.")
    if local.startswith(".") or local.endswith(".") or ".." in local:
        raise ValidationError("The part of the email address before the @ is not valid.")
    labels = domain.split(".")
    if len(labels) < 2 or not all(_DOMAIN_LABEL.fullmatch(label) for label in labels):
        raise ValidationError(
            "The part of the email address after the @ must be a domain such as example.com."
        )
    return f"{local}@{domain.lower()}"


def validate_phone(value: str) -> str:
    """Return a US phone number as its 10 digits (area code, exchange, line).

    Punctuation a clerk might type -- spaces, dashes, dots, parentheses -- and a
    leading +1 or 1 are dropped.
    """
    text = value.strip()
    _require_ascii_digits(text, "phone number")
    if not text:
        raise ValidationError("Enter a phone number, for example (555) 010-0123.")
    if not _PHONE_ALLOWED.fullmatch(text):
        raise ValidationError(
            "A phone number can contain only digits, spaces, dashes, dots, parentheses "
            "and a leading +1."
        )
    if "+" in text[1:] or (text.startswith("+") and not text[1:].lstrip().startswith("1")):
        raise ValidationError("Only US phone numbers are accepted (+1).")
    digits = "".join(ch for ch in text if "0" <= ch <= "9")
    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
    elif text.startswith("+"):
        raise ValidationError("A US phone number has 10 digits after the +1.")
    if len(digits) != 10:
        raise ValidationError("A US phone number has 10 digits, area code included.")
    if digits[0] in "01":
        raise ValidationError("A US area code cannot start with 0 or 1.")
    if digits[3] in "01":
        raise ValidationError("The three digits after a US area code cannot start with 0 or 1.")
    return digits


def format_phone(digits: str) -> str:
    """Show a normalized 10-digit number the way US offices write it."""
    if len(digits) != 10:
        return digits
    return f"({digits[:3]}) {digits[3:6]}-{digits[6:]}"


def _validate_display_text(value: str, what: str, maximum: int) -> str:
    text = unicodedata.normalize("NFC", value.strip())
    if not text:
        raise ValidationError(f"Enter the {what}.")
    if len(text) > maximum:
        raise ValidationError(f"The {what} can have at most {maximum} characters.")
    if _forbidden_character(text):
        raise ValidationError(
            f"The {what} contains an invisible or control character; please retype it."
        )
    return text


def validate_person_name(value: str, what: str = "name") -> str:
    """A first or last name: 1-100 visible characters, any script.

    `what` names the field in the message ("first name", "patient last name").
    Invisible characters are refused because they make two names look alike.
    """
    return _validate_display_text(value, what, NAME_MAX)


def validate_organization_name(value: str) -> str:
    """The practice's legal name, compared by the portal with its contracting records."""
    return _validate_display_text(value, "organization name", ORGANIZATION_MAX)


# --- Account credentials --------------------------------------------------------


def validate_username(value: str) -> str:
    text = value.strip()
    if not 6 <= len(text) <= 32:
        raise ValidationError("A username has 6 to 32 characters.")
    if not _USERNAME.fullmatch(text):
        raise ValidationError(
            "A username can use only the letters A-Z and a-z, the digits 0-9, dots, "
            "dashes and underscores."
        )
    return text


def validate_password(value: str, username: str | None = None) -> str:
    """NIST SP 800-63B rules: length only, no composition rules, never altered.

    Length counts code points, as the portal does. Leading and trailing spaces
    are part of the password, so nothing is stripped or truncated.
    """
    length = len(value)
    if length < PASSWORD_MIN:
        raise ValidationError(
            f"A password needs at least {PASSWORD_MIN} characters; this one has {length}."
        )
    if length > PASSWORD_MAX:
        raise ValidationError(
            f"A password can have at most {PASSWORD_MAX} characters; this one has {length}."
        )
    if _forbidden_character(value):
        raise ValidationError(
            "A password can contain any visible character and spaces, but not control "
            "or invisible characters."
        )
    if username is not None:
        name = username.strip()
        if name and (value == name or value.casefold() == name.casefold()):
            raise ValidationError("A password cannot be the same as the username.")
    return value


_COMMON_WORDS = ("password", "qwerty", "letmein", "welcome", "123456", "abcdef", "iloveyou")


def password_strength_hint(password: str) -> str:
    """An advisory sentence for the password field; never a rule, never blocks.

    Length is what makes a password strong (NIST SP 800-63B), so the advice is
    about length and obvious patterns, not about adding symbols.
    """
    length = len(password)
    if length == 0:
        return "Use at least 15 characters; a short sentence you can remember works well."
    if length < PASSWORD_MIN:
        return f"{PASSWORD_MIN - length} more characters needed; a few extra words will do."
    lowered = password.casefold()
    if len(set(lowered)) <= 3:
        return "Accepted, but repeated characters are easy to guess; try a few unrelated words."
    if any(word in lowered for word in _COMMON_WORDS):
        return "Accepted, but it contains a very common password; unrelated words are safer."
    if _is_sequence(lowered):
        return "Accepted, but a run of keys in order is easy to guess; try a few unrelated words."
    if length >= 20:
        return "Strong: a long password is the hardest kind to guess."
    return "Good. A few more words would make it even harder to guess."


def _is_sequence(text: str) -> bool:
    steps = {ord(b) - ord(a) for a, b in itertools.pairwise(text)}
    return len(steps) == 1 and steps <= {-1, 1}


# --- Dates -------------------------------------------------------------------------


def parse_date(value: str) -> date:
    """Accept ISO ``YYYY-MM-DD`` and the US ``MM/DD/YYYY`` (or ``M/D/YYYY``)."""
    text = value.strip()
    _require_ascii_digits(text, "date")
    if not text:
        raise ValidationError("Enter a date as MM/DD/YYYY.")
    iso = _ISO_DATE.fullmatch(text)
    us = _US_DATE.fullmatch(text)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
    elif us:
        month, day, year = (int(part) for part in us.groups())
    elif _US_DATE_SHORT_YEAR.fullmatch(text):
        raise ValidationError("Type the year with four digits, as in 03/15/2025.")
    else:
        raise ValidationError("Type the date as MM/DD/YYYY, for example 03/15/2025.")
    if not 1 <= month <= 12:
        raise ValidationError(f"There is no month {month}; months run from 1 to 12.")
    if year < 1900:
        raise ValidationError("Dates before 1900 are not accepted; check the year.")
    last_day = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last_day:
        raise ValidationError(
            f"{calendar.month_name[month]} {year} has {last_day} days; check the day."
        )
    return date(year, month, day)


def add_months(start: date, months: int) -> date:
    """Same day `months` later, clamped to the month's end (Jan 31 + 1 -> Feb 28/29)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def validate_date_range(
    start: date | None, end: date | None, max_months: int = MAX_RANGE_MONTHS
) -> tuple[date | None, date | None]:
    """A search's service-date range: end not before start, span at most 24 months.

    Either end may be open; the portal then applies its own 24-month default.
    """
    if start is not None and end is not None:
        if end < start:
            raise ValidationError("The 'to' date is before the 'from' date.")
        if end > add_months(start, max_months):
            raise ValidationError(
                f"A search can cover at most {max_months} months; narrow the dates."
            )
    return start, end


# --- Claim search identifiers -------------------------------------------------------


def _validate_identifier(value: str, what: str) -> str:
    text = value.strip()
    _require_ascii_digits(text, what)
    if not text:
        raise ValidationError(f"Enter the {what}.")
    if len(text) > IDENTIFIER_MAX:
        raise ValidationError(f"A {what} has at most {IDENTIFIER_MAX} characters.")
    if not _IDENTIFIER.fullmatch(text):
        raise ValidationError(
            f"A {what} uses only letters, digits, dashes, dots, slashes and underscores."
        )
    return text


def validate_claim_number(value: str) -> str:
    return _validate_identifier(value, "claim number")


def validate_member_id(value: str) -> str:
    return _validate_identifier(value, "member ID")


_AMOUNT = re.compile(r"\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?")


def validate_payment_amount(value: str) -> Decimal:
    """Dollars and cents as a clerk writes them: `1234.50`, `$1,234.50`, `87.6`, `87`."""
    text = value.strip()
    _require_ascii_digits(text, "amount")
    match = _AMOUNT.fullmatch(text)
    if not match:
        raise ValidationError("Type the amount in dollars and cents, for example 1234.50.")
    dollars = match.group(1).replace(",", "")
    cents = (match.group(2) or "0").ljust(2, "0")
    amount = Decimal(f"{int(dollars)}.{cents}")
    if amount <= 0:
        raise ValidationError("A payment is more than 0.00.")
    return amount


def validate_office_code(value: str) -> str:
    """The 8-digit code the office received; spaces and dashes a clerk adds are dropped."""
    text = value.strip().replace(" ", "").replace("-", "")
    _require_ascii_digits(text, "code")
    if not (len(text) == 8 and text.isdigit()):
        raise ValidationError("The code is the 8 digits your office received.")
    return text
