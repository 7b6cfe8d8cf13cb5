"""Helpers for the account-security contract tests (issue 13): offices, codes, TOTP.

The first user of an office proves it with the code the portal "sent" to the office's
contact of record (read here from the outbox, as `python -m sandbox outbox` prints it)
and a payment the office received (from `contracts`' `recent_payments`, what the
office's remittance advice shows).
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import time
from typing import Any

import pyotp

from tests.conftest import Sandbox
from tests.e2e.portal_helpers import Client, User, contracts, register, sign_in_accepted


def outbox(sb: Sandbox) -> list[dict[str, Any]]:
    from sandbox import operator_cli

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        operator_cli.print_outbox(sb.data_dir)
    data: list[dict[str, Any]] = json.loads(out.getvalue())
    return data


def last_code_for(sb: Sandbox, organization_name: str) -> str:
    for message in reversed(outbox(sb)):
        if organization_name in message["subject"]:
            found = re.search(r"code: (\d{8})", message["body"])
            assert found, message
            return found.group(1)
    raise AssertionError("no verification code in the outbox for this office")


def empty_offices(sb: Sandbox) -> list[dict[str, Any]]:
    """Contracted offices the seed gave no user (demo users are in the first three)."""
    demo_tins = {d["tin"] for d in sb.demo_users}
    found = [c for c in contracts(sb) if c["tin"] not in demo_tins and c["recent_payments"]]
    assert len(found) >= 3, "the seed must leave three offices without users"
    return found


def verify_body(user: User, code: str, payment: dict[str, str]) -> dict[str, str]:
    return {"username": user.username, "code": code,
            "payment_amount": payment["amount"], "payment_date": payment["date"]}


def office_admin(sb: Sandbox, office: dict[str, Any]) -> tuple[User, Client]:
    """Make the first user of `office` (code + payment), signed in with the policy accepted."""
    user = register(sb, office)
    assert user.status == "pending_verification", user
    code = last_code_for(sb, office["organization_name"])
    resp = Client(sb).post("/registrations/verification",
                           json=verify_body(user, code, office["recent_payments"][0]))
    assert resp.status_code == 200, resp.text
    return user, sign_in_accepted(sb, user.username, user.password)


def next_code(secret: str) -> str:
    """The code of the next 30 s step: accepted (one step of drift) and not yet used."""
    return pyotp.TOTP(secret).at(time.time() + 30)


def turn_on_totp(client: Client, password: str) -> tuple[str, list[str]]:
    resp = client.post("/account/mfa/totp", json={"password": password})
    assert resp.status_code == 201, resp.text
    secret = resp.json()["secret"]
    done = client.post("/account/mfa/totp/confirm", json={"code": pyotp.TOTP(secret).now()})
    assert done.status_code == 200, done.text
    return secret, list(done.json()["recovery_codes"])
