"""Tools of the security tests: sentinel needles, the file scan, the connection recorder.

Kept apart from the tests so that each tool has its own test showing it can
find what it looks for (tests/security/test_tools.py): a scan that cannot
fail proves nothing.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
import socket
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# --- needles ---------------------------------------------------------------------------------


def _b64_fragments(value: bytes) -> set[bytes]:
    """The base64 text that `value` turns into at each of the three byte alignments.

    A sentinel inside a larger encoded blob starts at any offset; only the groups
    made of its own bytes alone are fixed, so those are what is searched for.
    """
    out: set[bytes] = set()
    for pad in range(3):
        for encode in (base64.b64encode, base64.urlsafe_b64encode):
            full = encode(b"\x00" * pad + value)
            first = -(-pad // 3)  # the first group made only of `value` bytes
            last = (pad + len(value)) // 3  # one past the last such group
            fragment = full[4 * first:4 * last]
            if len(fragment) >= 8:
                out.add(fragment)
    return out


def needles(value: str, *, base64_too: bool = True) -> set[bytes]:
    """Every byte string `value` could have been written as by the app or its libraries."""
    texts = {value, value.lower(), value.upper(), value.casefold()}
    out: set[bytes] = set()
    for text in texts:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be", "utf-32-le"):
            out.add(text.encode(encoding))
    raw = value.encode("utf-8")
    if base64_too:
        out |= _b64_fragments(raw)
    out.add(binascii.hexlify(raw))
    out.add(binascii.hexlify(raw).upper())
    return out


def tin_forms(tin: str) -> list[str]:
    """A TIN as digits, as an EIN (12-3456789) and as an SSN (123-45-6789)."""
    digits = re.sub(r"\D", "", tin)
    return [digits, f"{digits[:2]}-{digits[2:]}", f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"]


@dataclass(frozen=True)
class Finding:
    where: str  # a path (or "log", "file name")
    sentinel: str  # the sentinel's label, never its value

    def __str__(self) -> str:
        return f"{self.sentinel} in {self.where}"


@dataclass
class ScanResult:
    files: int = 0
    bytes: int = 0
    findings: list[Finding] = field(default_factory=list)
    names: list[str] = field(default_factory=list)


def compile_needles(sentinels: Mapping[str, Iterable[str]]) -> dict[str, set[bytes]]:
    """label -> needles, from label -> the sentinel's textual forms."""
    return {label: set().union(*(needles(v) for v in values))
            for label, values in sentinels.items()}


def scan_bytes(data: bytes, compiled: Mapping[str, set[bytes]]) -> set[str]:
    lowered = data.lower()
    hits: set[str] = set()
    for label, forms in compiled.items():
        if any(n in data or n.lower() in lowered for n in forms):
            hits.add(label)
    return hits


def scan_tree(roots: Iterable[Path], compiled: Mapping[str, set[bytes]],
              exclude: Iterable[Path] = ()) -> ScanResult:
    """Every regular file under `roots` (hidden ones too), its contents and its name."""
    skip = {p.resolve() for p in exclude}
    result = ScanResult()
    seen: set[Path] = set()
    for root in roots:
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
            for name in dirnames + filenames:
                for label in scan_bytes(name.encode("utf-8", "surrogateescape"), compiled):
                    result.findings.append(Finding(f"file name {dirpath}/…", label))
            for name in filenames:
                path = Path(dirpath, name)
                real = path.resolve()
                if real in seen or real in skip or not path.is_file() or path.is_symlink():
                    continue
                seen.add(real)
                data = path.read_bytes()
                result.files += 1
                result.bytes += len(data)
                result.names.append(str(path.relative_to(root)))
                for label in scan_bytes(data, compiled):
                    result.findings.append(Finding(str(path), label))
    return result


# --- outgoing connections -----------------------------------------------------------------------


@dataclass
class Connection:
    family: str  # "inet", "unix", or "lookup" for a name resolution
    address: str
    thread: str
    how: str  # "python" (socket patch) or "proc" (seen in /proc/self)


