"""Settings: defaults < user file < IT policy, and nothing an IT typo can loosen."""

from __future__ import annotations

import json
import os
import stat
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop import config
from desktop.config import LoadedSettings, Settings, SettingsError, load_settings

PORTAL = "https://portal.example.test/api/v1"


class FakeRegistry:
    def __init__(self, values: dict[str, object] | None = None, error: Exception | None = None):
        self.values = values or {}
        self.error = error

    def read(self) -> dict[str, object]:
        if self.error:
            raise self.error
        return dict(self.values)


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    user, site = tmp_path / "user", tmp_path / "site"
    user.mkdir()
    site.mkdir()
    return user, site


def write(folder: Path, name: str, data: object) -> Path:
    path = folder / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def load(dirs: tuple[Path, Path], registry: FakeRegistry | None = None) -> LoadedSettings:
    return load_settings(config_dir=dirs[0], site_dir=dirs[1], registry=registry)


def test_defaults_when_nothing_is_configured(dirs: tuple[Path, Path]) -> None:
    loaded = load(dirs)
    assert loaded.values == Settings()
    assert loaded.values.idle_lock_minutes == 15
    assert loaded.values.use_system_trust_store is True
    assert loaded.values.allow_export is True and loaded.values.allow_print is True
    assert set(loaded.sources.values()) == {"default"}
    assert set(loaded.sources) == set(config.KEYS)
    assert loaded.locked == frozenset()
    assert loaded.problems == []
    assert loaded.idle_lock_max == 15


def test_user_file_overrides_defaults(dirs: tuple[Path, Path]) -> None:
    write(dirs[0], "settings.json", {
        "portal_url": PORTAL + "/",
        "allow_print": False,
        "idle_lock_minutes": 5,
        "window_geometry": "AdnQywADAAA=",
        "last_seen_policy_version": "2026-11-01",
        "proxy_url": "http://Proxy.Office.Test:3128",
    })
    loaded = load(dirs)
    assert loaded.problems == []
    assert loaded.values.portal_url == PORTAL  # trailing slash dropped
    assert loaded.values.allow_print is False
    assert loaded.values.idle_lock_minutes == 5
    assert loaded.values.window_geometry == "AdnQywADAAA="
    assert loaded.values.last_seen_policy_version == "2026-11-01"
    assert loaded.values.proxy_url == "http://proxy.office.test:3128"
    assert loaded.sources["portal_url"] == "user"
    assert loaded.sources["allow_export"] == "default"
    assert loaded.locked == frozenset()


def test_managed_value_wins_and_is_locked(dirs: tuple[Path, Path]) -> None:
    write(dirs[0], "settings.json", {"portal_url": "https://elsewhere.example.test",
                                     "allow_export": True})
    write(dirs[1], "policies.json", {"portal_url": PORTAL, "allow_export": False,
                                     "_comment": "set by the office IT team"})
    loaded = load(dirs)
    assert loaded.problems == []
    assert loaded.values.portal_url == PORTAL
    assert loaded.values.allow_export is False
    assert loaded.sources["portal_url"] == "managed"
    assert loaded.locked == {"portal_url", "allow_export"}
    assert loaded.is_locked("portal_url") and not loaded.is_locked("allow_print")


@pytest.mark.parametrize(
    "url",
    ["http://portal.example.test", "ftp://portal.example.test", "portal.example.test",
     "https://clerk:hunter2x@portal.example.test", "https://clerk:hunter2x@bad host", "https://portal.example.test/?x=1",
     "https://", "https://portal.example.test:99999", "", 42],
)
def test_unusable_portal_urls_are_refused(dirs: tuple[Path, Path], url: object) -> None:
    write(dirs[0], "settings.json", {"portal_url": url})
    loaded = load(dirs)
    assert loaded.values.portal_url is None
    assert loaded.sources["portal_url"] == "default"
    assert len(loaded.problems) == 1 and "portal_url" in loaded.problems[0]
    assert "hunter2x" not in loaded.problems[0]


def test_http_portal_in_policy_is_refused_and_user_value_not_used(
    dirs: tuple[Path, Path]
) -> None:
    write(dirs[0], "settings.json", {"portal_url": "https://user-choice.example.test"})
    write(dirs[1], "policies.json", {"portal_url": "http://portal.example.test"})
    loaded = load(dirs)
    assert loaded.values.portal_url is None
    assert loaded.is_locked("portal_url")
    assert any("http" in p and "IT policy" in p for p in loaded.problems)


