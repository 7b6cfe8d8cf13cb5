"""The token store against a real Secret Service (gnome-keyring), not a fake.

Run with ``.ci/with-keyring.sh .venv/bin/pytest tests/unit/test_tokenstore_secret_service.py``.
That sets CLAIMS_REQUIRE_KEYRING=1, and then a missing keyring is a failure.
Without the variable (a developer with no gnome-keyring) those tests skip.
"""

from __future__ import annotations

import concurrent.futures
import os
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import secretstorage
from jeepney.bus_messages import message_bus

from desktop import tokenstore as ts
from desktop.tokenstore import KeyringTokenStore, MemoryTokenStore, open_token_store

pytestmark = pytest.mark.keyring

REQUIRED = os.environ.get("CLAIMS_REQUIRE_KEYRING") == "1"
SERVICE_NAME = "org.freedesktop.secrets"
SESSION_COLLECTION = "/org/freedesktop/secrets/collection/session"
FORCED_BACKENDS = [
    "keyrings.alt.file.PlaintextKeyring",
    "keyring.backends.fail.Keyring",
    "keyring.backends.null.Keyring",
]


def _unreachable_reason() -> str | None:
    """None when a Secret Service answers on the session bus, else why not."""
    future: concurrent.futures.Future[str | None] = concurrent.futures.Future()

    def probe() -> None:
        try:
            connection = secretstorage.dbus_init()
            try:
                # Running, not merely activatable: an activated gnome-keyring has no
                # unlocked collection and would only show (or fail) an unlock prompt.
                reply = connection.send_and_get_reply(message_bus.NameHasOwner(SERVICE_NAME))
                running = bool(reply.body[0])
                future.set_result(None if running else f"{SERVICE_NAME} is not running")
            finally:
                connection.close()
        except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
            future.set_result(f"{type(exc).__name__}: {exc}")

    threading.Thread(target=probe, daemon=True).start()
    try:
        return future.result(timeout=10)
    except TimeoutError:
        return "the session bus did not answer within 10 s"


@pytest.fixture
def secret_service() -> None:
    reason = _unreachable_reason()
    if reason is None:
        return
    message = f"no Secret Service keyring reachable ({reason})"
    if REQUIRED:
        pytest.fail(f"CLAIMS_REQUIRE_KEYRING=1 but {message}; run under .ci/with-keyring.sh")
    pytest.skip(f"{message}; set CLAIMS_REQUIRE_KEYRING=1 to make this a failure")


@pytest.fixture
def origin(secret_service: None) -> Iterator[str]:
    """A fresh fictional origin per test; its keyring entry is removed afterwards."""
    value = f"https://claims-test-{uuid.uuid4().hex[:12]}.example.test:8443"
    yield value
    for item in _items(value):
        item.delete()


def _items(origin: str, collection_path: str | None = None) -> list[secretstorage.Item]:
    connection = secretstorage.dbus_init()
    if collection_path is None:
        collection = secretstorage.get_default_collection(connection)
    else:
        collection = secretstorage.Collection(connection, collection_path)
    return list(collection.search_items({"service": "claims-desktop", "username": origin}))


def _isolate_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, forced: str) -> None:
    """Point every place keyring or keyrings.alt could write at tmp_path, then force a backend."""
    for var in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(var, str(tmp_path / var.lower()))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", forced)
    rc_dir = tmp_path / "xdg_config_home" / "python_keyring"
    rc_dir.mkdir(parents=True)
    (rc_dir / "keyringrc.cfg").write_text(f"[backend]\ndefault-keyring={forced}\n")


def _files_written(tmp_path: Path) -> list[Path]:
    return [p for p in tmp_path.rglob("*") if p.is_file() and p.name != "keyringrc.cfg"]


def test_round_trip_in_the_real_keyring(origin: str) -> None:
    token = f"tok-{uuid.uuid4().hex}-fictional"
    store = open_token_store(timeout_s=10)
    assert isinstance(store, KeyringTokenStore)
    assert store.backend_name == "Secret Service"
    assert store.persistent and store.notice is None

    assert store.save(origin + "/api/v1", token) is True
    items = _items(origin)
    assert len(items) == 1
    assert items[0].get_secret() == token.encode()
    assert items[0].get_attributes()["service"] == "claims-desktop"
    assert items[0].get_attributes()["username"] == origin

    assert KeyringTokenStore(timeout_s=10).load(origin) == token  # what the next run sees

    newer = token + "-renewed"
    assert store.save(origin, newer) is True
    assert [item.get_secret() for item in _items(origin)] == [newer.encode()]

    store.delete(origin)
    assert _items(origin) == []
    assert store.load(origin) is None
    assert KeyringTokenStore(timeout_s=10).load(origin) is None
    assert store.notice is None


@pytest.mark.parametrize("forced", FORCED_BACKENDS)
def test_forced_backend_is_ignored_and_no_file_is_written(
    forced: str, origin: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _isolate_home(tmp_path, monkeypatch, forced)
    token = f"tok-{uuid.uuid4().hex}-fictional"
    store = open_token_store(timeout_s=10)
    assert store.backend_name == "Secret Service"
    assert store.save(origin, token) is True
    assert [item.get_secret() for item in _items(origin)] == [token.encode()]
    assert _files_written(tmp_path) == []
    store.delete(origin)


def test_the_leak_check_would_catch_a_plaintext_write(
    secret_service: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Control: plain `keyring` with the same environment does write a file we would find."""
    _isolate_home(tmp_path, monkeypatch, "keyrings.alt.file.PlaintextKeyring")
    code = "import keyring; keyring.set_password('claims-desktop', 'https://x.test:443', 'tok')"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60, env=dict(os.environ))
    assert _files_written(tmp_path) != []


def test_keyring_property_cannot_redirect_the_collection(
    origin: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KEYRING_PROPERTY_PREFERRED_COLLECTION", SESSION_COLLECTION)
    store = open_token_store(timeout_s=10)
    assert store.save(origin, "tok-collection-check") is True
    assert len(_items(origin)) == 1  # in the default (login) collection
    assert _items(origin, SESSION_COLLECTION) == []
    store.delete(origin)


@pytest.mark.parametrize("forced", FORCED_BACKENDS)
def test_no_secret_service_means_memory_only_and_no_file(
    forced: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Runs with or without a keyring: the session bus is taken away."""
    _isolate_home(tmp_path, monkeypatch, forced)
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    store = open_token_store(timeout_s=10)
    assert isinstance(store, MemoryTokenStore)
    assert store.persistent is False
    assert store.notice is not None and "memory only" in store.notice
    assert store.save("https://portal.example.test:8443", "tok-memory-only") is False
    assert store.load("https://portal.example.test:8443") == "tok-memory-only"
    assert _files_written(tmp_path) == []
    assert ts.find_os_backend()[0] is None