class ConnectionRecorder:
    """Records every outgoing connection of this process while it is active.

    Two views: Python's `socket.socket.connect`/`connect_ex` and `getaddrinfo`
    (every thread: requests, urllib3, keyring's D-Bus through jeepney), and a
    sampler of this process's own sockets in /proc (which also sees sockets Qt or
    any C library opens); the test calls `sample()` from a timer and at steps.
    """

    def __init__(self) -> None:
        self.seen: list[Connection] = []
        self._lock = threading.Lock()
        # Sockets the process had before recording began (other tests' keep-alives).
        self._before: set[str] = set()
        self._sampled: set[str] = set()

    def _add(self, family: str, address: str, how: str) -> None:
        with self._lock:
            self.seen.append(Connection(family, address, threading.current_thread().name, how))

    @staticmethod
    def _describe(sock: socket.socket, address: Any) -> tuple[str, str]:
        if sock.family == socket.AF_UNIX:
            raw = address.decode("utf-8", "replace") if isinstance(address, bytes) else address
            return "unix", str(raw)
        if isinstance(address, tuple) and len(address) >= 2:
            host = str(address[0])
            return "inet", f"[{host}]:{address[1]}" if ":" in host else f"{host}:{address[1]}"
        return "inet", repr(address)

    @contextmanager
    def active(self) -> Iterator[ConnectionRecorder]:
        recorder = self
        original_connect = socket.socket.connect
        original_connect_ex = socket.socket.connect_ex
        original_getaddrinfo = socket.getaddrinfo
        self._before = set(own_inet_sockets())

        def connect(sock: socket.socket, address: Any) -> None:
            recorder._add(*recorder._describe(sock, address), "python")
            original_connect(sock, address)

        def connect_ex(sock: socket.socket, address: Any) -> int:
            recorder._add(*recorder._describe(sock, address), "python")
            return original_connect_ex(sock, address)

        def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
            recorder._add("lookup", f"{host}:{port}", "python")
            return original_getaddrinfo(host, port, *args, **kwargs)

        socket.socket.connect = connect  # type: ignore[method-assign,assignment]
        socket.socket.connect_ex = connect_ex  # type: ignore[method-assign,assignment]
        socket.getaddrinfo = getaddrinfo
        try:
            yield self
        finally:
            socket.socket.connect = original_connect  # type: ignore[method-assign]
            socket.socket.connect_ex = original_connect_ex  # type: ignore[method-assign]
            socket.getaddrinfo = original_getaddrinfo
            self.sample()

    def sample(self) -> None:
        for inode, peer in own_inet_sockets().items():
            if inode in self._before or inode in self._sampled:
                continue
            self._sampled.add(inode)
            self._add("inet", peer, "proc")


def _proc_address(hex_addr: str) -> str:
    ip_hex, port_hex = hex_addr.split(":")
    port = int(port_hex, 16)
    raw = bytes.fromhex(ip_hex)
    if len(raw) == 4:
        return f"{socket.inet_ntop(socket.AF_INET, raw[::-1])}:{port}"
    # IPv6: four 32-bit words, each in host (little-endian) order.
    words = b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4))
    host = socket.inet_ntop(socket.AF_INET6, words)
    if host.startswith("::ffff:") and "." in host:
        return f"{host[7:]}:{port}"
    return f"[{host}]:{port}"


def own_inet_peers() -> set[str]:
    """Remote ends of this process's TCP/UDP sockets, from /proc (Linux); empty elsewhere."""
    return set(own_inet_sockets().values())


def own_inet_sockets() -> dict[str, str]:
    """Socket inode -> remote end, for this process's connected TCP/UDP sockets (Linux)."""
    inodes: set[str] = set()
    fd_dir = Path("/proc/self/fd")
    if not fd_dir.is_dir():
        return {}
    for fd in list(fd_dir.iterdir()):
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    peers: dict[str, str] = {}
    for table in ("tcp", "tcp6", "udp", "udp6"):
        path = Path("/proc/self/net", table)
        try:
            lines = path.read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            parts = line.split()
            if len(parts) < 10 or parts[9] not in inodes:
                continue
            remote = _proc_address(parts[2])
            if not remote.endswith(":0"):  # listening or unconnected
                peers[parts[9]] = remote
    return peers


def session_bus_addresses() -> set[str]:
    """The D-Bus session bus's socket addresses, as `connect` would be given them."""
    out: set[str] = set()
    for part in os.environ.get("DBUS_SESSION_BUS_ADDRESS", "").split(";"):
        if not part.startswith("unix:"):
            continue
        for kv in part[5:].split(","):
            key, _eq, value = kv.partition("=")
            if key == "path":
                out.add(value)
            elif key == "abstract":
                out.add("\x00" + value)
    return out


# --- the Secret Service -------------------------------------------------------------------------


def secret_service_items(service: str) -> list[dict[str, str]] | None:
    """Attributes of every Secret Service item of `service`; None without a Secret Service."""
    try:
        import secretstorage

        conn = secretstorage.dbus_init()
    except Exception:  # noqa: BLE001 - no bus, no service: "cannot check"
        return None
    try:
        if not secretstorage.check_service_availability(conn):
            return None
        return [dict(item.get_attributes())
                for item in secretstorage.search_items(conn, {"service": service})]
    finally:
        conn.close()


def secret_service_secrets(origin: str, service: str = "claims-desktop") -> list[str] | None:
    """The secrets the Secret Service holds for `service` and this portal origin; None
    without a Secret Service. Items deleted while reading are skipped."""
    try:
        import secretstorage

        conn = secretstorage.dbus_init()
    except Exception:  # noqa: BLE001 - no bus, no service: "cannot check"
        return None
    try:
        if not secretstorage.check_service_availability(conn):
            return None
        found = []
        for item in secretstorage.search_items(conn, {"service": service}):
            try:
                if origin in item.get_attributes().values():
                    found.append(item.get_secret().decode("utf-8"))
            except secretstorage.exceptions.ItemNotFoundException:
                continue
        return found
    finally:
        conn.close()
