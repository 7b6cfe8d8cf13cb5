"""Settings: built-in defaults < the user's settings.json < IT-managed policies.

IT staff preset a PC through ``policies.json`` in the site config folder (and,
on Windows, ``HKLM\\SOFTWARE\\Policies\\ClaimsDesktop``). A managed key wins and
is locked; the one exception is ``idle_lock_minutes``, which a user may shorten
but never lengthen. Nothing here raises on bad input: every broken, unreadable
or invalid source becomes a sentence in ``LoadedSettings.problems`` and a safe
value. "Safe" means never looser than what IT asked for: a managed value that
cannot be used, or a managed file that cannot be read at all, gives the
strictest value of each key (no portal, no export, no print, a 2-minute idle
lock), so a typo in a policy file is noticed at once instead of silently
lifting a restriction.

The settings hold nothing personal (see DESIGN.md, "Data at rest").
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Literal, Protocol, cast
from urllib.parse import urlsplit

import platformdirs

from desktop.portal.urls import PortalUrlError, UrlProblem, parse_portal_url

__all__ = [
    "APP_NAME",
    "IDLE_LOCK_DEFAULT",
    "IDLE_LOCK_MAX",
    "IDLE_LOCK_MIN",
    "POLICIES_FILE",
    "SETTINGS_FILE",
    "LoadedSettings",
    "RegistryReader",
    "Settings",
    "SettingsError",
    "Source",
    "WindowsRegistryReader",
    "default_config_dir",
    "default_site_dir",
    "load_settings",
    "read_json_object",
    "save_user_settings",
]

APP_NAME = "claims-desktop"
SETTINGS_FILE = "settings.json"
POLICIES_FILE = "policies.json"
IDLE_LOCK_MIN = 2
IDLE_LOCK_MAX = 30
IDLE_LOCK_DEFAULT = 15
MAX_FILE_BYTES = 1_000_000
MAX_GEOMETRY_CHARS = 65_536
MAX_NOTE_CHARS = 200

Source = Literal["default", "user", "managed"]


class SettingsError(Exception):
    """Saving failed; `message` is safe to show, `path` is the folder involved."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path


@dataclass(frozen=True)
class Settings:
    """The effective values the rest of the app builds itself from."""

    portal_url: str | None = None
    ca_bundle: str | None = None
    use_system_trust_store: bool = True
    proxy_url: str | None = None
    idle_lock_minutes: int = IDLE_LOCK_DEFAULT
    allow_export: bool = True
    allow_print: bool = True
    #: IT requires two-step sign-in (TOTP) of every user of this PC.
    require_mfa: bool = False
    last_seen_policy_version: str | None = None
    window_geometry: str | None = None
    #: Names of screens whose edits were lost when the OS ended the session (never data).
    unsaved_note: str | None = None


KEYS: tuple[str, ...] = tuple(f.name for f in fields(Settings))


@dataclass(frozen=True)
class LoadedSettings:
    """Values plus where each came from, so the UI can show locks and problems."""

    values: Settings
    sources: dict[str, Source]
    locked: frozenset[str]
    problems: list[str]
    idle_lock_max: int = IDLE_LOCK_DEFAULT
    config_dir: Path | None = field(default=None, repr=False)

    def is_locked(self, key: str) -> bool:
        return key in self.locked

    def with_overrides(self, changes: Mapping[str, object]) -> LoadedSettings:
        """Apply command-line values (``--portal-url``, ``--ca-bundle``) as a user would.

        A locked key keeps its managed value and the override is reported in
        `problems`; an invalid override is reported and ignored.
        """
        values = self.values
        sources = dict(self.sources)
        problems = list(self.problems)
        for key, raw in changes.items():
            spec = _SPECS.get(key)
            if spec is None or not spec.user:
                problems.append(f"'{key}' is not a setting that can be changed here; ignored.")
                continue
            if key in self.locked:
                problems.append(f"'{key}' is set by your IT department; the override is ignored.")
                continue
            try:
                value = spec.parse(raw)
            except ValueError as exc:
                problems.append(f"Command-line value ignored: {exc}")
                continue
            if key == "idle_lock_minutes":
                if value is None or not isinstance(value, int) or value > self.idle_lock_max:
                    problems.append(
                        f"idle_lock_minutes can only be shortened (at most "
                        f"{self.idle_lock_max}); the override is ignored."
                    )
                    continue
            update: dict[str, Any] = {key: value}
            values = replace(values, **update)
            sources[key] = "user"
        return replace(self, values=values, sources=sources, problems=problems)