# --- idle lock: a user may shorten, never lengthen ----------------------------------------


@pytest.mark.parametrize(
    ("managed", "user", "expected", "source", "maximum", "problem"),
    [
        (None, 10, 10, "user", 15, False),
        (None, 20, 15, "default", 15, True),  # longer than the default is refused
        (10, 5, 5, "user", 10, False),
        (10, 10, 10, "user", 10, False),
        (10, 20, 10, "managed", 10, True),
        (30, 20, 20, "user", 30, False),
        (10, "abc", 10, "managed", 10, True),
        ("ten", 20, 2, "managed", 2, True),  # bad managed value: strictest, not the user's
        (60, 20, 2, "managed", 2, True),
        (1, None, 2, "managed", 2, True),
        (True, None, 2, "managed", 2, True),
        (12.5, None, 2, "managed", 2, True),
    ],
)
def test_idle_lock_rules(
    dirs: tuple[Path, Path], managed: object, user: object, expected: int, source: str,
    maximum: int, problem: bool,
) -> None:
    if managed is not None:
        write(dirs[1], "policies.json", {"idle_lock_minutes": managed})
    if user is not None:
        write(dirs[0], "settings.json", {"idle_lock_minutes": user})
    loaded = load(dirs)
    assert loaded.values.idle_lock_minutes == expected
    assert loaded.sources["idle_lock_minutes"] == source
    assert loaded.idle_lock_max == maximum
    assert "idle_lock_minutes" not in loaded.locked  # shortening stays possible
    assert bool(loaded.problems) is problem


# --- broken sources ----------------------------------------------------------------------


def test_broken_policy_file_locks_everything_strictly(dirs: tuple[Path, Path]) -> None:
    write(dirs[0], "settings.json", {"portal_url": PORTAL, "allow_export": True,
                                     "window_geometry": "AAAA"})
    path = write(dirs[1], "policies.json", '{"portal_url": "https://x.example.test",\n  oops}')
    loaded = load(dirs)
    values = loaded.values
    assert values.portal_url is None  # not the user's value
    assert values.allow_export is False and values.allow_print is False
    assert values.idle_lock_minutes == 2
    assert values.use_system_trust_store is False
    assert values.window_geometry == "AAAA"  # user-only keys are unaffected
    assert loaded.locked == config.MANAGED_KEYS - {"idle_lock_minutes"}
    assert loaded.idle_lock_max == 2
    assert len(loaded.problems) == 1
    assert str(path) in loaded.problems[0] and "line 2" in loaded.problems[0]


@pytest.mark.parametrize(
    "content",
    [b"[1, 2]", b"null", b"\xff\xfe not utf-8 \x80", b"", b'"just a string"'],
)
def test_other_unusable_policy_files(dirs: tuple[Path, Path], content: bytes) -> None:
    (dirs[1] / "policies.json").write_bytes(content)
    loaded = load(dirs)
    assert loaded.values.allow_export is False
    assert loaded.values.portal_url is None
    assert loaded.problems and "IT policy file" in loaded.problems[0]


def test_policy_path_that_is_a_folder(dirs: tuple[Path, Path]) -> None:
    (dirs[1] / "policies.json").mkdir()
    loaded = load(dirs)
    assert loaded.values.allow_print is False
    assert "not a regular file" in loaded.problems[0]


