"""The project's own copy of the contract: PORTAL_API.md plus every decision it left open.

`python -m sandbox openapi` prints it; the sandbox serves it at `/api/v1/openapi.json`;
`sandbox/openapi.json` is the committed copy (a test compares them).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

DESCRIPTION = """\
Reference implementation of the Claims Online Portal API, version 1 (PORTAL_API.md).
Where that contract is silent, this sandbox decides as follows.

**Every response** carries `X-Request-ID` (the client's own when it is 1-128 characters of
`[A-Za-z0-9._-]`, otherwise a fresh one), `Server-Timing: handler;dur=<ms>`,
`Cache-Control: no-store` and `X-Content-Type-Options: nosniff`. JSON bodies are
`application/json; charset=utf-8`. Authenticated responses (once the token is accepted)
carry `X-Policy-Version`; so does `POST /sessions`.

**Errors.** 404 and 405 use the same error shape (405 with code `method_not_allowed` and an
`Allow` header). A request body that is missing, not a JSON object, or not sent as
`application/json` is a 400 `bad_request`, as is malformed JSON, a bad `Content-Length` or an
unknown query parameter. Unknown body keys, wrong JSON types (no coercion: `"true"` is not a
boolean) and rule failures are a 422 with `fields` keyed by field name (nested as
`contact_preferences.paper_mail`). Bodies over 65,536 bytes are a 413, whether declared by
`Content-Length` or streamed. 409 answers about the policy version add `current_version`;
a 409 for a taken username adds `fields.username`. 429 answers carry both the `Retry-After`
header and `retry_after_s` in the body; 423 answers carry both as well.

**Sessions.** Tokens are 43-character URL-safe strings (256 bits). `expires_at` is the
earlier of the idle and absolute deadlines. A token past either deadline answers
`session_expired` until its row is purged; a revoked token answers `unauthenticated`.
`GET /sessions/current` is behind the policy gate (the contract does not exempt it).
`user.mfa_enabled` in the sign-in answer says whether the user has two-step sign-in on.

**Sign-in lockout.** Failures are counted per username (case-insensitive), including
usernames that do not exist. The fifth failure within 15 minutes is still answered 401 and
starts a 15-minute lock; during the lock every attempt, even with the right password, is a
423. Failures counted before a lock are cleared when it starts; a successful sign-in clears
them too. A correct password on a pending or deactivated account is a 401 that does not
count as a failure. `POST /sessions` and `POST /registrations` are each limited to 60
requests per client address per minute (429).

