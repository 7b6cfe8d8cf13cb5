"""Where the session token lives between runs: the OS credential store or nowhere.

The store fails closed (DESIGN.md, "Data at rest"): only the four real OS
stores are accepted -- Windows Credential Manager, the macOS Keychain, Secret
Service and KWallet. The backend is picked here from that fixed list;
``keyring.get_keyring()`` is never called, so neither ``PYTHON_KEYRING_BACKEND``
nor a keyringrc can swap in ``keyrings.alt``'s plaintext files, the ``fail``
or ``null`` backends or an empty chainer. ``KEYRING_PROPERTY_*`` variables are
undone too, so the environment cannot redirect writes to another collection.
Without an OS store the token lives in memory only and `notice` says why.

Every keyring call runs on one worker thread and the caller waits at most
`timeout_s`: a locked keyring can block forever behind an unlock prompt. The
worker runs calls in order, so a sign-out's delete queued behind a hung save
still lands after it. Tokens are never logged; errors are logged by type only.
"""

from __future__ import annotations

import importlib
import logging
import os
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar

from desktop.portal.urls import DEFAULT_PORT, parse_portal_url

if TYPE_CHECKING:  # keyring itself loads with the first store probe, on a worker thread
    import concurrent.futures

    from keyring.backend import KeyringBackend

__all__ = [
    "SERVICE",
    "WINDOWS_BLOB_LIMIT_BYTES",
    "KeyringTokenStore",
    "MemoryTokenStore",
    "TokenStore",
    "find_os_backend",
    "normalize_origin",
    "open_token_store",
]

log = logging.getLogger(__name__)

SERVICE = "claims-desktop"
# CRED_MAX_CREDENTIAL_BLOB_SIZE; keyring writes the blob as UTF-16-LE.
WINDOWS_BLOB_LIMIT_BYTES = 2560
MEMORY_ONLY = "memory only"

# (module, class, name shown to the user): the complete list of acceptable stores.
ALLOWED_BACKENDS: tuple[tuple[str, str, str], ...] = (
    ("keyring.backends.Windows", "WinVaultKeyring", "Windows Credential Manager"),
    ("keyring.backends.macOS", "Keyring", "macOS Keychain"),
    ("keyring.backends.SecretService", "Keyring", "Secret Service"),
    ("keyring.backends.kwallet", "DBusKeyring", "KWallet"),
)

NOTICE_NO_STORE = (
    "Your sign-in is kept in memory only because no secure credential store "
    "(such as {stores}) is available on this computer; you will need to sign in "
    "again each time you start Claims Desktop."
)
NOTICE_TIMEOUT = (
    "The system credential store did not answer in time (it may be locked), so your "
    "sign-in is kept in memory only for now."
)
NOTICE_ERROR = (
    "The system credential store reported an error, so your sign-in is kept in memory "
    "only for now."
)
NOTICE_TOO_LARGE = (
    "Your sign-in is too large for Windows Credential Manager, so it is kept in memory "
    "only; you will need to sign in again next time."
)
NOTICE_NOT_REMOVED = (
    "Your saved sign-in could not be removed from the system credential store; it has "
    "been ended on the portal, so it can no longer be used."
)
NOTICE_MEMORY = "Your sign-in is kept in memory only and is forgotten when you quit."

T = TypeVar("T")


class TokenStore(Protocol):
    """What the session needs: keep a token per portal origin, say where it went."""

    @property
    def backend_name(self) -> str: ...

    @property
    def persistent(self) -> bool: ...

    @property
    def notice(self) -> str | None: ...

    def load(self, origin: str) -> str | None: ...

    def save(self, origin: str, token: str) -> bool: ...

    def delete(self, origin: str) -> None: ...


def normalize_origin(url: str) -> str:
    """The credential-store entry name of a portal: its origin with the port always written.

    The origin is `desktop.portal.urls`'s (one definition for the whole client);
    the entry name adds ``:443`` back because entries have been filed as
    ``https://host:443`` since the first release, and another name would lose every
    saved sign-in. Accepts a full portal URL (path ignored). Raises ValueError for
    anything `parse_portal_url` refuses, http first: a token must never be filed
    under a plaintext origin.
    """
    parsed = parse_portal_url(url)
    return parsed.origin if parsed.port != DEFAULT_PORT else f"{parsed.origin}:{DEFAULT_PORT}"


def _key(origin: str) -> str:
    try:
        return normalize_origin(origin)
    except ValueError:
        return origin


def _check_token(token: str) -> None:
    if not isinstance(token, str) or not token:
        raise ValueError("a token must be a non-empty string")


class MemoryTokenStore:
    """Tokens in this process only; what the app uses when no OS store is usable."""

    def __init__(self, notice: str | None = NOTICE_MEMORY) -> None:
        self._tokens: dict[str, str] = {}
        self._notice = notice
        self._lock = threading.Lock()

    @property
    def backend_name(self) -> str:
        return MEMORY_ONLY

    @property
    def persistent(self) -> bool:
        return False

    @property
    def notice(self) -> str | None:
        return self._notice

    def load(self, origin: str) -> str | None:
        with self._lock:
            return self._tokens.get(_key(origin))

    def save(self, origin: str, token: str) -> bool:
        _check_token(token)
        with self._lock:
            self._tokens[normalize_origin(origin)] = token
        return False

    def delete(self, origin: str) -> None:
        with self._lock:
            self._tokens.pop(_key(origin), None)


