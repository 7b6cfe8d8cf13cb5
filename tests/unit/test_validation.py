"""Field rules: what a clerk types, what the portal gets, and what the clerk is told."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop import validation as v
from desktop.validation import ValidationError


def _npi_with_check_digit(first9: str) -> str:
    """Build a valid NPI independently of the module's Luhn code (CMS worked example)."""
    total = 24  # the constant CMS gives for the 80840 prefix
    for index, ch in enumerate(reversed(first9)):
        digit = int(ch)
        if index % 2 == 0:
            digit *= 2
            digit = digit - 9 if digit > 9 else digit
        total += digit
    return first9 + str((10 - total % 10) % 10)


# --- TIN -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("12-3456789", "123456789"),
        ("123456789", "123456789"),
        ("  12-3456789 ", "123456789"),
        ("536-90-4399", "536904399"),
        ("536904399", "536904399"),
        ("071234567", "071234567"),  # 07 is no EIN prefix, but 071-23-4567 is a valid SSN form
    ],
)
def test_tin_accepts_ein_and_ssn_forms(typed: str, expected: str) -> None:
    assert v.validate_tin(typed) == expected


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("07-1234567", "prefix"),  # hyphen says EIN, 07 is not an IRS prefix
        ("000-12-3456", "SSN"),
        ("666-12-3456", "SSN"),
        ("900-12-3456", "SSN"),
        ("123-00-4567", "SSN"),
        ("000123456", "neither"),
        ("123-456789", "9 digits"),  # hyphen in the wrong place
        ("1234-56789", "9 digits"),
        ("12345678", "9 digits"),
        ("1234567890", "9 digits"),
        ("12 3456789", "9 digits"),
        ("", "Enter"),
        ("１２-３４５６７８９", "0-9"),  # full-width digits
        ("١٢-٣٤٥٦٧٨٩", "0-9"),  # Arabic-Indic digits
    ],
)
def test_tin_rejections_explain_themselves(typed: str, fragment: str) -> None:
    with pytest.raises(ValidationError) as info:
        v.validate_tin(typed)
    assert fragment in info.value.message
    assert str(info.value) == info.value.message


def test_mask_tin_shows_only_last_four() -> None:
    assert v.mask_tin("123456789") == "***-**-6789"
    assert v.mask_tin("12-3456789") == "***-**-6789"
    assert v.mask_tin("6789") == "***-**-6789"
    assert v.mask_tin("") == "***-**-****"
    assert v.mask_tin("12") == "***-**-****"


@given(st.text(max_size=30))
def test_mask_tin_never_raises_and_never_shows_more_than_four_digits(text: str) -> None:
    masked = v.mask_tin(text)
    assert masked.startswith("***-**-")
    assert len(masked) == 11


# --- NPI -----------------------------------------------------------------------------


def test_npi_accepts_the_cms_example() -> None:
    assert v.validate_npi("1234567893") == "1234567893"
    assert v.validate_npi(" 1234567893\t") == "1234567893"


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("1234567890", "check digit is wrong"),
        ("3234567893", "starts with 1 or 2"),
        ("123456789", "exactly 10 digits"),
        ("12345678931", "exactly 10 digits"),
        ("12345-67893", "exactly 10 digits"),
        ("١٢٣٤٥٦٧٨٩٣", "0-9"),
        ("１２３４５６７８９３", "0-9"),
        ("१२३४५६७८९३", "0-9"),  # Devanagari
    ],
)
def test_npi_rejections(typed: str, fragment: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(fragment)):
        v.validate_npi(typed)