def test_unreadable_policy_file(dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    write(dirs[1], "policies.json", {"allow_export": True})
    original = Path.read_text

    def deny(self: Path, *args: object, **kwargs: object) -> str:
        if self.name == "policies.json":
            raise PermissionError(13, "Permission denied")
        return original(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "read_text", deny)
    loaded = load(dirs)
    assert loaded.values.allow_export is False
    assert "permission denied" in loaded.problems[0]


def test_oversized_policy_file(dirs: tuple[Path, Path]) -> None:
    write(dirs[1], "policies.json", '{"allow_export": true}' + " " * config.MAX_FILE_BYTES)
    loaded = load(dirs)
    assert loaded.values.allow_export is False
    assert "larger than" in loaded.problems[0]


def test_policy_file_with_bom_from_notepad(dirs: tuple[Path, Path]) -> None:
    (dirs[1] / "policies.json").write_bytes(b"\xef\xbb\xbf" + b'{"allow_print": false}')
    loaded = load(dirs)
    assert loaded.problems == []
    assert loaded.values.allow_print is False and loaded.is_locked("allow_print")


def test_broken_user_file_falls_back_to_defaults(dirs: tuple[Path, Path]) -> None:
    write(dirs[0], "settings.json", "{not json")
    write(dirs[1], "policies.json", {"allow_export": False})
    loaded = load(dirs)
    assert loaded.values.allow_export is False  # managed values still apply
    assert loaded.values.portal_url is None
    assert loaded.sources["portal_url"] == "default"
    assert len(loaded.problems) == 1 and "Your settings file" in loaded.problems[0]


def test_invalid_user_values_fall_back_one_by_one(dirs: tuple[Path, Path]) -> None:
    write(dirs[0], "settings.json", {
        "allow_print": "no", "window_geometry": "not base64!", "portal_url": PORTAL,
        "surprise": 1,
    })
    loaded = load(dirs)
    assert loaded.values.allow_print is True
    assert loaded.values.window_geometry is None
    assert loaded.values.portal_url == PORTAL
    assert len(loaded.problems) == 3
    assert any("surprise" in p for p in loaded.problems)
    assert any(p.startswith("Your settings: allow_print must be true or false") for p in
               loaded.problems)


def test_unknown_and_user_only_keys_in_policy_are_reported(dirs: tuple[Path, Path]) -> None:
    write(dirs[1], "policies.json", {"window_geometry": "AAAA", "colour": "blue",
                                     "$schema": "ignored"})
    loaded = load(dirs)
    assert loaded.values.window_geometry is None
    assert loaded.locked == frozenset()
    assert len(loaded.problems) == 2


def test_null_in_policy_locks_a_key_to_none(dirs: tuple[Path, Path]) -> None:
    write(dirs[0], "settings.json", {"proxy_url": "http://user-proxy.example.test:8080"})
    write(dirs[1], "policies.json", {"proxy_url": None, "ca_bundle": None})
    loaded = load(dirs)
    assert loaded.problems == []
    assert loaded.values.proxy_url is None and loaded.is_locked("proxy_url")
    assert loaded.values.ca_bundle is None and loaded.is_locked("ca_bundle")


def test_ca_bundle(dirs: tuple[Path, Path], tmp_path: Path) -> None:
    pem = tmp_path / "office-ca.pem"
    pem.write_text("-----BEGIN CERTIFICATE-----\n")
    write(dirs[1], "policies.json", {"ca_bundle": str(pem), "use_system_trust_store": False})
    loaded = load(dirs)
    assert loaded.problems == []
    assert loaded.values.ca_bundle == str(pem)
    assert loaded.values.use_system_trust_store is False

    write(dirs[1], "policies.json", {"ca_bundle": str(tmp_path / "missing.pem")})
    loaded = load(dirs)
    assert loaded.values.ca_bundle == str(tmp_path / "missing.pem")  # kept: TLS fails closed
    assert "does not exist" in loaded.problems[0]

    write(dirs[1], "policies.json", {"ca_bundle": "relative/ca.pem"})
    loaded = load(dirs)
    assert loaded.values.ca_bundle is None and loaded.is_locked("ca_bundle")
    assert "absolute" in loaded.problems[0]


@pytest.mark.parametrize(
    ("proxy", "ok"),
    [
        ("https://proxy.example.test:8443", True),
        ("http://10.0.0.1:3128/", True),
        ("socks5://proxy.example.test:1080", False),
        ("http://clerk:hunter2x@proxy.example.test:3128", False),
        ("http://proxy.example.test:3128/path", False),
        ("http://:3128", False),
    ],
)
def test_proxy_urls(dirs: tuple[Path, Path], proxy: str, ok: bool) -> None:
    write(dirs[0], "settings.json", {"proxy_url": proxy})
    loaded = load(dirs)
    assert (loaded.values.proxy_url is not None) is ok
    assert (loaded.problems == []) is ok
    assert "hunter2x" not in " ".join(loaded.problems)


# --- Windows registry (through a fake reader) -----------------------------------------------


def test_registry_values_are_managed_and_beat_the_file(dirs: tuple[Path, Path]) -> None:
    write(dirs[1], "policies.json", {"idle_lock_minutes": 20, "allow_print": True})
    registry = FakeRegistry({"idle_lock_minutes": "10", "allow_print": 0, "allow_export": 1})
    loaded = load(dirs, registry)
    assert loaded.problems == []
    assert loaded.values.idle_lock_minutes == 10
    assert loaded.values.allow_print is False
    assert loaded.values.allow_export is True
    assert loaded.sources["allow_export"] == "managed"
    assert {"allow_print", "allow_export"} <= loaded.locked


def test_unreadable_registry_is_a_broken_policy(dirs: tuple[Path, Path]) -> None:
    write(dirs[0], "settings.json", {"portal_url": PORTAL})
    loaded = load(dirs, FakeRegistry(error=OSError(5, "Access is denied")))
    assert loaded.values.portal_url is None
    assert loaded.values.allow_export is False
    assert "registry" in loaded.problems[0]


def test_real_registry_reader_is_empty_off_windows() -> None:
    assert config.WindowsRegistryReader().read() == {}


def test_site_dir_ignores_xdg_config_dirs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_DIRS", "/tmp/not-it-managed")
    assert config.default_site_dir() == Path("/etc/xdg/claims-desktop")


def test_user_config_dir_comes_from_platformdirs(monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert config.default_config_dir() == tmp_path / "claims-desktop"


# --- command-line overrides ----------------------------------------------------------------


def test_overrides_respect_locks(dirs: tuple[Path, Path]) -> None:
    write(dirs[1], "policies.json", {"ca_bundle": None, "idle_lock_minutes": 10})
    loaded = load(dirs).with_overrides({
        "portal_url": PORTAL, "ca_bundle": "/tmp/mine.pem", "idle_lock_minutes": 25,
    })
    assert loaded.values.portal_url == PORTAL and loaded.sources["portal_url"] == "user"
    assert loaded.values.ca_bundle is None
    assert loaded.values.idle_lock_minutes == 10
    assert len(loaded.problems) == 2

    refused = load(dirs).with_overrides({"portal_url": "http://portal.example.test"})
    assert refused.values.portal_url is None
    assert "http" in refused.problems[0]


# --- saving ------------------------------------------------------------------------------------


def test_save_then_load_round_trip(dirs: tuple[Path, Path]) -> None:
    config.save_user_settings(dirs[0], {"portal_url": PORTAL, "window_geometry": "AAAA"})
    config.save_user_settings(dirs[0], {"idle_lock_minutes": 7, "window_geometry": None})
    path = dirs[0] / "settings.json"
    assert json.loads(path.read_text()) == {"portal_url": PORTAL, "idle_lock_minutes": 7}
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    loaded = load(dirs)
    assert loaded.values.portal_url == PORTAL and loaded.values.idle_lock_minutes == 7
    assert loaded.values.window_geometry is None
    assert sorted(os.listdir(dirs[0])) == ["settings.json"]  # no temp files left


def test_save_creates_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "claims-desktop"
    config.save_user_settings(folder, {"allow_print": False})
    assert json.loads((folder / "settings.json").read_text()) == {"allow_print": False}


def test_save_drops_unknown_and_invalid_existing_entries(dirs: tuple[Path, Path]) -> None:
    write(dirs[0], "settings.json", {"colour": "blue", "allow_print": "maybe",
                                     "portal_url": PORTAL})
    config.save_user_settings(dirs[0], {"allow_export": False})
    assert json.loads((dirs[0] / "settings.json").read_text()) == {
        "portal_url": PORTAL, "allow_export": False,
    }


def test_save_replaces_a_broken_file(dirs: tuple[Path, Path]) -> None:
    write(dirs[0], "settings.json", "{broken")
    config.save_user_settings(dirs[0], {"allow_export": False})
    assert json.loads((dirs[0] / "settings.json").read_text()) == {"allow_export": False}


@pytest.mark.parametrize(
    ("changes", "fragment"),
    [
        ({"portal_url": "http://portal.example.test"}, "https"),
        ({"idle_lock_minutes": 45}, "2 to 30"),
        ({"favourite_colour": "blue"}, "not a setting"),
        ({"allow_print": "yes"}, "true or false"),
    ],
)
def test_save_refuses_bad_changes_and_keeps_the_file(
    dirs: tuple[Path, Path], changes: dict[str, object], fragment: str
) -> None:
    path = write(dirs[0], "settings.json", {"allow_print": False})
    before = path.read_bytes()
    with pytest.raises(SettingsError, match=fragment):
        config.save_user_settings(dirs[0], changes)
    assert path.read_bytes() == before


def test_failed_replace_keeps_old_file_and_cleans_up(
    dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(dirs[0], "settings.json", {"allow_print": False})
    before = path.read_bytes()

    def read_only(src: str, dst: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr(config.os, "replace", read_only)
    with pytest.raises(SettingsError) as info:
        config.save_user_settings(dirs[0], {"allow_print": True})
    assert "Read-only file system" in info.value.message
    assert "previous settings are unchanged" in info.value.message
    assert info.value.path == dirs[0]
    assert path.read_bytes() == before
    assert os.listdir(dirs[0]) == ["settings.json"]


def test_unwritable_folder_raises_a_clear_error(
    dirs: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(dirs[0], "settings.json", {"allow_print": False})

    def no_temp(*args: object, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(config.tempfile, "mkstemp", no_temp)
    with pytest.raises(SettingsError, match="cannot be written to"):
        config.save_user_settings(dirs[0], {"allow_print": True})
    assert json.loads(path.read_text()) == {"allow_print": False}


def test_folder_blocked_by_a_file(tmp_path: Path) -> None:
    blocker = tmp_path / "claims-desktop"
    blocker.write_text("not a folder")
    with pytest.raises(SettingsError, match="cannot be written to"):
        config.save_user_settings(blocker, {"allow_print": True})
    assert blocker.read_text() == "not a folder"


# --- never crash, never looser than IT asked ------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 100) | st.floats(allow_nan=False)
    | st.text(max_size=20) | st.sampled_from([PORTAL, "http://x.test", "/etc/ca.pem", "AAAA"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                               max_size=3),
    max_leaves=5,
)
documents = st.dictionaries(st.sampled_from([*config.KEYS, "other"]), json_values, max_size=6)


@settings(max_examples=150, deadline=None)
@given(user=documents, managed=documents | st.just("{broken"))
def test_any_input_loads_and_never_loosens_managed_values(
    user: dict[str, object], managed: dict[str, object] | str
) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pair = (Path(tmp) / "u", Path(tmp) / "s")
        pair[0].mkdir()
        pair[1].mkdir()
        write(pair[0], "settings.json", user)
        write(pair[1], "policies.json", managed)
        loaded = load(pair)
    values = loaded.values
    assert 2 <= values.idle_lock_minutes <= 30
    assert values.portal_url is None or values.portal_url.startswith("https://")
    if isinstance(managed, str):
        assert not values.allow_export and not values.allow_print
        assert values.idle_lock_minutes == 2
        return
    for key in ("allow_export", "allow_print"):
        if key in managed:
            assert getattr(values, key) is (managed[key] is True)
    if "idle_lock_minutes" in managed:
        raw = managed["idle_lock_minutes"]
        ok = isinstance(raw, int) and not isinstance(raw, bool) and 2 <= raw <= 30
        assert values.idle_lock_minutes <= (raw if ok else 2)  # type: ignore[operator]
    if "portal_url" in managed:
        assert values.portal_url == (PORTAL if managed["portal_url"] == PORTAL else None)


@pytest.mark.parametrize("note", ["Account, 1970-05-17", "Doe-Jane", "Ann\n", "x" * 201, "é"])
def test_unsaved_note_holds_screen_names_only(dirs: tuple[Path, Path], note: str) -> None:
    """The note the OS's end of a session leaves can never carry typed data (issue 14)."""
    with pytest.raises(config.SettingsError):
        config.save_user_settings(dirs[0], {"unsaved_note": note})
    config.save_user_settings(dirs[0], {"unsaved_note": "Account, Claims"})
    assert config.load_settings(config_dir=dirs[0]).values.unsaved_note == "Account, Claims"