class RegistryReader(Protocol):
    """Where Windows Group Policy puts managed values; tests pass a fake."""

    def read(self) -> dict[str, object]: ...


class WindowsRegistryReader:
    """Reads ``HKLM\\SOFTWARE\\Policies\\ClaimsDesktop``: DWORD -> int, strings -> str.

    An absent key is normal (no Group Policy) and reads as empty; any other
    failure raises OSError, which `load_settings` treats as a broken policy.
    """

    KEY = r"SOFTWARE\Policies\ClaimsDesktop"

    def read(self) -> dict[str, object]:
        if sys.platform != "win32":
            return {}
        import winreg

        try:
            handle = winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, self.KEY)
        except FileNotFoundError:
            return {}
        result: dict[str, object] = {}
        with handle:
            index = 0
            while True:
                try:
                    name, data, kind = winreg.EnumValue(handle, index)
                except OSError:  # ERROR_NO_MORE_ITEMS ends the enumeration
                    break
                index += 1
                if kind == winreg.REG_DWORD:
                    result[name] = int(data)
                elif kind in (winreg.REG_SZ, winreg.REG_EXPAND_SZ):
                    result[name] = str(data)
                else:
                    result[name] = _UnsupportedRegistryValue(kind)
        return result


@dataclass(frozen=True)
class _UnsupportedRegistryValue:
    kind: int

    def __str__(self) -> str:
        return f"a registry value of type {self.kind} (use REG_DWORD or REG_SZ)"


def default_config_dir() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_site_dir() -> Path:
    """The IT-managed folder. On Linux always /etc/xdg/claims-desktop.

    platformdirs would honour ``XDG_CONFIG_DIRS`` there, which any user can set
    to step around the managed policies; a fixed path keeps them in force.
    """
    if sys.platform.startswith("linux"):
        return Path("/etc/xdg") / APP_NAME
    return Path(platformdirs.site_config_dir(APP_NAME, appauthor=False))


# --- Per-key parsing -------------------------------------------------------------------


def _show(raw: object) -> str:
    text = repr(raw) if not isinstance(raw, _UnsupportedRegistryValue) else str(raw)
    return text if len(text) <= 60 else text[:57] + "..."


def _no_controls(text: str) -> bool:
    return all(ch.isprintable() for ch in text)


_URL_PROBLEMS = {
    UrlProblem.NOT_HTTPS:
        "portal_url must start with https://; plain http and other schemes are refused.",
    UrlProblem.CREDENTIALS_OR_QUERY:
        "portal_url must not contain a user name, password, query or fragment.",
}


def _parse_portal_url(raw: object) -> str:
    """The rules live in `desktop.portal.urls`; here they are worded for a settings file."""
    try:
        return parse_portal_url(raw).base_url
    except PortalUrlError as exc:
        if exc.problem is UrlProblem.EMPTY:
            raise ValueError(
                f"portal_url must be an https:// address (found {_show(raw)})."
            ) from None
        if exc.problem in _URL_PROBLEMS:
            raise ValueError(_URL_PROBLEMS[exc.problem]) from None
        raise ValueError(f"portal_url is not a valid web address (found {_show(raw)}).") from None


def _parse_proxy_url(raw: object) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise ValueError(f"proxy_url must be an http:// or https:// address (found {_show(raw)}).")
    text = raw.strip()
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise ValueError("proxy_url must start with http:// or https://.")
    if parts.username or parts.password:
        raise ValueError(
            "proxy_url must not contain a user name or password; settings files are not "
            "a place for secrets."
        )
    try:
        port = parts.port
    except ValueError:
        port = -1
    if not parts.hostname or (port is not None and not 0 < port < 65536) or not _no_controls(text):
        raise ValueError(f"proxy_url is not a valid proxy address (found {_show(raw)}).")
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        raise ValueError("proxy_url must be just scheme, host and port, e.g. http://proxy:3128.")
    return f"{scheme}://{parts.netloc.lower()}"


