"""Token store logic with fake backends: fail closed, time out, never leak the token.

The real Secret Service is exercised in test_tokenstore_secret_service.py.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
import types
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.core
import pytest
from keyring.errors import KeyringLocked, PasswordDeleteError, PasswordSetError

from desktop import tokenstore as ts
from desktop.tokenstore import KeyringTokenStore, MemoryTokenStore, open_token_store

ORIGIN = "https://portal.example.test:8443"
TOKEN = "tok-SENTINEL-7f3c9a2e-fictional"


class FakeBackend:
    """Duck-typed keyring backend (not a KeyringBackend subclass, so keyring's registry
    of backends stays untouched)."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}
        self.calls: list[str] = []
        self.fail_on: set[str] = set()
        self.gate: threading.Event | None = None  # when set, calls wait for it
        self.done = threading.Event()

    def _enter(self, name: str) -> None:
        self.calls.append(name)
        if self.gate is not None:
            self.gate.wait(30)
        if name in self.fail_on:
            raise {"get": KeyringLocked, "set": PasswordSetError,
                   "delete": KeyringLocked}[name](f"{name} failed")

    def get_password(self, service: str, username: str) -> str | None:
        self._enter("get")
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._enter("set")
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._enter("delete")
        try:
            if (service, username) not in self.items:
                raise PasswordDeleteError("not found")
            del self.items[(service, username)]
        finally:
            self.done.set()


WindowsFake = type("WinVaultKeyring", (FakeBackend,), {"__module__": "keyring.backends.Windows"})
SecretServiceFake = type("Keyring", (FakeBackend,), {"__module__": "keyring.backends.SecretService"})


@pytest.fixture
def backend() -> Iterator[FakeBackend]:
    fake = FakeBackend()
    yield fake
    if fake.gate is not None:
        fake.gate.set()  # let a deliberately hung worker finish


# --- origins and the memory store -----------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "origin"),
    [
        ("https://Portal.Example.TEST/api/v1", "https://portal.example.test:443"),
        ("https://127.0.0.1:8443/api/v1", "https://127.0.0.1:8443"),
        ("https://[::1]:9443", "https://[::1]:9443"),
        (" https://portal.example.test:8443 ", ORIGIN),
    ],
)
def test_normalize_origin(url: str, origin: str) -> None:
    assert ts.normalize_origin(url) == origin


def _entry_name_as_first_filed(portal_url: str) -> str:
    """The entry name the first release filed tokens under: app.origin_of, then the store."""
    from urllib.parse import urlsplit

    parts = urlsplit(portal_url)
    parts = urlsplit(f"{parts.scheme}://{parts.netloc}")
    host = parts.hostname or ""
    return f"https://{f'[{host}]' if ':' in host else host}:{parts.port or 443}"


@pytest.mark.parametrize(
    "url",
    ["https://portal.example.test/api/v1", "https://Portal.Example.TEST:443/api/v1/",
     "https://portal.example.test:0443/api", "https://portal.example.test:8443/api/v1",
     "https://127.0.0.1:50123/api/v1", "https://[::1]:9443/api", "https://[::1]/api"],
)
def test_saved_sign_ins_keep_their_entry_name(url: str) -> None:
    """An existing keyring entry must still be found after the origin became one definition."""
    from desktop.app import origin_of

    assert ts.normalize_origin(origin_of(url)) == _entry_name_as_first_filed(url)
    assert ts.normalize_origin(url) == _entry_name_as_first_filed(url)
    store = MemoryTokenStore()
    store.save(_entry_name_as_first_filed(url), TOKEN)
    assert store.load(origin_of(url)) == TOKEN


@pytest.mark.parametrize("url", ["http://portal.example.test", "portal.example.test", "https://"])
def test_tokens_are_never_filed_under_a_plaintext_origin(url: str) -> None:
    with pytest.raises(ValueError):
        ts.normalize_origin(url)
    with pytest.raises(ValueError):
        MemoryTokenStore().save(url, TOKEN)