@given(st.sampled_from("12"), st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_every_npi_with_a_correct_check_digit_passes(first: str, rest: str) -> None:
    npi = _npi_with_check_digit(first + rest)
    assert v.validate_npi(npi) == npi


@given(
    st.sampled_from("12"),
    st.text(alphabet="0123456789", min_size=8, max_size=8),
    st.integers(min_value=1, max_value=9),
)
def test_every_wrong_check_digit_fails(first: str, rest: str, shift: int) -> None:
    good = _npi_with_check_digit(first + rest)
    bad = good[:9] + str((int(good[9]) + shift) % 10)
    with pytest.raises(ValidationError, match="check digit"):
        v.validate_npi(bad)


# --- Email and phone -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("pat.doe@Example.TEST", "pat.doe@example.test"),
        ("  billing+claims@clinic.example.org ", "billing+claims@clinic.example.org"),
        ("Pat.Doe@example.test", "Pat.Doe@example.test"),
    ],
)
def test_email_accepted(typed: str, expected: str) -> None:
    assert v.validate_email(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "pat.doe",
        "pat@doe@example.test",
        "pat doe@example.test",
        "pat@example",
        "pat@.example.test",
        "pat@example..test",
        "@example.test",
        ".pat@example.test",
        "pat\u200b@example.test",
        "pat<x>@example.test",
        "a" * 250 + "@e.test",
    ],
)
def test_email_rejected(typed: str) -> None:
    with pytest.raises(ValidationError):
        v.validate_email(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "(555) 234-5678",
        "555-234-5678",
        "555.234.5678",
        "5552345678",
        "+1 555 234 5678",
        "+1 (555) 234-5678",
        "1-555-234-5678",
        "15552345678",
    ],
)
def test_phone_normalizes_to_ten_digits(typed: str) -> None:
    assert v.validate_phone(typed) == "5552345678"
    assert v.format_phone(v.validate_phone(typed)) == "(555) 234-5678"


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("555-234-567", "10 digits"),
        ("+44 20 7946 0000", "US"),
        ("+1 555 234 567", "after the +1"),
        ("055-234-5678", "area code"),
        ("555-134-5678", "after a US area code"),
        ("555-234-5678 ext 9", "only digits"),
        ("５５５２３４５６７８", "0-9"),
        ("", "Enter"),
    ],
)
def test_phone_rejections(typed: str, fragment: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(fragment)):
        v.validate_phone(typed)


# --- Names -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("  Ada ", "Ada"),
        ("O'Brien-Núñez", "O'Brien-Núñez"),
        ("Nu\u0301n\u0303ez", "Núñez"),  # decomposed input comes out composed (NFC)
        ("李", "李"),
        ("x" * 100, "x" * 100),
    ],
)
def test_person_names(typed: str, expected: str) -> None:
    assert v.validate_person_name(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "x" * 101,
        "Ada\u202eecnal",  # right-to-left override
        "Ada\u200b",  # zero-width space inside (strip keeps it)
        "Ada\u200dLovelace",  # zero-width joiner
        "Ada\nLovelace",
        "Ada\x00",
        "Ada\u2028Lovelace",  # line separator
    ],
)
def test_person_name_rejections(typed: str) -> None:
    with pytest.raises(ValidationError):
        v.validate_person_name(typed)


def test_name_message_names_the_field() -> None:
    with pytest.raises(ValidationError, match="first name"):
        v.validate_person_name("", "first name")


def test_organization_name() -> None:
    assert v.validate_organization_name(" Fictional Family Clinic, P.C. & Co ") == (
        "Fictional Family Clinic, P.C. & Co"
    )
    with pytest.raises(ValidationError):
        v.validate_organization_name("Clinic\u202e")
    with pytest.raises(ValidationError):
        v.validate_organization_name("x" * 201)


# --- Username and password ---------------------------------------------------------------


@pytest.mark.parametrize("typed", ["clerk1", "a.b-c_d", " trimmed_user ", "x" * 32])
def test_username_accepted(typed: str) -> None:
    assert v.validate_username(typed) == typed.strip()


@pytest.mark.parametrize("typed", ["short", "x" * 33, "has space", "ünïcode", "user@name", ""])
def test_username_rejected(typed: str) -> None:
    with pytest.raises(ValidationError):
        v.validate_username(typed)


@pytest.mark.parametrize(
    "pw",
    [
        "x" * 15,
        "y" * 128,
        "  leading and trailing  ",
        "パスワードは十五文字以上必要です",  # 16 code points, 48 UTF-8 bytes
        "correct horse battery staple",
        "emoji 🐍🐍🐍 are fine here",
        "non\u00a0breaking spaces ok",
    ],
)
def test_password_accepted_unchanged(pw: str) -> None:
    assert v.validate_password(pw) == pw


