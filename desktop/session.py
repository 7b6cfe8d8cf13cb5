"""Sign-in state, the stored token and the policy-acceptance state, as one QObject.

Why a QObject: screens react to "signed in", "signed out", "session expired" and
"the policy changed" through signals, whichever worker thread noticed it. Methods are
blocking and meant to run on the task runner's threads; the object itself lives on
the GUI thread, so Qt queues every signal emitted from a worker to GUI-thread
receivers. Shared state sits behind a lock; signals are emitted outside it so that a
directly connected slot may call back in.

Every portal call of the UI goes through `Session.call`, the one place where an
expired session or a required policy acceptance is noticed.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.portal.errors import (
    PolicyAcceptanceRequired,
    PortalError,
    SessionExpired,
    Unauthenticated,
    ValidationFailed,
)
from desktop.tokenstore import TokenStore

if TYPE_CHECKING:  # the client (and the HTTP stack) loads on first use: DeferredClient
    from desktop.portal.client import PortalClient
    from desktop.portal.models import Acceptance, SignIn, UserInfo

log = logging.getLogger(__name__)

T = TypeVar("T")

#: `signed_out` reasons the session itself gives; the UI passes its own to `sign_out`.
REASON_SIGNED_OUT = "signed_out"
REASON_REVOKED = "revoked"

MEMORY_ONLY_NOTICE = (
    "Your sign-in could not be stored in this computer's credential store, so it is kept "
    "only while the program runs. You will need to sign in again after closing it."
)


class Session(QObject):
    """The signed-in user of one portal origin."""

    #: A `UserInfo`: someone signed in (or a session was resumed).
    signed_in = Signal(object)
    #: The reason ("signed_out", "exit", "deactivated", "revoked" when the portal
    #: no longer knows the token): the session is over.
    signed_out = Signal(str)
    #: The portal ended the session (idle or absolute lifetime); the token is gone.
    session_expired = Signal()
    #: The current policy version, which the user must accept before going on.
    policy_acceptance_required = Signal(str)

    def __init__(self, client: PortalClient, token_store: TokenStore, origin: str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        app = QCoreApplication.instance()
        if parent is None and app is not None and self.thread() is not app.thread():
            # Receivers on the GUI thread must get our signals queued, never directly
            # on a worker: so this object belongs to the GUI thread wherever it was made.
            self.moveToThread(app.thread())
        self._client = client
        self._store = token_store
        self._origin = origin
        self._lock = threading.RLock()
        self._local = threading.local()
        self._generation = 0
        self._user: UserInfo | None = None
        self._accepted: str | None = None
        self._current: str | None = None
        self._notified: str | None = None
        self._persistent = False
        self._notice: str | None = None
        self._last_username: str | None = None
        #: A token found in the store at start, not yet unlocked by its user's password.
        self._stored_token: str | None = None
        client.on_policy_version = self._on_policy_version

    # --- state ---------------------------------------------------------------------

    @property
    def client(self) -> PortalClient:
        return self._client

    @property
    def origin(self) -> str:
        return self._origin

    @property
    def is_signed_in(self) -> bool:
        with self._lock:
            return self._user is not None

    @property
    def user(self) -> UserInfo | None:
        with self._lock:
            return self._user

    @property
    def token_persistent(self) -> bool:
        """Whether the token survives a restart (it is in the OS credential store)."""
        with self._lock:
            return self._persistent

    @property
    def token_notice(self) -> str | None:
        """What to tell the user once about where the token is kept, if anything."""
        with self._lock:
            return self._notice

    @property
    def token_location(self) -> str:
        """Where the token lives, for the status bar: the OS store's name or memory only."""
        with self._lock:
            persistent = self._persistent
        if not persistent:
            return "memory only"
        try:
            return f"{self._store.backend_name} (OS credential store)"
        except Exception:  # noqa: BLE001
            return "OS credential store"

    @property
    def accepted_policy_version(self) -> str | None:
        with self._lock:
            return self._accepted

    @property
    def current_policy_version(self) -> str | None:
        with self._lock:
            return self._current

    @property
    def has_stored_session(self) -> bool:
        """A token left by a crash or kill is waiting for its user's password."""
        with self._lock:
            return self._stored_token is not None

    @property
    def policy_acceptance_pending(self) -> bool:
        with self._lock:
            return self._user is not None and self._current != self._accepted

    # --- signing in and out --------------------------------------------------------

    def sign_in(self, username: str, password: str, otp: str | None = None) -> SignIn:
        """Create a session; on success keep the token and announce the user.

        Raises `MfaRequired` when the user has two-step sign-in on and `otp` is None."""
        with self._lock:
            old_tokens = {t for t in (self._client.token, self._stored_token) if t}
        result = (self._client.create_session(username, password) if otp is None
                  else self._client.create_session(username, password, otp))
        with self._lock:
            self._stored_token = None
        for old in sorted(old_tokens - {result.token}):
            self._revoke_quietly(old)
        self._adopt(result.user, result.policy.current_version,
                    result.policy.accepted_version, result.token)
        return result

    def reauthenticate(self, password: str, otp: str | None = None) -> SignIn:
        """Unlock after the idle lock or an expiry.

        While the portal still honours the token, the password alone re-authenticates it
        (`POST /sessions/current/reauth`: the second factor was given at sign-in, and the
        portal replaces the token). An expired or revoked session needs a fresh sign-in,
        which asks for the code (`MfaRequired`) when the user has two-step sign-in on.
        A wrong password is `Unauthenticated` either way, so the lock screen counts it.
        """
        with self._lock:
            username = self._user.username if self._user else self._last_username
            token = self._client.token
        if not username:
            raise Unauthenticated()
        if token and otp is None:
            try:
                result = self._client.reauthenticate_session(password)
            except ValidationFailed as exc:
                raise Unauthenticated(request_id=exc.request_id, code="unauthenticated",
                                      status=exc.status) from None
            except (SessionExpired, Unauthenticated):
                pass  # the token is dead: sign in afresh below
            else:
                self._adopt(result.user, result.policy.current_version,
                            result.policy.accepted_version, result.token)
                return result
        return self.sign_in(username, password, otp)

    def forget_locally(self) -> None:
        """Drop the token here without asking the portal (quitting, portal unreachable)."""
        with self._lock:
            self._clear_state()
            self._stored_token = None
            self._client.set_token(None)
        self._delete_stored()

    def resume(self) -> UserInfo | None:
        """Find a token left by a crash, a kill or a power cut and say whose it is, without
        opening the session: on a shared front-desk PC the next person at the keyboard
        must not get the last user's claims. The shell shows the lock screen; the session
        opens only through `reauthenticate` (that user's password, checked by the portal
        with a fresh sign-in) and `sign_out` revokes the token instead.

        Returns the token's user, or None when there was no usable token: unreadable
        store, text that cannot be a token (corrupt, or not ours), a token the portal
        refuses, an account no longer active; each such token is deleted (and revoked
        where the portal still honours it). A portal that cannot be reached raises; the
        token stays stored and is revoked by the next sign-in or sign-out.
        """
        try:
            token = self._store.load(self._origin)
        except Exception:  # noqa: BLE001 - a broken keyring means "no token", not a crash
            log.warning("token store could not be read")
            return None
        if not token:
            return None
        with self._lock:
            generation = self._generation
        try:
            # Asked with the token alone: the client's own token (a sign-in that raced
            # this start-up) is never touched, and no other call can run on this one.
            from desktop.portal.client import check_token  # worker thread: loaded by now

            account = self._client.get_account(token=check_token(token)).account
        except ValueError:
            self._delete_stored()  # corrupt, or not a token of ours
            return None
        except (Unauthenticated, SessionExpired):
            self._delete_stored()
            return None
        except PortalError:
            with self._lock:
                if generation == self._generation:
                    self._stored_token = token
            raise
        if account.status != "active":
            self._revoke_quietly(token)
            self._delete_stored()
            return None
        name = f"{account.first_name} {account.last_name}".strip() or account.username
        with self._lock:
            raced = generation != self._generation or self._user is not None
            if not raced:
                self._stored_token = token
                self._last_username = account.username
        if raced:
            # Someone signed in while this ran: theirs is the session now. A token of an
            # older session (not the one just saved) is revoked rather than left behind.
            if token != self._client.token:
                self._revoke_quietly(token)
            return None
        from desktop.portal.models import UserInfo  # with the client, after the first frame

        return UserInfo(username=account.username, display_name=name,
                        mfa_enabled=account.mfa_enabled)

    def sign_out(self, reason: str = REASON_SIGNED_OUT) -> None:
        """End the session: forget the token here first, then revoke it on the portal.

        The local part always happens; the portal part is best effort (a portal that
        cannot be reached must not keep the token on this PC).
        """
        with self._lock:
            tokens = {t for t in (self._client.token, self._stored_token) if t}
            self._clear_state()
            self._last_username = None
            self._stored_token = None
            self._client.set_token(None)
        self._delete_stored()
        for token in sorted(tokens):
            self._revoke_quietly(token)
        self.signed_out.emit(reason)

    def accept_policy(self, version: str) -> Acceptance:
        """Record the user's acceptance of `version` (which must be the current one)."""
        acceptance = self.call(self._client.accept_policy, version)
        with self._lock:
            self._accepted = acceptance.version
            if self._current is None:
                self._current = acceptance.version
            self._notified = None
        return acceptance

    # --- every portal call of the UI ------------------------------------------------

    def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a portal call, noticing an expired session or a required acceptance.

        The error is re-raised after the session has reacted to it, so the caller's
        error handling (showing the message) stays where it is.
        """
        with self._lock:
            generation = self._generation
        self._local.emitted = None
        try:
            return fn(*args, **kwargs)
        except SessionExpired:
            self._expire(generation)
            raise
        except Unauthenticated:
            # On an authenticated call this means the token was revoked elsewhere
            # (password changed, account deactivated, signed out on the portal); wrong
            # passwords in account calls are 422s, so this is never a typo.
            self._end(generation, REASON_REVOKED)
            raise
        except PolicyAcceptanceRequired as exc:
            version = exc.current_version or self._client.last_policy_version
            if version is not None:
                self._acceptance_required(version, force=True)
            raise

    # --- internals -----------------------------------------------------------------

    def _adopt(self, user: UserInfo, current: str, accepted: str | None, token: str,
               *, save: bool = True) -> None:
        saved = False
        if save:
            try:
                saved = bool(self._store.save(self._origin, token))
            except Exception:  # noqa: BLE001 - the token then lives in memory only
                log.warning("token store could not save the token")
        else:
            saved = True
        persistent = saved and self._store_persistent()
        notice = self._store_notice() or (None if persistent else MEMORY_ONLY_NOTICE)
        with self._lock:
            self._generation += 1
            self._user = user
            self._last_username = user.username
            self._current = current
            self._accepted = accepted
            self._notified = None
            self._persistent = persistent
            self._notice = notice
            required = current != accepted
            if required:
                self._notified = current
        self.signed_in.emit(user)
        if required:
            self.policy_acceptance_required.emit(current)

    def _clear_state(self) -> None:
        with self._lock:
            self._generation += 1
            self._user = None
            self._accepted = None
            self._current = None
            self._notified = None

    def _drop(self, generation: int) -> bool:
        """Forget the session locally unless `generation` is stale; True if dropped."""
        with self._lock:
            if generation != self._generation or self._user is None:
                return False  # a late answer from before the latest sign-in/out
            self._clear_state()
            self._client.set_token(None)
        self._delete_stored()
        return True

    def _expire(self, generation: int) -> None:
        if self._drop(generation):
            self.session_expired.emit()

    def _end(self, generation: int, reason: str) -> None:
        if self._drop(generation):
            self.signed_out.emit(reason)

    def _on_policy_version(self, version: str) -> None:
        """The client saw `X-Policy-Version` on an answer (any thread)."""
        self._acceptance_required(version, force=False)

    def _acceptance_required(self, version: str, *, force: bool) -> None:
        with self._lock:
            if self._user is None:
                return
            self._current = version
            if version == self._accepted:
                if not force:
                    return
                self._accepted = None  # the portal knows better than our record
            if not force and version == self._notified:
                return
            if force and getattr(self._local, "emitted", None) == version:
                return  # the header of this very answer already announced it
            self._notified = version
        self._local.emitted = version
        self.policy_acceptance_required.emit(version)

    def _revoke_quietly(self, token: str) -> None:
        try:
            self._client.delete_current_session(token=token)
        except PortalError as exc:
            log.info("could not revoke the session on the portal (%s, request %s)",
                     type(exc).__name__, exc.request_id)

    def _delete_stored(self) -> None:
        try:
            self._store.delete(self._origin)
        except Exception:  # noqa: BLE001 - logged; nothing more can be done locally
            log.warning("token store could not delete the token")

    def _store_persistent(self) -> bool:
        try:
            return bool(self._store.persistent)
        except Exception:  # noqa: BLE001
            return False

    def _store_notice(self) -> str | None:
        try:
            notice = self._store.notice
        except Exception:  # noqa: BLE001
            return None
        return notice if isinstance(notice, str) and notice else None
