"""Shared request plumbing: the portal's runtime state and the authentication dependencies.

The current policy version is read from the database on every authenticated call (one
indexed row) rather than cached, so a `publish-policy` run by the operator while the server
is up takes effect on the very next request.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Request

from sandbox import auth, db
from sandbox.errors import ApiError
from sandbox.middleware import request_context
from sandbox.security_log import SecurityLog


@dataclass(frozen=True)
class Settings:
    idle_timeout_s: int = 1800
    absolute_timeout_s: int = 43200
    lockout_s: int = 900
    rate_limit_per_min: int = 60


@dataclass
class Portal:
    database: db.Database
    settings: Settings
    secret: bytes
    limiter: auth.RateLimiter = field(init=False)
    security_log: SecurityLog = field(init=False)

    def __post_init__(self) -> None:
        self.limiter = auth.RateLimiter(self.settings.rate_limit_per_min)
        self.security_log = SecurityLog(self.database.path.parent)

    def conn(self) -> sqlite3.Connection:
        return self.database.conn()


def get_portal(request: Request) -> Portal:
    portal = request.app.state.portal
    assert isinstance(portal, Portal)
    return portal


PortalDep = Annotated[Portal, Depends(get_portal)]


def current_policy_version(conn: sqlite3.Connection) -> str:
    row = conn.execute("SELECT version FROM policies ORDER BY seq DESC LIMIT 1").fetchone()
    if row is None:
        raise RuntimeError("no policy has been published")
    return str(row[0])


def latest_accepted_version(conn: sqlite3.Connection, user_id: int) -> str | None:
    row = conn.execute(
        "SELECT a.version FROM acceptances a LEFT JOIN policies p ON p.version = a.version "
        "WHERE a.user_id = ? ORDER BY p.seq DESC, a.accepted_at DESC LIMIT 1",
        (user_id,),
    ).fetchone()
    return None if row is None else str(row[0])


def has_accepted(conn: sqlite3.Connection, user_id: int, version: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM acceptances WHERE user_id = ? AND version = ?", (user_id, version)
    ).fetchone()
    return row is not None


@dataclass(frozen=True)
class Caller:
    """The signed-in user behind a request."""

    user: sqlite3.Row
    session_id: int
    times: auth.SessionTimes
    policy_version: str
    policy_accepted: bool

    @property
    def user_id(self) -> int:
        return int(self.user["id"])


def _bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if not header:
        return None
    scheme, _, token = header.partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or len(token) > auth.MAX_TOKEN_CHARS:
        return None
    return token


def _unauthenticated() -> ApiError:
    return ApiError(401, "unauthenticated", headers={"WWW-Authenticate": "Bearer"})


def _resolve(request: Request, portal: Portal, *, touch: bool,
             refuse_locked: bool = True) -> Caller:
    """Resolve the bearer token; a successful call counts as activity when `touch`.

    A locked account is refused here too (423): five wrong guesses on any door close
    every door, including those a stolen token would otherwise keep open.
    """
    token = _bearer_token(request)
    if token is None:
        raise _unauthenticated()
    conn = portal.conn()
    row = conn.execute(
        "SELECT s.id AS sid, s.created_at AS s_created, s.last_seen_at AS s_seen, u.* "
        "FROM sessions s "
        "JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?",
        (auth.token_hash(token),),
    ).fetchone()
    if row is None or row["status"] != "active":
        raise _unauthenticated()
    settings = portal.settings
    now = db.now()
    times = auth.SessionTimes(float(row["s_created"]), float(row["s_seen"]))
    if now >= times.expires_at(settings.idle_timeout_s, settings.absolute_timeout_s):
        raise ApiError(401, "session_expired", headers={"WWW-Authenticate": "Bearer"})
    locked = auth.locked_for(conn, str(row["username_key"])) if refuse_locked else 0
    if locked:
        raise ApiError(423, "account_locked", extra={"retry_after_s": locked},
                       headers={"Retry-After": str(locked)})
    if touch:
        conn.execute("UPDATE sessions SET last_seen_at = ? WHERE id = ?", (now, row["sid"]))
        times = auth.SessionTimes(times.created_at, now)
    version = current_policy_version(conn)
    request_context(request.scope).policy_version = version
    return Caller(
        user=row,
        session_id=int(row["sid"]),
        times=times,
        policy_version=version,
        policy_accepted=has_accepted(conn, int(row["id"]), version),
    )


def authenticate(request: Request, portal: PortalDep) -> Caller:
    return _resolve(request, portal, touch=True)


def authenticate_for_password(request: Request, portal: PortalDep) -> Caller:
    """For routes that check a password or code: activity only once the check passed."""
    return _resolve(request, portal, touch=False)


def authenticate_for_sign_out(request: Request, portal: PortalDep) -> Caller:
    """Signing out (revoking one's own token) stays possible during a lock."""
    return _resolve(request, portal, touch=False, refuse_locked=False)


def _gate(caller: Caller) -> Caller:
    if not caller.policy_accepted:
        raise ApiError(
            403, "policy_acceptance_required",
            extra={"current_version": caller.policy_version},
        )
    return caller


def require_policy(caller: Annotated[Caller, Depends(authenticate)]) -> Caller:
    """The gate: no claims, codes or account changes until the current policy is accepted."""
    return _gate(caller)


def require_policy_for_password(
    caller: Annotated[Caller, Depends(authenticate_for_password)],
) -> Caller:
    return _gate(caller)


AnyCaller = Annotated[Caller, Depends(authenticate)]
GatedCaller = Annotated[Caller, Depends(require_policy)]
SignOutCaller = Annotated[Caller, Depends(authenticate_for_sign_out)]
#: Callers of routes that check a password: see `sandbox.throttle`.
PasswordCaller = Annotated[Caller, Depends(authenticate_for_password)]
GatedPasswordCaller = Annotated[Caller, Depends(require_policy_for_password)]


def reject_unknown_query(request: Request) -> None:
    """400 for a query parameter the matched route does not declare (typos must not be
    silently ignored: a misspelt filter would widen a claim search)."""
    if not request.query_params:
        return
    route = request.scope.get("route")
    allowed: set[str] = set()
    stack = [getattr(route, "dependant", None)]
    while stack:
        dependant = stack.pop()
        if dependant is not None:
            allowed.update(p.alias for p in dependant.query_params)
            stack.extend(dependant.dependencies)
    unknown = sorted(set(request.query_params.keys()) - allowed)
    if unknown:
        raise ApiError(400, "bad_request", f"Unknown query parameter: {unknown[0][:40]}.")
