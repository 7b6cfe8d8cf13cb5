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

**Sign-in lockout.** Failures are counted per username (case-insensitive), including
usernames that do not exist. The fifth failure within 15 minutes is still answered 401 and
starts a 15-minute lock; during the lock every attempt, even with the right password, is a
423. Failures counted before a lock are cleared when it starts; a successful sign-in clears
them too. A correct password on a pending or deactivated account is a 401 that does not
count as a failure. `POST /sessions` and `POST /registrations` are each limited to 60
requests per client address per minute (429).

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
                                  ("post", "/api/v1/registrations")}:
                responses.setdefault("429", error("rate_limited (Retry-After set)"))
            if (method, path) not in public:
                op["security"] = [{"bearer": []}]
                responses.setdefault("401", error("unauthenticated or session_expired"))
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