def _parse_path(raw: object) -> str:
    if not isinstance(raw, str) or not raw.strip() or "\x00" in raw:
        raise ValueError(f"ca_bundle must be the full path of a PEM file (found {_show(raw)}).")
    text = raw.strip()
    if not os.path.isabs(text):
        raise ValueError(f"ca_bundle must be a full (absolute) path (found {_show(raw)}).")
    return text


def _parse_bool(raw: object) -> bool:
    if isinstance(raw, bool):
        return raw
    if isinstance(raw, int) and raw in (0, 1):  # a registry DWORD
        return bool(raw)
    raise ValueError(f"must be true or false (found {_show(raw)}).")


def _parse_idle(raw: object) -> int:
    value: int | None = None
    if isinstance(raw, int) and not isinstance(raw, bool):
        value = raw
    elif isinstance(raw, str) and raw.strip().isascii() and raw.strip().isdecimal():
        value = int(raw.strip())  # a REG_SZ written by hand
    if value is None or not IDLE_LOCK_MIN <= value <= IDLE_LOCK_MAX:
        raise ValueError(
            f"idle_lock_minutes must be a whole number from {IDLE_LOCK_MIN} to "
            f"{IDLE_LOCK_MAX} (found {_show(raw)})."
        )
    return value


def _parse_policy_version(raw: object) -> str:
    if not isinstance(raw, str) or not 1 <= len(raw) <= 200 or not _no_controls(raw):
        raise ValueError(f"last_seen_policy_version is not a version string ({_show(raw)}).")
    return raw


def _parse_unsaved_note(raw: object) -> str:
    """Screen names only ("Account"): letters, spaces and commas, so that a note can
    never carry a value the user typed."""
    if (not isinstance(raw, str) or not 1 <= len(raw) <= MAX_NOTE_CHARS
            or not all(ch.isascii() and (ch.isalpha() or ch in " ,") for ch in raw)):
        raise ValueError("unsaved_note is not a list of screen names.")
    return raw


def _parse_geometry(raw: object) -> str:
    if not isinstance(raw, str) or len(raw) > MAX_GEOMETRY_CHARS:
        raise ValueError("window_geometry is not a saved window layout.")
    try:
        base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("window_geometry is not a saved window layout.") from None
    return raw


def _nullable(parse: Callable[[object], object]) -> Callable[[object], object]:
    """JSON null is a real value for these keys: IT may lock them to "none"."""

    def parse_or_none(raw: object) -> object:
        return None if raw is None else parse(raw)

    return parse_or_none


def _named(key: str, parse: Callable[[object], object]) -> Callable[[object], object]:
    """Prefix generic messages ("must be true or false") with the key's name."""

    def parse_named(raw: object) -> object:
        try:
            return parse(raw)
        except ValueError as exc:
            text = str(exc)
            raise ValueError(text if text.startswith(key) else f"{key} {text}") from None

    return parse_named


@dataclass(frozen=True)
class _Spec:
    parse: Callable[[object], object]
    strictest: object  # what a managed value that cannot be used turns into
    managed: bool = True  # IT may set it
    user: bool = True  # the user may set it


_SPECS: dict[str, _Spec] = {
    "portal_url": _Spec(_nullable(_parse_portal_url), None),
    "ca_bundle": _Spec(_nullable(_parse_path), None),
    "use_system_trust_store": _Spec(_named("use_system_trust_store", _parse_bool), False),
    "proxy_url": _Spec(_nullable(_parse_proxy_url), None),
    "idle_lock_minutes": _Spec(_parse_idle, IDLE_LOCK_MIN),
    "allow_export": _Spec(_named("allow_export", _parse_bool), False),
    "allow_print": _Spec(_named("allow_print", _parse_bool), False),
    # IT's to set, not the user's; a managed value that cannot be read means "required".
    "require_mfa": _Spec(_named("require_mfa", _parse_bool), True, user=False),
    "last_seen_policy_version": _Spec(_nullable(_parse_policy_version), None, managed=False),
    "window_geometry": _Spec(_nullable(_parse_geometry), None, managed=False),
    "unsaved_note": _Spec(_nullable(_parse_unsaved_note), None, managed=False),
}
assert set(_SPECS) == set(KEYS)
USER_KEYS = frozenset(k for k, s in _SPECS.items() if s.user)
MANAGED_KEYS = frozenset(k for k, s in _SPECS.items() if s.managed)