def test_memory_store() -> None:
    store = MemoryTokenStore()
    assert store.backend_name == "memory only"
    assert store.persistent is False
    assert store.notice == ts.NOTICE_MEMORY
    assert store.save(ORIGIN + "/api/v1", TOKEN) is False  # not in an OS store
    assert store.load(ORIGIN) == TOKEN
    assert store.load("https://other.example.test") is None
    store.delete(ORIGIN)
    assert store.load(ORIGIN) is None
    store.delete("not even a url")  # never raises
    with pytest.raises(ValueError):
        store.save(ORIGIN, "")


# --- keyring store with a working backend ---------------------------------------------------


def test_round_trip_through_the_backend(backend: FakeBackend) -> None:
    store = KeyringTokenStore(timeout_s=5, backend=backend)  # type: ignore[arg-type]
    assert store.persistent and store.notice is None
    assert store.save(ORIGIN + "/api/v1", TOKEN) is True
    assert backend.items == {("claims-desktop", ORIGIN): TOKEN}

    fresh = KeyringTokenStore(timeout_s=5, backend=backend)  # type: ignore[arg-type]
    assert fresh.load(ORIGIN) == TOKEN  # a new run finds it in the OS store
    assert fresh.load("https://other.example.test") is None
    fresh.delete(ORIGIN)
    assert backend.items == {}
    assert fresh.load(ORIGIN) is None
    fresh.delete(ORIGIN)  # deleting nothing is fine
    assert fresh.load("http://portal.example.test:8443") is None
    assert fresh.notice is None and fresh.persistent


def test_display_names() -> None:
    assert KeyringTokenStore(backend=SecretServiceFake()).backend_name == "Secret Service"
    assert KeyringTokenStore(backend=WindowsFake()).backend_name == (
        "Windows Credential Manager"
    )


# --- failures: time out, error, keep in memory, tell the user ----------------------------------


def test_hung_keyring_times_out_and_keeps_order(backend: FakeBackend) -> None:
    store = KeyringTokenStore(timeout_s=0.2, backend=backend)  # type: ignore[arg-type]
    backend.gate = threading.Event()
    started = time.monotonic()
    assert store.save(ORIGIN, TOKEN) is False
    assert time.monotonic() - started < 5
    assert store.persistent is False
    assert store.notice == ts.NOTICE_TIMEOUT
    assert store.load(ORIGIN) == TOKEN  # still usable for this run

    store.delete(ORIGIN)  # sign-out while the save is still stuck
    assert store.load(ORIGIN) is None
    assert store.notice == ts.NOTICE_NOT_REMOVED

    backend.gate.set()  # the keyring wakes up: the save lands first, then the delete
    assert backend.done.wait(10)
    assert backend.calls == ["set", "delete"]
    assert backend.items == {}


def test_backend_errors_become_a_notice(backend: FakeBackend) -> None:
    store = KeyringTokenStore(timeout_s=5, backend=backend)  # type: ignore[arg-type]
    backend.fail_on = {"set"}
    assert store.save(ORIGIN, TOKEN) is False
    assert (store.persistent, store.notice) == (False, ts.NOTICE_ERROR)
    assert store.load(ORIGIN) == TOKEN

    backend.fail_on = set()
    assert store.save(ORIGIN, TOKEN) is True  # recovers once the store works again
    assert (store.persistent, store.notice) == (True, None)


def test_load_error_is_not_fatal(backend: FakeBackend) -> None:
    backend.items[("claims-desktop", ORIGIN)] = TOKEN
    backend.fail_on = {"get"}
    store = KeyringTokenStore(timeout_s=5, backend=backend)  # type: ignore[arg-type]
    assert store.load(ORIGIN) is None
    assert store.notice == ts.NOTICE_ERROR


def test_delete_never_raises(backend: FakeBackend) -> None:
    store = KeyringTokenStore(timeout_s=5, backend=backend)  # type: ignore[arg-type]
    store.save(ORIGIN, TOKEN)
    backend.fail_on = {"delete"}
    store.delete(ORIGIN)
    assert store.load(ORIGIN) is None  # memory copy gone even though the OS entry is not
    assert store.notice == ts.NOTICE_NOT_REMOVED


# --- Windows Credential Manager size limit ----------------------------------------------------