**Public identifiers are not secrets.** A TIN is printed on every W-9 and NPIs and
organization names are in the NPI registry, so matching them never makes an account
active. A registration whose NPI is on the TIN's roster and whose organization name
matches is `pending_approval` when the office already has an active user (an office
administrator approves or refuses it: `/office/users`), else `pending_verification`: an
8-digit code goes to the office's contact of record on the contracting file (never to
the address the registrant typed) and the registrant answers `POST
/registrations/verification` with the code and the amount and date of one payment the
payer made to the TIN in the last 90 days. Codes are valid 24 hours, single use, and
void after five wrong tries (`code_expired`, 410); `POST
/registrations/verification/code` sends a new one and answers 202 for any username. A
wrong code or payment and an unknown username get the same 422 `verification_failed`
(with `attempts_left`). The first user of an office is its administrator
(`office_admin` on `GET /account`). Other offices' user ids answer 404; a caller who is
not an administrator gets 403 `forbidden`; deciding a request twice is a 409.
Other registrations are `pending_review` (the payer's staff; `python -m sandbox
activate`). None of the pending states can sign in.

**Two-step sign-in.** TOTP per RFC 6238 (SHA-1, 6 digits, 30 s), one step of drift
either way; a code is accepted once (only for a step later than the last one used).
For a user with it on, `POST /sessions` without `otp` answers 401 `mfa_required` (not
counted as a failure); a wrong or reused code, or a used recovery code, is 401
`unauthenticated` and counted. Recovery codes are ten `xxxxx-xxxxx` codes, each good
once, shown only in the answer to the confirmation. `DELETE /account/mfa/totp` needs
the password and a code (TOTP or recovery). Setting up again before confirming
replaces the secret; setting up while it is on is a 409.

**Re-authentication.** `POST /sessions/current/reauth` with the password (no second
factor: it was given when the session began) answers like `POST /sessions` with a new
token; the old token is revoked and the new session keeps the old one's start, so the
12-hour absolute lifetime is never extended. An expired or revoked session cannot be
re-authenticated (the client signs in afresh, code included).

**Every password check is throttled.** Wrong passwords on `/account/password`,
`/account/deactivation`, `/account/mfa/totp` (set-up and turning off),
`/sessions/current/reauth`, and wrong codes on the MFA endpoints and at sign-in count
toward the same per-user lockout as sign-in. During a lock every password check and every
authenticated call of the user answers 423 (`retry_after_s`); only `DELETE
/sessions/current` still works. A failed check does not count as session activity.

**Security log.** Security events go, as JSON lines, to `security-log.jsonl` in the
data folder (`python -m sandbox security-log`): instant, event, numeric user id,
request id and a fixed `outcome`/`reason` word, never usernames, passwords, codes,
tokens or PHI.

**Registration.** Checks run in this order: all field rules and the TIN lookup (one 422
listing every bad field), then `accepted_policy_version` (409), then the username (409).
Usernames are unique case-insensitively and sign-in is case-insensitive; the spelling given
at registration is kept. The password may not equal the username ignoring case. Names are
trimmed, 1-100 characters (organization 1-200), without control or bidirectional-override
characters. Phone numbers are US numbers: ten digits after an optional `+1`/`1`, with
spaces, dots, hyphens and parentheses allowed; they are stored and returned as ten bare
digits. TINs are returned as nine bare digits. Only ASCII digits count as digits.
`contact_preferences` defaults to email notices on, paper mail off, channel `email`.

**Account.** The `ETag` is strong and changes on every successful change. `PATCH /account`
needs `If-Match` (428 without; 412 when no listed tag matches; `*` matches); an empty object
is a no-op. `null` is not a value for any field. `contact_preferences` may be patched
partially. A wrong `current_password` on `POST /account/password` is a 422 on
`current_password`; a wrong `password` on `POST /account/deactivation` is a 422 on `password`.
`reason` on deactivation is optional (at most 1,000 characters). After a password change
the calling session stays valid and every other session of the user is revoked.
`office_admin` and `mfa_enabled` on `GET /account` are read-only; the `ETag` covers the
fields `PATCH /account` can change, so turning two-step sign-in on or off does not make an
open edit stale.

**Policy.** The most recently published version is the current one; `GET /policy/versions`
lists versions in reverse order of publication. `GET /policy/acceptances` lists newest first.
Receipt ids are opaque strings. Accepting the current version again answers 200 with the
first receipt.

**Claims search.** `POST /claims/search` takes every criterion, `sort`, `limit` (a JSON
integer) and `cursor` in a JSON body, so that nothing identifying a patient (names, birth
date, member id, claim number) is ever part of a URL, which TLS-inspecting proxies and
access logs record. `GET /claims` remains for browsing by date, status and provider NPI
only (same rules, same cursors); `claim_number`, `member_id` or `patient_*` in its query
string are a 400 `bad_request` (unknown parameters). No path or query parameter anywhere
in this contract carries patient-identifying data (a test walks this document).
The date range applies to a claim's first date of service
(`service_from`), inclusive at both ends. Without `service_to` the range ends today (UTC);
without `service_from` it starts 24 months before its end; a range whose start is earlier
than 24 calendar months before its end is a 422. Names match case-insensitively as
prefixes (`patient_last_name: "smi"` finds Smith); `claim_number` and `member_id` match
exactly (`member_id` ignoring case); `billing_npi`/`rendering_npi` must be valid NPIs.
Empty criteria are ignored. `status` values are case-insensitive. Repeating a query
parameter other than `status` is a 400. Results are ordered by the sort key, then by an
internal row order in the same direction, so paging is stable. `total` counts every match
of the search (not just the page); it is computed for the first page and carried in the
cursor. A cursor is bound to its search (filters, sort and resolved date range) and signed;
one from another search, or altered, is a 422 on `cursor`. `limit` may change between pages.

**Claim amounts** are always decimal strings; for a claim not yet adjudicated (families
A, P, R, E) allowed, paid and patient responsibility are `"0.00"`. `paid_at` and
`payment_number` are null when no payment was made; `payment` is always an object, with
`method`, `number` and `date` null when there is no payment. `status.label` is the plain
words for the category; `/codes/claim-status` also explains the status codes.
`claim_id` is an opaque random string (`c` and 24 hex digits), not a sequence number; a
claim of another TIN answers exactly like one that does not exist (404 `not_found`).

**The clerk's day.** `POST /claims/status-batch` takes `{"claim_numbers": [...]}` (1-500
distinct after trimming; duplicates are answered once, in the order first sent) and answers
one item per number: `found: false` (and `claim: null`) alike for an unknown number and for
another office's claim. A found claim is the claim summary plus `decided_at` (date of its
latest status), `reasons` (distinct group code + CARC with their lines' remarks) and
`remarks`, which is what the playbook needs. `GET /claims/{id}` records the status the
caller has now seen; `GET /worklist` lists the caller's open follow-ups by due date (bucket
`overdue`, `today` or `upcoming` by the portal's UTC date, sent as `today`) and `changed`:
claims whose status differs from the one the caller last saw (at most 200). Follow-ups are
created by claim number (`due_date` from yesterday, for clerks west of UTC, up to two years
ahead; `note` at most 500 characters) and changed with `PATCH /worklist/{item_id}` like the
account (`If-Match` required: 428 without, 412 with the current `ETag` header when stale):
`state` done/open, `due_date` (snooze), `note`, `assignee` (an active user of the office,
`GET /worklist/assignees`). Items of another office answer 404. `/saved-searches` keeps a
user's named criteria (the claim search's parameter names, `status` as a list; 50 per user,
names unique per user: 409); running one is an ordinary claim search. `GET /codes/playbook`
holds the next-step rules: a rule matches on any of `category`, `group_code`, `carc`, `rarc`
(absent = any), the rule with most fields matched wins and ties go to the earlier rule;
`window` names a deadline window of `windows` (days counted from the date of service or
the decision date); every rule and window names its `source`.
"""


def build(app: FastAPI) -> dict[str, Any]:
    from fastapi.openapi.utils import get_openapi

    doc = get_openapi(
        title=app.title,
        version=app.version,
        description=app.description,
        routes=app.routes,
    )
    doc["servers"] = [{"url": "https://127.0.0.1:8443", "description": "sandbox (any port)"}]
    components = doc.setdefault("components", {})
    components.setdefault("securitySchemes", {})["bearer"] = {
        "type": "http",
        "scheme": "bearer",
        "description": "The token from POST /api/v1/sessions.",
    }
    public = {
        ("get", "/api/v1/policy"), ("get", "/api/v1/policy/versions"),
        ("get", "/api/v1/policy/versions/{version}"), ("get", "/api/v1/support"),
        ("post", "/api/v1/registrations"), ("post", "/api/v1/sessions"),
        ("post", "/api/v1/registrations/verification"),
        ("post", "/api/v1/registrations/verification/code"),
    }
    def error(description: str) -> dict[str, Any]:
        return {"description": description, "content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/ErrorOut"}}}}

    for path, ops in doc.get("paths", {}).items():
        for method, op in ops.items():
            responses = op.setdefault("responses", {})
            # Errors every operation can give, from the contract's error table.
            responses.setdefault("400", error("bad_request: malformed JSON or unknown "
                                              "query parameter"))
            responses.setdefault("500", error("server_error"))
            if method in ("post", "patch", "put"):
                responses.setdefault("413", error("payload_too_large: body over 64 KiB"))
            if (method, path) in {("post", "/api/v1/sessions"),
                                  ("post", "/api/v1/registrations"),
                                  ("post", "/api/v1/registrations/verification"),
                                  ("post", "/api/v1/registrations/verification/code")}:
                responses.setdefault("429", error("rate_limited (Retry-After set)"))
            if (method, path) not in public:
                op["security"] = [{"bearer": []}]
                responses.setdefault("401", error("unauthenticated or session_expired"))
                responses.setdefault("423", error("account_locked: the user is locked after "
                                                  "five failed password or code checks "
                                                  "(body adds retry_after_s)"))
                responses.setdefault("403", error("policy_acceptance_required (body adds "
                                                  "current_version) or forbidden"))
    # FastAPI adds a 422 schema of its own; ours is the contract's error shape.
    schemas = components.get("schemas", {})
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    for ops in doc.get("paths", {}).values():
        for op in ops.values():
            responses = op.get("responses", {})
            if "422" in responses:
                responses["422"] = {
                    "description": "validation_failed",
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/ErrorOut"}}
                    },
                }
    # The handler answers a missing If-Match itself (428, not FastAPI's 422), so the header
    # is optional to FastAPI; the contract requires it, and so does the document.
    for param in doc.get("paths", {}).get("/api/v1/account", {}).get("patch", {}).get(
            "parameters", []):
        if param.get("in") == "header" and param.get("name", "").lower() == "if-match":
            param["required"] = True
            param["schema"] = {"type": "string", "minLength": 1, "title": "If-Match"}
            param["description"] = "The ETag from GET /account (or `*`)."
    result: dict[str, Any] = json.loads(json.dumps(doc, sort_keys=True))
    return result


def render(doc: dict[str, Any]) -> str:
    return json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=False) + "\n"