# --- Reading ---------------------------------------------------------------------------


def read_json_object(path: Path, label: str) -> tuple[dict[str, object] | None, str | None]:
    """({}, None) when absent; (None, problem) when present but unusable.

    Public because `--diagnose` must judge the IT policy file exactly as loading
    does: a second reader would sooner or later call a broken file fine. `label`
    starts the problem sentence ("The IT policy file /etc/...").
    """
    try:
        if not path.exists():
            return {}, None
        if not path.is_file():
            return None, f"{label} is not a regular file."
        if path.stat().st_size > MAX_FILE_BYTES:
            return None, f"{label} is larger than {MAX_FILE_BYTES} bytes."
        text = path.read_text(encoding="utf-8-sig")  # Notepad adds a BOM
    except PermissionError:
        return None, f"{label} cannot be read (permission denied)."
    except UnicodeDecodeError:
        return None, f"{label} is not UTF-8 text."
    except OSError as exc:
        return None, f"{label} cannot be read ({exc.strerror or type(exc).__name__})."
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        return None, f"{label} is not valid JSON (line {exc.lineno}, column {exc.colno})."
    if not isinstance(data, dict):
        return None, f"{label} must contain a JSON object ({{...}})."
    return {k: val for k, val in data.items() if not k.startswith(("_", "$"))}, None


def _read_managed(
    site_dir: Path, registry: RegistryReader | None, problems: list[str]
) -> tuple[dict[str, object], bool]:
    """Managed values (registry over file) and whether any managed source was unusable."""
    path = site_dir / POLICIES_FILE
    data, problem = read_json_object(path, f"The IT policy file {path}")
    broken = data is None
    managed: dict[str, object] = dict(data or {})
    if problem:
        problems.append(f"{problem} Strict settings apply until IT fixes it.")
    if registry is not None:
        try:
            managed.update(registry.read())
        except Exception as exc:  # noqa: BLE001 - any reader failure is a broken policy
            broken = True
            problems.append(
                "The IT policies in the Windows registry cannot be read "
                f"({type(exc).__name__}). Strict settings apply until IT fixes it."
            )
    for key in sorted(managed):
        if key not in _SPECS:
            problems.append(f"The IT policies contain an unknown setting '{key}'; ignored.")
        elif not _SPECS[key].managed:
            problems.append(f"'{key}' cannot be set by IT policy; ignored.")
    return managed, broken


