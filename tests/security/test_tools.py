"""The security tests' own tools find what they look for (a scan that cannot fail proves nothing)."""

from __future__ import annotations

import base64
import socket
import threading

import pytest

from tests.security.leakscan import (
    ConnectionRecorder,
    _proc_address,
    compile_needles,
    own_inet_peers,
    scan_bytes,
    scan_tree,
    tin_forms,
)

TOKEN = "tok_Sentinel.abcDEF123-456_xyz"
NAME = "Sentinelbrook"


@pytest.mark.parametrize("encode", [
    lambda s: s.encode("utf-8"),
    lambda s: s.encode("utf-16-le"),
    lambda s: s.encode("utf-16-be"),
    lambda s: s.upper().encode("utf-8"),
    lambda s: base64.b64encode(s.encode()),
    lambda s: base64.b64encode(b"x" + s.encode()),
    lambda s: base64.urlsafe_b64encode(b"xy" + s.encode() + b"tail"),
    lambda s: s.encode().hex().encode(),
])
def test_a_sentinel_is_found_in_every_encoding(tmp_path, encode):
    compiled = compile_needles({"token": [TOKEN]})
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / ".hidden").write_bytes(b"\x00junk" + encode(TOKEN) + b"more\xff")
    result = scan_tree([tmp_path], compiled)
    assert [f.sentinel for f in result.findings] == ["token"]
    assert result.files == 1


def test_file_names_are_scanned_and_excluded_files_are_not(tmp_path):
    compiled = compile_needles({"name": [NAME]})
    (tmp_path / f"{NAME}.csv").write_text("x")
    export = tmp_path / "export.csv"
    export.write_text(NAME)
    result = scan_tree([tmp_path], compiled, exclude=[export])
    assert len(result.findings) == 1 and result.findings[0].where.startswith("file name")


def test_clean_files_give_no_findings(tmp_path):
    (tmp_path / "settings.json").write_text('{"last_seen_policy_version": "2031-01-01"}')
    assert scan_tree([tmp_path], compile_needles({"name": [NAME]})).findings == []


def test_tin_forms_cover_digits_ein_and_ssn_layouts():
    compiled = compile_needles({"tin": tin_forms("12-3456789")})
    for text in ("123456789", "12-3456789", "123-45-6789"):
        assert scan_bytes(f"a {text} b".encode(), compiled) == {"tin"}
    assert scan_bytes(b"***-**-6789", compiled) == set()


def test_recorder_sees_python_connections_on_any_thread_and_proc_sockets():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    recorder = ConnectionRecorder()
    held: list[socket.socket] = []
    with recorder.active():
        def connect() -> None:
            held.append(socket.create_connection(("127.0.0.1", port), timeout=5))

        thread = threading.Thread(target=connect)
        thread.start()
        thread.join()
        recorder.sample()
    accepted, _addr = server.accept()
    try:
        how = {(c.family, c.address, c.how) for c in recorder.seen}
        assert ("inet", f"127.0.0.1:{port}", "python") in how
        assert ("lookup", f"127.0.0.1:{port}", "python") in how
        assert ("inet", f"127.0.0.1:{port}", "proc") in how
        assert f"127.0.0.1:{port}" in own_inet_peers()
    finally:
        for s in (*held, accepted, server):
            s.close()


def test_proc_addresses_decode():
    assert _proc_address("0100007F:1F90") == "127.0.0.1:8080"
    assert _proc_address("00000000000000000000000001000000:0050") == "[::1]:80"
    assert _proc_address("0000000000000000FFFF00000100007F:0050") == "127.0.0.1:80"