def test_password_length_counts_code_points_not_bytes() -> None:
    fourteen = "é" * 14  # 28 bytes in UTF-8, still only 14 characters
    with pytest.raises(ValidationError, match="at least 15 characters; this one has 14"):
        v.validate_password(fourteen)
    with pytest.raises(ValidationError, match="at most 128 characters; this one has 129"):
        v.validate_password("z" * 129)


@pytest.mark.parametrize("pw", ["fifteen chars\x00!", "tab\tinside the password", "bidi\u202e trick here"])
def test_password_refuses_invisible_characters(pw: str) -> None:
    with pytest.raises(ValidationError, match="control or invisible"):
        v.validate_password(pw)


def test_password_not_equal_to_username() -> None:
    with pytest.raises(ValidationError, match="same as the username"):
        v.validate_password("fictional.clerk.01", "fictional.clerk.01")
    with pytest.raises(ValidationError, match="same as the username"):
        v.validate_password("FICTIONAL.CLERK.01", "fictional.clerk.01")
    assert v.validate_password("fictional.clerk.01!", "fictional.clerk.01")


def test_password_error_never_contains_the_password() -> None:
    secret = "s3cret-sent"
    with pytest.raises(ValidationError) as info:
        v.validate_password(secret)
    assert secret not in info.value.message


@pytest.mark.parametrize(
    ("pw", "fragment"),
    [
        ("", "at least 15"),
        ("abc", "12 more"),
        ("aaaaaaaaaaaaaaaaaaaa", "repeated"),
        ("mypassword is long enough", "common"),
        ("ghijklmnopqrstuvw", "in order"),
        ("lamp river quietly", "Good"),
        ("lamp river quietly orange", "Strong"),
    ],
)
def test_strength_hint_is_advice(pw: str, fragment: str) -> None:
    assert fragment in v.password_strength_hint(pw)


# --- Dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2025-03-15", date(2025, 3, 15)),
        ("03/15/2025", date(2025, 3, 15)),
        ("3/5/2025", date(2025, 3, 5)),
        (" 02/29/2024 ", date(2024, 2, 29)),
    ],
)
def test_parse_date(typed: str, expected: date) -> None:
    assert v.parse_date(typed) == expected


@pytest.mark.parametrize(
    ("typed", "fragment"),
    [
        ("02/29/2025", "28 days"),
        ("2025-02-30", "28 days"),
        ("13/01/2025", "no month 13"),
        ("03/15/25", "four digits"),
        ("15.03.2025", "MM/DD/YYYY"),
        ("2025/03/15", "MM/DD/YYYY"),
        ("١٢/٠١/٢٠٢٥", "0-9"),
        ("01/01/1850", "1900"),
        ("", "Enter"),
    ],
)
def test_parse_date_rejections(typed: str, fragment: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(fragment)):
        v.parse_date(typed)


def test_add_months_clamps_to_month_end() -> None:
    assert v.add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert v.add_months(date(2024, 2, 29), 24) == date(2026, 2, 28)
    assert v.add_months(date(2025, 11, 15), 3) == date(2026, 2, 15)


def test_date_range() -> None:
    start = date(2024, 1, 15)
    assert v.validate_date_range(start, date(2026, 1, 15)) == (start, date(2026, 1, 15))
    assert v.validate_date_range(start, start) == (start, start)
    assert v.validate_date_range(None, start) == (None, start)
    assert v.validate_date_range(start, None) == (start, None)
    with pytest.raises(ValidationError, match="before the 'from' date"):
        v.validate_date_range(start, date(2024, 1, 14))
    with pytest.raises(ValidationError, match="24 months"):
        v.validate_date_range(start, date(2026, 1, 16))


# --- Claim search identifiers ---------------------------------------------------------------


@pytest.mark.parametrize("func", [v.validate_claim_number, v.validate_member_id])
def test_identifiers(func: object) -> None:
    assert callable(func)
    assert func("  CLM-2025/000123.A_1 ") == "CLM-2025/000123.A_1"
    assert func("x" * 40) == "x" * 40
    for bad in ["", "x" * 41, "CLM 123", "CLM;DROP", "CLM\u200b1", "１２３"]:
        with pytest.raises(ValidationError):
            func(bad)