def load_settings(
    config_dir: Path | None = None,
    site_dir: Path | None = None,
    registry: RegistryReader | None = None,
) -> LoadedSettings:
    """Read every source; never raises, whatever the files contain.

    `registry` defaults to the real Windows reader on Windows and to none
    elsewhere; tests pass a fake.
    """
    config_dir = config_dir or default_config_dir()
    site_dir = site_dir or default_site_dir()
    if registry is None and sys.platform == "win32":
        registry = WindowsRegistryReader()
    problems: list[str] = []

    user, problem = read_json_object(config_dir / SETTINGS_FILE, "Your settings file")
    if problem:
        problems.append(f"{problem} Built-in settings are used; saving will replace the file.")
    user = user or {}
    for key in sorted(user):
        if key not in USER_KEYS:
            problems.append(f"Your settings file has an unknown setting '{key}'; ignored.")

    managed, managed_broken = _read_managed(site_dir, registry, problems)

    values: dict[str, object] = {}
    sources: dict[str, Source] = {}
    locked: set[str] = set()
    for key, spec in _SPECS.items():
        default = getattr(Settings(), key)
        if spec.managed and key in managed:
            try:
                values[key] = spec.parse(managed[key])
            except ValueError as exc:
                problems.append(f"IT policy: {exc} The strictest value applies.")
                values[key] = spec.strictest
            sources[key] = "managed"
            locked.add(key)
        elif spec.managed and managed_broken:
            values[key], sources[key] = spec.strictest, "managed"
            locked.add(key)
        elif spec.user and key in user:
            try:
                values[key], sources[key] = spec.parse(user[key]), "user"
            except ValueError as exc:
                problems.append(f"Your settings: {exc} The built-in value is used.")
                values[key], sources[key] = default, "default"
        else:
            values[key], sources[key] = default, "default"

    idle_max = IDLE_LOCK_DEFAULT
    if "idle_lock_minutes" in locked:
        # IT sets a ceiling; the user may still choose a shorter lock.
        locked.discard("idle_lock_minutes")
        idle_max = cast(int, values["idle_lock_minutes"])
        own = user.get("idle_lock_minutes")
        if own is not None:
            try:
                shorter = _parse_idle(own)
            except ValueError as exc:
                problems.append(f"Your settings: {exc}")
            else:
                if shorter <= idle_max:
                    values["idle_lock_minutes"], sources["idle_lock_minutes"] = shorter, "user"
                else:
                    problems.append(_longer_than_allowed(idle_max))
    elif sources["idle_lock_minutes"] == "user":
        if cast(int, values["idle_lock_minutes"]) > IDLE_LOCK_DEFAULT:
            problems.append(_longer_than_allowed(IDLE_LOCK_DEFAULT))
            values["idle_lock_minutes"], sources["idle_lock_minutes"] = IDLE_LOCK_DEFAULT, "default"

    bundle = values["ca_bundle"]
    if isinstance(bundle, str) and not Path(bundle).is_file():
        problems.append(
            f"The certificate file set in ca_bundle ({bundle}) does not exist; connections "
            "to the portal will fail until it is fixed."
        )

    return LoadedSettings(
        values=Settings(**values),  # type: ignore[arg-type]
        sources=sources,
        locked=frozenset(locked),
        problems=problems,
        idle_lock_max=idle_max,
        config_dir=config_dir,
    )


def _longer_than_allowed(limit: int) -> str:
    return (
        f"Your idle lock time is longer than the {limit} minutes allowed; it can only be "
        f"shortened, so {limit} minutes applies."
    )


# --- Saving ----------------------------------------------------------------------------


def save_user_settings(config_dir: Path | None, changes: Mapping[str, object]) -> None:
    """Merge `changes` into the user's settings.json, atomically, readable by the user only.

    A value of None removes the user's own value (back to the default). Raises
    SettingsError for an unknown key, an invalid value, or a folder that cannot
    be written; in every case the previous file is left as it was.
    """
    folder = config_dir or default_config_dir()
    path = folder / SETTINGS_FILE
    current, _problem = read_json_object(path, "Your settings file")
    data: dict[str, object] = {}
    for key, raw in (current or {}).items():
        if key in USER_KEYS:
            with contextlib.suppress(ValueError):
                data[key] = _SPECS[key].parse(raw)
    for key, raw in changes.items():
        if key not in USER_KEYS:
            raise SettingsError(f"'{key}' is not a setting you can change.")
        if raw is None:
            data.pop(key, None)
            continue
        try:
            data[key] = _SPECS[key].parse(raw)
        except ValueError as exc:
            raise SettingsError(str(exc)) from None
    _write_atomically(path, json.dumps(data, indent=2, sort_keys=True) + "\n")


def _write_atomically(path: Path, text: str) -> None:
    folder = path.parent
    tmp: str | None = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise SettingsError(
            f"Your settings could not be saved because the settings folder cannot be "
            f"written to ({reason}). Your previous settings are unchanged.",
            path=folder,
        ) from exc
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    if hasattr(os, "O_DIRECTORY"):  # make the rename itself durable on POSIX
        with contextlib.suppress(OSError):
            dir_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