class _Worker:
    """One daemon thread running keyring calls in submission order.

    A daemon thread, not a ThreadPoolExecutor: executor threads are joined at
    interpreter exit, so a hung keyring call would keep the app from quitting.
    """

    def __init__(self) -> None:
        import queue  # with the keyring, on the first worker that needs the token

        self._jobs: queue.SimpleQueue[
            tuple[concurrent.futures.Future[object], Callable[[], object]]
        ] = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, name="claims-keyring", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while True:
            future, job = self._jobs.get()
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(job())
            except BaseException as exc:  # noqa: BLE001 - handed to the waiting caller
                future.set_exception(exc)

    def call(self, job: Callable[[], T], timeout_s: float) -> T:
        """Run `job` on the worker; TimeoutError if it takes longer than `timeout_s`."""
        import concurrent.futures

        future: concurrent.futures.Future[object] = concurrent.futures.Future()
        self._jobs.put((future, job))
        return future.result(timeout=timeout_s)  # type: ignore[return-value]


def _sanitized(backend_cls: type[KeyringBackend]) -> KeyringBackend:
    """Instantiate without what ``KEYRING_PROPERTY_*`` variables set on the instance.

    keyring copies every such variable onto the backend (``preferred_collection``,
    ``scheme``, ``persist``...), which would let the environment decide where the
    token goes. The class defaults are what we want.
    """
    backend = backend_cls()
    for name, value in os.environ.items():
        _before, marker, prop = name.partition("KEYRING_PROPERTY_")
        attr = prop.lower()
        if marker and backend.__dict__.get(attr) == value:
            del backend.__dict__[attr]
    return backend


def find_os_backend() -> tuple[KeyringBackend | None, str, str | None]:
    """(backend, display name, reason): the best usable allowed store, or None and why.

    Blocking (a D-Bus round trip on Linux); run it with a timeout.
    """
    best: tuple[float, type[KeyringBackend], str] | None = None
    for module_name, class_name, display in ALLOWED_BACKENDS:
        try:
            backend_cls = getattr(importlib.import_module(module_name), class_name)
            priority = float(backend_cls.priority)
        except Exception as exc:  # noqa: BLE001 - "not usable here" in any form
            log.debug("credential store %s not usable: %s", display, type(exc).__name__)
            continue
        if priority > 0 and (best is None or priority > best[0]):
            best = (priority, backend_cls, display)
    if best is None:
        stores = ", ".join(display for _m, _c, display in ALLOWED_BACKENDS)
        return None, MEMORY_ONLY, NOTICE_NO_STORE.format(stores=stores)
    return _sanitized(best[1]), best[2], None


def _is_windows_vault(backend: KeyringBackend) -> bool:
    return any(
        cls.__module__ == "keyring.backends.Windows" and cls.__name__ == "WinVaultKeyring"
        for cls in type(backend).__mro__
    )