def test_windows_blob_limit() -> None:
    fake = WindowsFake()
    store = KeyringTokenStore(timeout_s=5, backend=fake)
    assert store.save(ORIGIN, "a" * 1280) is True  # 2,560 bytes as UTF-16: fits

    too_big = "a" * 1281
    assert store.save(ORIGIN, too_big) is False
    assert store.notice == ts.NOTICE_TOO_LARGE and store.persistent is False
    assert store.load(ORIGIN) == too_big
    assert fake.items == {}  # the older token is not left behind

    astral = "🐍" * 641  # 4 bytes each in UTF-16: 2,564 bytes although only 641 characters
    assert store.save(ORIGIN, astral) is False


def test_limit_is_windows_only() -> None:
    fake = SecretServiceFake()
    store = KeyringTokenStore(timeout_s=5, backend=fake)
    assert store.save(ORIGIN, "b" * 5000) is True


# --- choosing the backend: fail closed, ignore the environment ---------------------------------


def test_only_os_stores_are_allowed() -> None:
    assert {(m, c) for m, c, _name in ts.ALLOWED_BACKENDS} == {
        ("keyring.backends.Windows", "WinVaultKeyring"),
        ("keyring.backends.macOS", "Keyring"),
        ("keyring.backends.SecretService", "Keyring"),
        ("keyring.backends.kwallet", "DBusKeyring"),
    }


def _fake_module(monkeypatch: pytest.MonkeyPatch, **priorities: object) -> None:
    """Put fake store classes in ALLOWED_BACKENDS; an exception type means "raises"."""
    module = types.ModuleType("fake_os_stores")
    for name, priority in priorities.items():
        if isinstance(priority, type) and issubclass(priority, Exception):
            attrs: dict[str, object] = {"priority": _RaisingPriority(priority)}
        else:
            attrs = {"priority": priority}
        attrs["__module__"] = "fake_os_stores"
        setattr(module, name, type(name, (FakeBackend,), attrs))
    monkeypatch.setitem(sys.modules, "fake_os_stores", module)
    monkeypatch.setattr(
        ts, "ALLOWED_BACKENDS", tuple(("fake_os_stores", n, f"Store {n}") for n in priorities)
    )


class _RaisingPriority:
    """A descriptor that fails on class access, as keyring's priority does off-platform."""

    def __init__(self, exc: type[Exception]) -> None:
        self.exc = exc

    def __get__(self, obj: object, owner: type | None = None) -> float:
        raise self.exc("not available here")


def test_highest_usable_priority_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_module(monkeypatch, Broken=RuntimeError, Weak=1.0, Strong=5.0, Zero=0, Negative=-1)
    backend, name, reason = ts.find_os_backend()
    assert type(backend).__name__ == "Strong" and name == "Store Strong" and reason is None


def test_no_usable_store_means_memory_with_a_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_module(monkeypatch, Broken=RuntimeError, Zero=0, Weird=ImportError)
    backend, name, reason = ts.find_os_backend()
    assert backend is None and name == "memory only"
    assert reason is not None and "Store Broken" in reason

    store = open_token_store(timeout_s=5)
    assert isinstance(store, MemoryTokenStore) and store.notice == reason

    keyring_store = KeyringTokenStore(timeout_s=5)
    assert keyring_store.backend_name == "memory only" and not keyring_store.persistent
    assert keyring_store.save(ORIGIN, TOKEN) is False
    assert keyring_store.load(ORIGIN) == TOKEN


