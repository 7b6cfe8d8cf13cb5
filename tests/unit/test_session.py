"""Session state and signals, with a fake portal client and a fake token store."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QObject, QThread, Slot
from pytestqt.qtbot import QtBot

from desktop.portal import (
    Acceptance,
    Account,
    ConnectionFailed,
    ContactPreferences,
    NotFound,
    PolicyAcceptanceRequired,
    PolicyState,
    SessionExpired,
    SessionInfo,
    SignIn,
    Unauthenticated,
    UserInfo,
    ValidationFailed,
    VersionedAccount,
)
from desktop.session import MEMORY_ONLY_NOTICE, Session

ORIGIN = "https://portal.example.test"
NOW = datetime(2026, 11, 27, 22, 0, tzinfo=UTC)
USER = UserInfo("test.clerk01", "Testy McTestface")


class FakeStore:
    def __init__(self, *, persistent: bool = True, notice: str | None = None,
                 fail: bool = False) -> None:
        self.tokens: dict[str, str] = {}
        self._persistent = persistent
        self._notice = notice
        self.fail = fail
        self.events: list[str] = []

    @property
    def backend_name(self) -> str:
        return "fake"

    @property
    def persistent(self) -> bool:
        return self._persistent

    @property
    def notice(self) -> str | None:
        return self._notice

    def load(self, origin: str) -> str | None:
        if self.fail:
            raise RuntimeError("keyring locked")
        return self.tokens.get(origin)

    def save(self, origin: str, token: str) -> bool:
        self.events.append("save")
        if self.fail:
            raise RuntimeError("keyring locked")
        if not self._persistent:
            return False
        self.tokens[origin] = token
        return True

    def delete(self, origin: str) -> None:
        self.events.append("delete")
        if self.fail:
            raise RuntimeError("keyring locked")
        self.tokens.pop(origin, None)


class FakeClient:
    """The slice of PortalClient the session uses, scripted per test."""

    def __init__(self, events: list[str]) -> None:
        self.token: str | None = None
        self.on_policy_version: Callable[[str], None] | None = None
        self.last_policy_version: str | None = None
        self.events = events
        self.accepted = "2025-01-15"
        self.current = "2026-11-01"
        self.revoked: list[str] = []
        self.revoke_error: Exception | None = None
        self.session_error: Exception | None = None
        self.next_token = 0
        self.acceptances: list[Acceptance] = []
        self.account_status = "active"
        self.seen_tokens: list[str | None] = []

    def set_token(self, token: str | None) -> None:
        self.token = token

    def _answer(self, version: str | None = None) -> None:
        version = version or self.current
        self.last_policy_version = version
        if self.on_policy_version is not None:
            self.on_policy_version(version)

    def create_session(self, username: str, password: str) -> SignIn:
        if password != "correct passphrase":
            raise Unauthenticated()
        self.next_token += 1
        self.token = f"tok-{self.next_token}"
        return SignIn(self.token, NOW, 1800, UserInfo(username, "Testy McTestface"),
                      PolicyState(self.current, self.accepted))

    def delete_current_session(self, *, token: str | None = None) -> None:
        self.events.append("revoke")
        if self.revoke_error is not None:
            raise self.revoke_error
        self.revoked.append(token or self.token or "")

    def get_current_session(self) -> SessionInfo:
        if self.session_error is not None:
            raise self.session_error
        self._answer()
        if self.accepted != self.current:
            raise PolicyAcceptanceRequired(current_version=self.current)
        return SessionInfo(NOW, 1800)

    def get_account(self, *, token: str | None = None) -> VersionedAccount:
        if self.session_error is not None:
            raise self.session_error
        self.seen_tokens.append(token or self.token)
        self._answer()
        return VersionedAccount(Account(
            "test.clerk01", "Testy", "McTestface", "t@example.test", "555", "Clinic", "6789",
            "1234567893", self.account_status, NOW, ContactPreferences(True, False, "email")),
            '"e1"')

    def list_acceptances(self) -> list[Acceptance]:
        return [Acceptance(self.accepted, NOW, "r1")]

    def get_policy(self) -> Any:
        raise AssertionError("not needed: the header tells the current version")

    def accept_policy(self, version: str) -> Acceptance:
        if version != self.current:
            raise AssertionError("test bug")
        self.accepted = version
        self._answer()
        return Acceptance(version, NOW, "r2")


def record(session: Session) -> list[tuple[str, object]]:
    """Every signal of the session, in order, with its argument."""
    events: list[tuple[str, object]] = []
    session.signed_in.connect(lambda user: events.append(("signed_in", user)))
    session.signed_out.connect(lambda reason: events.append(("signed_out", reason)))
    session.session_expired.connect(lambda: events.append(("session_expired", None)))
    session.policy_acceptance_required.connect(
        lambda v: events.append(("policy_acceptance_required", v)))
    return events


@pytest.fixture
def store() -> FakeStore:
    return FakeStore()


@pytest.fixture
def client(store: FakeStore) -> FakeClient:
    return FakeClient(store.events)


@pytest.fixture
def session(client: FakeClient, store: FakeStore, qtbot: QtBot) -> Session:
    return Session(client, store, ORIGIN)  # type: ignore[arg-type]


def test_sign_in_emits_and_stores(session: Session, client: FakeClient, store: FakeStore,
                                  qtbot: QtBot) -> None:
    events = record(session)
    with qtbot.waitSignals([session.signed_in, session.policy_acceptance_required]):
        result = session.sign_in("test.clerk01", "correct passphrase")
    assert events == [("signed_in", USER), ("policy_acceptance_required", "2026-11-01")]
    assert store.tokens[ORIGIN] == result.token == client.token
    assert session.is_signed_in and session.user == USER
    assert session.token_persistent and session.token_notice is None
    assert session.policy_acceptance_pending
    assert session.accepted_policy_version == "2025-01-15"
    assert session.current_policy_version == "2026-11-01"


def test_sign_in_with_current_policy_accepted(session: Session, client: FakeClient,
                                              qtbot: QtBot) -> None:
    client.accepted = client.current
    with qtbot.assertNotEmitted(session.policy_acceptance_required), \
            qtbot.waitSignal(session.signed_in):
        session.sign_in("test.clerk01", "correct passphrase")
    assert not session.policy_acceptance_pending


def test_wrong_password_changes_nothing(session: Session, store: FakeStore,
                                        qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(session.signed_in), pytest.raises(Unauthenticated):
        session.sign_in("test.clerk01", "wrong")
    assert not session.is_signed_in and store.tokens == {} and store.events == []


@pytest.mark.parametrize("kind", ["memory", "broken"])
def test_token_kept_in_memory_when_store_cannot(client: FakeClient, qtbot: QtBot,
                                                kind: str) -> None:
    store = (FakeStore(persistent=False, notice="Kept in memory only (fake).")
             if kind == "memory" else FakeStore(fail=True))
    session = Session(client, store, ORIGIN)  # type: ignore[arg-type]
    session.sign_in("test.clerk01", "correct passphrase")
    assert session.is_signed_in and client.token
    assert not session.token_persistent
    expected = "Kept in memory only (fake)." if kind == "memory" else MEMORY_ONLY_NOTICE
    assert session.token_notice == expected


def test_sign_out_deletes_locally_then_revokes(session: Session, client: FakeClient,
                                               store: FakeStore, qtbot: QtBot) -> None:
    session.sign_in("test.clerk01", "correct passphrase")
    with qtbot.waitSignal(session.signed_out) as blocker:
        session.sign_out("signed_out")
    assert blocker.args == ["signed_out"]
    assert store.events[-2:] == ["delete", "revoke"]
    assert client.revoked == ["tok-1"]
    assert store.tokens == {} and client.token is None and not session.is_signed_in


def test_sign_out_when_portal_unreachable(session: Session, client: FakeClient,
                                          store: FakeStore, qtbot: QtBot) -> None:
    session.sign_in("test.clerk01", "correct passphrase")
    client.revoke_error = ConnectionFailed()
    with qtbot.waitSignal(session.signed_out):
        session.sign_out("exit")
    assert store.tokens == {} and client.token is None


def test_sign_out_when_keyring_broken(session: Session, client: FakeClient,
                                      store: FakeStore, qtbot: QtBot) -> None:
    session.sign_in("test.clerk01", "correct passphrase")
    store.fail = True
    with qtbot.waitSignal(session.signed_out):
        session.sign_out("exit")
    assert client.revoked == ["tok-1"] and client.token is None


def test_second_sign_in_revokes_the_first_token(session: Session, client: FakeClient) -> None:
    session.sign_in("test.clerk01", "correct passphrase")
    session.sign_in("test.clerk01", "correct passphrase")
    assert client.revoked == ["tok-1"] and client.token == "tok-2"


# --- resume ------------------------------------------------------------------------


def test_resume_without_token(session: Session, qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(session.signed_in):
        assert session.resume() is None


def test_resume_names_the_user_but_opens_nothing(session: Session, client: FakeClient,
                                                store: FakeStore, qtbot: QtBot) -> None:
    """A token left by a crash says whose it is; the session stays closed (issue 14)."""
    store.tokens[ORIGIN] = "tok-left-by-crash"
    with qtbot.assertNotEmitted(session.signed_in), \
            qtbot.assertNotEmitted(session.policy_acceptance_required):
        user = session.resume()
    assert user == USER and client.seen_tokens == ["tok-left-by-crash"]
    assert not session.is_signed_in and session.has_stored_session
    assert client.token is None  # no portal call can run on it before the password
    assert store.tokens[ORIGIN] == "tok-left-by-crash"


def test_resumed_token_opens_only_with_the_password_and_is_revoked(
        session: Session, client: FakeClient, store: FakeStore, qtbot: QtBot) -> None:
    store.tokens[ORIGIN] = "tok-left-by-crash"
    session.resume()
    with pytest.raises(Unauthenticated), qtbot.assertNotEmitted(session.signed_in):
        session.reauthenticate("wrong passphrase")
    assert session.has_stored_session and client.revoked == []
    with qtbot.waitSignal(session.signed_in):
        session.reauthenticate("correct passphrase")
    assert client.revoked == ["tok-left-by-crash"] and client.token == "tok-1"
    assert store.tokens[ORIGIN] == "tok-1" and not session.has_stored_session


def test_sign_in_as_someone_else_revokes_the_resumed_token(
        session: Session, client: FakeClient, store: FakeStore, qtbot: QtBot) -> None:
    store.tokens[ORIGIN] = "tok-left-by-crash"
    session.resume()
    session.sign_out("You are signed out.")
    assert client.revoked == ["tok-left-by-crash"] and store.tokens == {}
    assert not session.has_stored_session


@pytest.mark.parametrize("status", ["deactivated", "pending"])
def test_resume_of_an_inactive_account_revokes_and_deletes(
        session: Session, client: FakeClient, store: FakeStore, status: str) -> None:
    store.tokens[ORIGIN] = "tok-of-a-former-clerk"
    client.account_status = status
    assert session.resume() is None
    assert client.revoked == ["tok-of-a-former-clerk"] and store.tokens == {}


@pytest.mark.parametrize("junk", ["not a token\n", "x" * 600, "tök-ünïcode"])
def test_resume_of_a_corrupt_or_foreign_entry_deletes_it(
        session: Session, client: FakeClient, store: FakeStore, junk: str) -> None:
    store.tokens[ORIGIN] = junk
    assert session.resume() is None
    assert store.tokens == {} and client.seen_tokens == []


def test_a_sign_in_racing_the_resume_keeps_its_session(session: Session, client: FakeClient,
                                                       store: FakeStore) -> None:
    """Start-up's resume still asking the portal while the clerk signs in: the new
    session stays, the crashed one is revoked, nothing waits behind a lock."""
    store.tokens[ORIGIN] = "tok-left-by-crash"
    original = client.get_account

    def slow_answer(*, token: str | None = None) -> VersionedAccount:
        session.sign_in("test.clerk01", "correct passphrase")  # meanwhile, on the GUI
        return original(token=token)

    client.get_account = slow_answer  # type: ignore[method-assign]
    assert session.resume() is None
    assert session.is_signed_in and client.token == "tok-1"
    assert not session.has_stored_session and client.revoked == ["tok-left-by-crash"]
    assert store.tokens[ORIGIN] == "tok-1"


@pytest.mark.parametrize("error", [Unauthenticated(), SessionExpired()])
def test_resume_refused_token_deleted(session: Session, client: FakeClient, store: FakeStore,
                                      qtbot: QtBot, error: Exception) -> None:
    store.tokens[ORIGIN] = "tok-revoked"
    client.session_error = error
    with qtbot.assertNotEmitted(session.signed_in):
        assert session.resume() is None
    assert store.tokens == {} and client.token is None


def test_resume_offline_keeps_token(session: Session, client: FakeClient, store: FakeStore,
                                    qtbot: QtBot) -> None:
    store.tokens[ORIGIN] = "tok-left-by-crash"
    client.session_error = ConnectionFailed()
    with pytest.raises(ConnectionFailed):
        session.resume()
    assert store.tokens[ORIGIN] == "tok-left-by-crash"
    assert not session.is_signed_in and client.token is None
    # Whoever signs in next (the portal back), the old token is revoked, not left behind.
    client.session_error = None
    session.sign_in("other.clerk", "correct passphrase")
    assert client.revoked == ["tok-left-by-crash"]


def test_resume_with_broken_keyring(client: FakeClient, qtbot: QtBot) -> None:
    session = Session(client, FakeStore(fail=True), ORIGIN)  # type: ignore[arg-type]
    assert session.resume() is None


# --- call(): expiry and policy detection ----------------------------------------------


def _raise(exc: Exception) -> Callable[[], None]:
    def fn() -> None:
        raise exc
    return fn


def test_session_expired(session: Session, client: FakeClient, store: FakeStore,
                         qtbot: QtBot) -> None:
    session.sign_in("test.clerk01", "correct passphrase")
    with qtbot.waitSignal(session.session_expired), pytest.raises(SessionExpired):
        session.call(_raise(SessionExpired()))
    assert store.tokens == {} and client.token is None and not session.is_signed_in


def test_revoked_token_signs_out(session: Session, client: FakeClient, store: FakeStore,
                                 qtbot: QtBot) -> None:
    session.sign_in("test.clerk01", "correct passphrase")
    with qtbot.waitSignal(session.signed_out) as blocker, pytest.raises(Unauthenticated):
        session.call(_raise(Unauthenticated()))
    assert blocker.args == ["revoked"]
    assert store.tokens == {} and client.token is None and not session.is_signed_in


def test_stale_expiry_does_not_end_a_newer_session(session: Session, client: FakeClient,
                                                   qtbot: QtBot) -> None:
    session.sign_in("test.clerk01", "correct passphrase")

    def slow_call_across_re_sign_in() -> None:
        session.sign_in("test.clerk01", "correct passphrase")  # e.g. after the idle lock
        raise SessionExpired()  # the answer about the old token arrives late

    with qtbot.assertNotEmitted(session.session_expired), pytest.raises(SessionExpired):
        session.call(slow_call_across_re_sign_in)
    assert session.is_signed_in and client.token == "tok-2"


def test_other_errors_pass_through(session: Session, qtbot: QtBot) -> None:
    session.sign_in("test.clerk01", "correct passphrase")
    with qtbot.assertNotEmitted(session.session_expired), pytest.raises(NotFound):
        session.call(_raise(NotFound()))
    assert session.is_signed_in
    assert session.call(lambda a, b=0: a + b, 2, b=3) == 5


def test_policy_acceptance_required_error(session: Session, client: FakeClient,
                                          qtbot: QtBot) -> None:
    client.accepted = client.current
    session.sign_in("test.clerk01", "correct passphrase")
    with qtbot.waitSignal(session.policy_acceptance_required) as blocker, \
            pytest.raises(PolicyAcceptanceRequired):
        session.call(_raise(PolicyAcceptanceRequired(current_version="2026-12-01")))
    assert blocker.args == ["2026-12-01"]
    # Asked again (e.g. after the dialog was declined): announced again.
    with qtbot.waitSignal(session.policy_acceptance_required), \
            pytest.raises(PolicyAcceptanceRequired):
        session.call(_raise(PolicyAcceptanceRequired(current_version="2026-12-01")))


def test_header_and_error_of_one_answer_announce_once(session: Session, client: FakeClient,
                                                      qtbot: QtBot) -> None:
    client.accepted = client.current
    session.sign_in("test.clerk01", "correct passphrase")
    seen: list[str] = []
    session.policy_acceptance_required.connect(seen.append)

    def answer_with_header_then_error() -> None:
        client._answer("2026-12-01")
        raise PolicyAcceptanceRequired(current_version="2026-12-01")

    with pytest.raises(PolicyAcceptanceRequired):
        session.call(answer_with_header_then_error)
    qtbot.waitUntil(lambda: seen == ["2026-12-01"])


def test_policy_version_header_change(session: Session, client: FakeClient,
                                      qtbot: QtBot) -> None:
    client.accepted = client.current
    session.sign_in("test.clerk01", "correct passphrase")
    seen: list[str] = []
    session.policy_acceptance_required.connect(seen.append)
    client._answer("2026-11-01")  # unchanged: nothing
    with qtbot.waitSignal(session.policy_acceptance_required) as blocker:
        client._answer("2026-12-01")
    assert blocker.args == ["2026-12-01"]
    client._answer("2026-12-01")  # already announced: not again
    client.current = "2026-12-01"
    session.accept_policy("2026-12-01")
    assert not session.policy_acceptance_pending
    client._answer("2026-12-01")
    assert seen == ["2026-12-01"]


def test_header_ignored_when_signed_out(session: Session, client: FakeClient,
                                        qtbot: QtBot) -> None:
    with qtbot.assertNotEmitted(session.policy_acceptance_required):
        client._answer("2030-01-01")


# --- threads -----------------------------------------------------------------------


class Receiver(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.threads: list[bool] = []

    @Slot()
    def expired(self) -> None:
        app = QCoreApplication.instance()
        assert app is not None
        self.threads.append(QThread.currentThread() is app.thread())


def test_signals_from_worker_reach_gui_thread(session: Session, qtbot: QtBot) -> None:
    session.sign_in("test.clerk01", "correct passphrase")
    receiver = Receiver()
    session.session_expired.connect(receiver.expired)
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            session.call(_raise(SessionExpired()))
        except SessionExpired:
            pass
        except BaseException as exc:  # noqa: BLE001 - reported by the assert below
            errors.append(exc)

    thread = threading.Thread(target=worker)
    with qtbot.waitSignal(session.session_expired):
        thread.start()
    thread.join(5)
    qtbot.waitUntil(lambda: receiver.threads == [True])
    assert errors == []


def test_session_made_on_a_worker_lives_on_gui_thread(client: FakeClient, store: FakeStore,
                                                      qtbot: QtBot) -> None:
    made: list[Session] = []
    thread = threading.Thread(target=lambda: made.append(
        Session(client, store, ORIGIN)))  # type: ignore[arg-type]
    thread.start()
    thread.join(5)
    app = QCoreApplication.instance()
    assert app is not None and made[0].thread() is app.thread()


def test_with_the_real_memory_token_store(client: FakeClient, qtbot: QtBot) -> None:
    from desktop.tokenstore import MemoryTokenStore

    store = MemoryTokenStore()
    session = Session(client, store, ORIGIN)  # type: ignore[arg-type]
    session.sign_in("test.clerk01", "correct passphrase")
    assert store.load(ORIGIN) == client.token == "tok-1"
    assert not session.token_persistent
    assert session.token_notice == store.notice and session.token_notice
    with qtbot.waitSignal(session.signed_out):
        session.sign_out()
    assert store.load(ORIGIN) is None


# --- unlocking (issue 13): the password alone re-authenticates a live session ----------------


class ReauthClient(FakeClient):
    def __init__(self, events: list[str]) -> None:
        super().__init__(events)
        self.reauth_error: Exception | None = None
        self.reauths = 0

    def reauthenticate_session(self, password: str) -> SignIn:
        self.reauths += 1
        if self.reauth_error is not None:
            raise self.reauth_error
        if password != "correct passphrase":
            raise ValidationFailed(fields={"password": "The password is incorrect."})
        self.next_token += 1
        self.token = f"tok-{self.next_token}"
        return SignIn(self.token, NOW, 1800, UserInfo("test.clerk01", "Testy", True),
                      PolicyState(self.current, self.accepted))


def test_unlock_reauthenticates_the_live_session_without_a_code(store: FakeStore,
                                                                qtbot: QtBot) -> None:
    client = ReauthClient(store.events)
    session = Session(client, store, ORIGIN)  # type: ignore[arg-type]
    session.sign_in("test.clerk01", "correct passphrase")
    with pytest.raises(Unauthenticated):
        session.reauthenticate("wrong")  # a 422 from the portal: counted by the lock screen
    assert session.is_signed_in and client.token == "tok-1"
    result = session.reauthenticate("correct passphrase")
    assert client.reauths == 2 and result.token == "tok-2" == store.tokens[ORIGIN]
    client.reauth_error = SessionExpired()  # the token died meanwhile: a fresh sign-in
    assert session.reauthenticate("correct passphrase").token == "tok-3"
    assert client.reauths == 3