class KeyringTokenStore:
    """A token per origin in an OS credential store, with a memory copy always kept.

    `persistent` is True while the store works; after a timeout or error it is
    False and `notice` says why, until a later save succeeds. `notice` may also
    be set after a failed delete (the token was revoked anyway).
    """

    def __init__(self, timeout_s: float = 5.0, backend: KeyringBackend | None = None) -> None:
        self._timeout_s = timeout_s
        self._worker = _Worker()
        self._memory = MemoryTokenStore(notice=None)
        # Origins signed out in this run: never read back from the OS store, even
        # if deleting the entry there failed or is still queued behind a hung call.
        self._signed_out: set[str] = set()
        self._backend: KeyringBackend | None
        self._notice: str | None = None
        if backend is not None:
            self._backend, self._name = backend, type(backend).__name__
            for module_name, class_name, display in ALLOWED_BACKENDS:
                if (type(backend).__module__, type(backend).__name__) == (module_name, class_name):
                    self._name = display
        else:
            try:
                self._backend, self._name, self._notice = self._worker.call(
                    find_os_backend, timeout_s
                )
            except TimeoutError:
                self._backend, self._name, self._notice = None, MEMORY_ONLY, NOTICE_TIMEOUT
            except Exception as exc:  # noqa: BLE001 - no usable store, whatever the cause
                log.warning("credential store probe failed: %s", type(exc).__name__)
                self._backend, self._name, self._notice = None, MEMORY_ONLY, NOTICE_ERROR
        self._ok = self._backend is not None

    @property
    def backend_name(self) -> str:
        return self._name if self._backend is not None else MEMORY_ONLY

    @property
    def persistent(self) -> bool:
        return self._ok

    @property
    def notice(self) -> str | None:
        return self._notice

    def _run(self, what: str, job: Callable[[], T]) -> tuple[bool, T | None]:
        """(succeeded, result); failures become a notice, never an exception."""
        try:
            return True, self._worker.call(job, self._timeout_s)
        except TimeoutError:
            log.warning("credential store did not answer %s within %.1f s", what, self._timeout_s)
            self._ok, self._notice = False, NOTICE_TIMEOUT
        except Exception as exc:  # noqa: BLE001 - any backend failure means "not stored"
            log.warning("credential store failed to %s: %s", what, type(exc).__name__)
            self._ok, self._notice = False, NOTICE_ERROR
        return False, None

    def load(self, origin: str) -> str | None:
        try:
            key = normalize_origin(origin)
        except ValueError:
            return None  # nothing is ever filed under a non-https origin
        token = self._memory.load(key)
        backend = self._backend
        if token is not None or backend is None or key in self._signed_out:
            return token
        ok, stored = self._run("read", lambda: backend.get_password(SERVICE, key))
        if ok and stored:
            self._memory.save(key, stored)
            return stored
        return None

    def save(self, origin: str, token: str) -> bool:
        _check_token(token)
        key = normalize_origin(origin)
        self._memory.save(key, token)
        self._signed_out.discard(key)
        backend = self._backend
        if backend is None:
            return False
        if _is_windows_vault(backend) and len(token.encode("utf-16-le")) > (
            WINDOWS_BLOB_LIMIT_BYTES
        ):
            log.warning("token too large for Windows Credential Manager; kept in memory")
            self._forget(backend, key)  # an older, shorter token must not linger there
            self._ok, self._notice = False, NOTICE_TOO_LARGE
            return False
        ok, _ = self._run("save", lambda: backend.set_password(SERVICE, key, token))
        if ok:
            self._ok, self._notice = True, None
        return ok

    def delete(self, origin: str) -> None:
        key = _key(origin)
        self._memory.delete(key)
        self._signed_out.add(key)
        backend = self._backend
        if backend is not None and not self._forget(backend, key):
            self._notice = NOTICE_NOT_REMOVED

    def _forget(self, backend: KeyringBackend, key: str) -> bool:
        def remove() -> None:
            from keyring.errors import PasswordDeleteError

            try:
                backend.delete_password(SERVICE, key)
            except PasswordDeleteError:
                pass  # nothing stored: already the state we want

        try:
            self._worker.call(remove, self._timeout_s)
        except TimeoutError:
            log.warning("credential store did not answer delete within %.1f s", self._timeout_s)
            return False
        except Exception as exc:  # noqa: BLE001 - delete never raises
            log.warning("credential store failed to delete: %s", type(exc).__name__)
            return False
        return True


def _call_once(job: Callable[[], T], timeout_s: float) -> T:
    """Run `job` on a throwaway daemon thread; TimeoutError if it takes too long."""
    import concurrent.futures

    future: concurrent.futures.Future[T] = concurrent.futures.Future()

    def run() -> None:
        try:
            future.set_result(job())
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting caller
            future.set_exception(exc)

    threading.Thread(target=run, name="claims-keyring-probe", daemon=True).start()
    return future.result(timeout=timeout_s)


def open_token_store(timeout_s: float = 5.0) -> TokenStore:
    """The OS store when one is usable, else memory only with a notice to show once.

    Blocks up to `timeout_s` while the OS store is probed; call it off the GUI thread.
    """
    try:
        backend, _name, reason = _call_once(find_os_backend, timeout_s)
    except TimeoutError:
        log.warning("credential store probe did not finish within %.1f s", timeout_s)
        return MemoryTokenStore(notice=NOTICE_TIMEOUT)
    except Exception as exc:  # noqa: BLE001 - no usable store, whatever the cause
        log.warning("credential store probe failed: %s", type(exc).__name__)
        return MemoryTokenStore(notice=NOTICE_ERROR)
    if backend is None:
        log.info("no OS credential store usable; session tokens stay in memory")
        return MemoryTokenStore(notice=reason)
    return KeyringTokenStore(timeout_s=timeout_s, backend=backend)


class LazyTokenStore:
    """Opens the OS store at first use, so the probe runs on the worker thread that first
    needs the token (resume, sign-in) and never holds up the GUI thread at start-up."""

    def __init__(self, timeout_s: float = 5.0,
                 opener: Callable[[float], TokenStore] = open_token_store) -> None:
        self._timeout_s = timeout_s
        self._opener = opener
        self._store: TokenStore | None = None
        self._lock = threading.Lock()

    @property
    def opened(self) -> bool:
        return self._store is not None

    def _get(self) -> TokenStore:
        with self._lock:
            if self._store is None:
                self._store = self._opener(self._timeout_s)
            return self._store

    @property
    def backend_name(self) -> str:
        return self._get().backend_name

    @property
    def persistent(self) -> bool:
        return self._get().persistent

    @property
    def notice(self) -> str | None:
        return self._get().notice

    def load(self, origin: str) -> str | None:
        return self._get().load(origin)

    def save(self, origin: str, token: str) -> bool:
        return self._get().save(origin, token)

    def delete(self, origin: str) -> None:
        self._get().delete(origin)