def test_open_token_store_uses_the_found_backend(monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_module(monkeypatch, Good=3.0)
    store = open_token_store(timeout_s=5)
    assert isinstance(store, KeyringTokenStore)
    assert store.backend_name == "Store Good" and store.persistent
    assert store.save(ORIGIN, TOKEN) is True


def test_hung_probe_falls_back_to_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    gate = threading.Event()

    def hang() -> tuple[None, str, None]:
        gate.wait(30)
        return None, "memory only", None

    monkeypatch.setattr(ts, "find_os_backend", hang)
    try:
        store = open_token_store(timeout_s=0.2)
        assert isinstance(store, MemoryTokenStore) and store.notice == ts.NOTICE_TIMEOUT
        slow = KeyringTokenStore(timeout_s=0.2)
        assert slow.backend_name == "memory only" and slow.notice == ts.NOTICE_TIMEOUT
    finally:
        gate.set()


@pytest.mark.parametrize(
    "forced",
    [
        "keyrings.alt.file.PlaintextKeyring",
        "keyrings.alt.file.EncryptedKeyring",
        "keyring.backends.fail.Keyring",
        "keyring.backends.null.Keyring",
        "keyring.backends.chainer.ChainerBackend",
    ],
)
def test_environment_cannot_choose_the_backend(
    forced: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No Secret Service here (no session bus): whatever is forced, memory only, no file."""
    for var in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", forced)
    (tmp_path / "xdg_config_home" / "python_keyring").mkdir(parents=True)
    (tmp_path / "xdg_config_home" / "python_keyring" / "keyringrc.cfg").write_text(
        f"[backend]\ndefault-keyring={forced}\n"
    )

    def forbidden() -> None:
        raise AssertionError("keyring.get_keyring() must not decide the backend")

    monkeypatch.setattr(keyring, "get_keyring", forbidden)
    monkeypatch.setattr(keyring.core, "get_keyring", forbidden)
    monkeypatch.setattr(keyring.core, "init_backend", forbidden)

    store = open_token_store(timeout_s=5)
    assert isinstance(store, MemoryTokenStore)
    assert store.notice and "memory only" in store.notice
    store.save(ORIGIN, TOKEN)
    written = [p for p in tmp_path.rglob("*") if p.is_file() and p.name != "keyringrc.cfg"]
    assert written == []


def test_keyring_property_variables_are_undone(monkeypatch: pytest.MonkeyPatch) -> None:
    from keyring.backends import SecretService

    monkeypatch.setenv("KEYRING_PROPERTY_PREFERRED_COLLECTION", "/org/freedesktop/secrets/x")
    monkeypatch.setenv("KEYRING_PROPERTY_SCHEME", "KeePassXC")
    backend = ts._sanitized(SecretService.Keyring)
    assert not hasattr(backend, "preferred_collection")
    assert backend.scheme == "default"  # type: ignore[attr-defined]
    assert backend._query("claims-desktop", ORIGIN) == {  # type: ignore[attr-defined]
        "username": ORIGIN, "service": "claims-desktop",
    }


# --- never log the token -------------------------------------------------------------------------


def test_token_never_logged(caplog: pytest.LogCaptureFixture, backend: FakeBackend) -> None:
    caplog.set_level(logging.DEBUG)
    store = KeyringTokenStore(timeout_s=0.2, backend=backend)  # type: ignore[arg-type]
    store.save(ORIGIN, TOKEN)
    for failing in ("get", "set", "delete"):
        backend.fail_on = {failing}
        fresh = KeyringTokenStore(timeout_s=0.2, backend=backend)  # type: ignore[arg-type]
        fresh.save(ORIGIN, TOKEN)
        fresh.load(ORIGIN)
        fresh.delete(ORIGIN)
    backend.fail_on = set()
    backend.gate = threading.Event()
    store.save(ORIGIN, TOKEN)  # times out
    win = KeyringTokenStore(backend=WindowsFake())
    win.save(ORIGIN, TOKEN * 100)
    assert caplog.records  # the failures were logged...
    assert TOKEN not in caplog.text  # ...without the token
    assert all(TOKEN not in str(r.args) for r in caplog.records)


def test_lazy_store_opens_on_first_use_only_once():
    from desktop.tokenstore import LazyTokenStore, MemoryTokenStore

    opened: list[float] = []

    def opener(timeout_s: float) -> MemoryTokenStore:
        opened.append(timeout_s)
        return MemoryTokenStore()

    store = LazyTokenStore(2.0, opener)
    assert not store.opened and opened == []
    store.save("https://127.0.0.1:8443", "tok")
    assert store.load("https://127.0.0.1:8443") == "tok"
    store.delete("https://127.0.0.1:8443")
    assert store.load("https://127.0.0.1:8443") is None
    assert opened == [2.0] and store.opened
