"""A screen reader's view of a running program: an X display, a D-Bus session, AT-SPI.

`Desktop` starts what a Linux desktop gives a screen reader: Xvfb, a private session
bus (`dbus-daemon --session`, so the test does not depend on the caller's bus), and
through it the accessibility bus (`at-spi-bus-launcher`, activated by asking the
session bus for `org.a11y.Bus.GetAddress`, exactly as Orca and Qt do) with the
registry daemon. `Reader` then reads the tree over D-Bus with jeepney (pure Python;
PyGObject is not in the venv): the registry's desktop object, its applications, and
each object's role, name, description and states, and it can press buttons and type
into fields through the Action and EditableText interfaces, as a screen reader's
user would.

Needs (Debian): xvfb, dbus-daemon, at-spi2-core; `.ci/system-deps.sh test` installs them.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jeepney import DBusAddress, MessageType, Properties, new_method_call
from jeepney.io.blocking import DBusConnection, open_dbus_connection

REGISTRY = "org.a11y.atspi.Registry"
ROOT_PATH = "/org/a11y/atspi/accessible/root"
ACCESSIBLE = "org.a11y.atspi.Accessible"
#: AT-SPI state bits (atspi-constants.h): what a screen reader calls "on screen".
STATE_SHOWING = 25
STATE_VISIBLE = 30
#: AT-SPI relation type (atspi-constants.h): this object is labelled by the targets.
RELATION_LABELLED_BY = 2
BUS_LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")


class AtspiError(RuntimeError):
    """The desktop or the tree could not be read; the message says what is missing."""


def require(tool: str) -> str:
    found = shutil.which(tool)
    if not found:
        raise AtspiError(f"{tool} not found: run `bash .ci/system-deps.sh test`")
    return found


@dataclass
class Desktop:
    """Xvfb + a private session bus; `env` is what a program started on it needs."""

    width: int = 1366
    height: int = 768
    env: dict[str, str] = field(default_factory=dict)
    _processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start(self) -> Desktop:
        if not any(Path(p).exists() for p in BUS_LAUNCHERS):
            raise AtspiError("at-spi-bus-launcher not found: run `bash .ci/system-deps.sh test`")
        read_fd, write_fd = os.pipe()
        xvfb = subprocess.Popen(
            [require("Xvfb"), "-displayfd", str(write_fd), "-screen", "0",
             f"{self.width}x{self.height}x24", "-nolisten", "tcp", "-noreset"],
            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self._processes.append(xvfb)
        os.close(write_fd)
        with os.fdopen(read_fd) as pipe:
            display = pipe.readline().strip()
        if not display:
            raise AtspiError("Xvfb did not start")
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("DBUS_", "AT_SPI", "WAYLAND"))}
        env.update(DISPLAY=f":{display}", QT_QPA_PLATFORM="xcb",
                   QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_ACCESSIBILITY="1",
                   NO_AT_BRIDGE="0")
        bus = subprocess.Popen(
            [require("dbus-daemon"), "--session", "--nofork", "--print-address=1"],
            stdout=subprocess.PIPE, env=env)
        self._processes.append(bus)
        assert bus.stdout is not None
        address = bus.stdout.readline().decode().strip()
        if not address:
            raise AtspiError("dbus-daemon did not print its address")
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        self.env = env
        return self

    def stop(self) -> None:
        for proc in reversed(self._processes):
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(timeout=5)
        self._processes.clear()


@dataclass
class Node:
    """One accessible object as a screen reader hears it."""

    bus: str
    path: str
    role: str
    name: str
    description: str
    states: frozenset[int]

    @property
    def showing(self) -> bool:
        return STATE_SHOWING in self.states

    def __str__(self) -> str:
        shown = "" if self.showing else " (not showing)"
        return f"{self.role} {self.name!r} [{self.description!r}]{shown}"


class Reader:
    """The AT-SPI tree over D-Bus: connects to the accessibility bus of `session_address`."""

    def __init__(self, session_address: str, timeout_s: float = 30.0) -> None:
        self._session = open_dbus_connection(bus=session_address)
        address = self._a11y_address(timeout_s)
        self._a11y: DBusConnection = open_dbus_connection(bus=address)

    def close(self) -> None:
        self._a11y.close()
        self._session.close()

    def _a11y_address(self, timeout_s: float) -> str:
        bus = DBusAddress("/org/a11y/bus", bus_name="org.a11y.Bus", interface="org.a11y.Bus")
        deadline = time.monotonic() + timeout_s
        while True:
            reply = self._session.send_and_get_reply(new_method_call(bus, "GetAddress"),
                                                     timeout=timeout_s)
            if reply.header.message_type != MessageType.error and reply.body[0]:
                return str(reply.body[0])
            if time.monotonic() > deadline:
                raise AtspiError(f"org.a11y.Bus.GetAddress failed: {reply.body}")
            time.sleep(0.2)

    def _call(self, bus: str, path: str, interface: str, method: str,
              signature: str | None = None, body: tuple[Any, ...] = ()) -> tuple[Any, ...]:
        address = DBusAddress(path, bus_name=bus, interface=interface)
        reply = self._a11y.send_and_get_reply(new_method_call(address, method, signature, body),
                                              timeout=10)
        if reply.header.message_type == MessageType.error:
            raise AtspiError(f"{interface}.{method} on {path}: {reply.body}")
        return tuple(reply.body)

    def _property(self, bus: str, path: str, name: str) -> Any:
        address = DBusAddress(path, bus_name=bus, interface=ACCESSIBLE)
        reply = self._a11y.send_and_get_reply(Properties(address).get(name), timeout=10)
        if reply.header.message_type == MessageType.error:
            raise AtspiError(f"property {name} of {path}: {reply.body}")
        return reply.body[0][1]

    def node(self, bus: str, path: str) -> Node:
        role = self._call(bus, path, ACCESSIBLE, "GetRoleName")[0]
        low, high = self._call(bus, path, ACCESSIBLE, "GetState")[0]
        bits = low | (high << 32)
        states = frozenset(i for i in range(64) if bits & (1 << i))
        return Node(bus, path, str(role), str(self._property(bus, path, "Name")),
                    str(self._property(bus, path, "Description")), states)

    def children(self, node: Node) -> list[Node]:
        refs = self._call(node.bus, node.path, ACCESSIBLE, "GetChildren")[0]
        return [self.node(bus, path) for bus, path in refs if path != "/org/a11y/atspi/null"]

    def applications(self) -> list[Node]:
        return self.children(self.node(REGISTRY, ROOT_PATH))

    def application(self, name: str, timeout_s: float = 60.0) -> Node:
        """The application registered under `name`, once it is there."""
        deadline = time.monotonic() + timeout_s
        while True:
            apps = self.applications()
            for app in apps:
                if app.name == name:
                    return app
            if time.monotonic() > deadline:
                raise AtspiError(f"no application {name!r} on the accessibility bus; "
                                 f"there are {[a.name for a in apps]}")
            time.sleep(0.5)

    def walk(self, root: Node, limit: int = 3000) -> Iterator[Node]:
        """Every object under `root`, depth first (tables' cells included), at most `limit`."""
        todo = [root]
        seen = 0
        while todo and seen < limit:
            node = todo.pop()
            seen += 1
            yield node
            try:
                todo.extend(reversed(self.children(node)))
            except AtspiError:
                continue  # gone while we read it (a widget deleted): skip its subtree

    def find(self, root: Node, match: Callable[[Node], bool], what: str,
             timeout_s: float = 30.0) -> Node:
        """The first object under `root` for which `match` holds, waiting for it."""
        deadline = time.monotonic() + timeout_s
        while True:
            nodes = list(self.walk(root))
            for node in nodes:
                if match(node):
                    return node
            if time.monotonic() > deadline:
                heard = "\n  ".join(str(n) for n in nodes if n.showing)
                raise AssertionError(f"a screen reader finds no {what}; it hears:\n  {heard}")
            time.sleep(0.5)

    def press(self, node: Node) -> None:
        """The button's first action (Press), as a screen reader's user activates it."""
        self._call(node.bus, node.path, "org.a11y.atspi.Action", "DoAction", "i", (0,))

    def labelled_by(self, node: Node) -> list[Node]:
        """The labels a reader says with this object (its LABELLED_BY relation)."""
        relations = self._call(node.bus, node.path, ACCESSIBLE, "GetRelationSet")[0]
        return [self.node(bus, path) for kind, targets in relations
                if kind == RELATION_LABELLED_BY for bus, path in targets]

    def text_of(self, node: Node) -> str:
        """What the reader would read out of a text object (Text.GetText, all of it)."""
        return str(self._call(node.bus, node.path, "org.a11y.atspi.Text", "GetText", "ii",
                              (0, -1))[0])

    def type_into(self, node: Node, text: str) -> None:
        self._call(node.bus, node.path, "org.a11y.atspi.EditableText", "SetTextContents",
                   "s", (text,))
