"""`serve`: prepare the data folder, bind the socket, run uvicorn over TLS, print the ready line.

The socket is bound here rather than by uvicorn so that `--port 0` works and the real port
is known for the ready line. The ready line is printed only once uvicorn reports that it is
listening, so a test that reads it can connect immediately.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
import socket
import ssl
import sys
from collections.abc import Generator
from dataclasses import asdict
from pathlib import Path
from types import FrameType

import uvicorn

from sandbox import db, seed, seed_worklist
from sandbox.deps import Portal, Settings
from sandbox.tls import ensure_tls

log = logging.getLogger("sandbox")


def configure_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)


def prepare_data(data_dir: Path, claims: int, seed_value: int) -> Path:
    """Create and seed the database on first start; reuse it afterwards.

    Seeding writes to a side file that is renamed into place only when complete, so a
    server killed halfway through seeding never leaves a half-seeded database behind.
    """
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = db.db_path(data_dir)
    if path.exists():
        conn = db.connect(path)
        try:
            db.migrate(conn)
            # Searches name their indexes (INDEXED BY); make sure a folder seeded by an
            # older sandbox has every one of them.
            for statement in db.CLAIM_INDEXES:
                conn.execute(statement)
            seed_worklist.ensure(conn)
            stored = db.get_meta(conn, "claims")
            if stored is not None and int(stored) != claims:
                log.info("data folder already seeded with %s claims; --claims %d ignored",
                         stored, claims)
        finally:
            conn.close()
        return path
    side = path.with_name(path.name + ".seeding")
    for leftover in (side, Path(f"{side}-wal"), Path(f"{side}-shm")):
        leftover.unlink(missing_ok=True)
    conn = db.connect(side)
    try:
        db.migrate(conn)
        log.info("seeding a new sandbox (%d claims, seed %d)", claims, seed_value)
        seed.seed(conn, claims, seed_value)
        seed_worklist.ensure(conn)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{side}{suffix}").unlink(missing_ok=True)
    os.replace(side, path)
    # Password and token hashes live here: owner-only, like the keys. SQLite gives the
    # -wal and -shm files the database file's permissions.
    os.chmod(path, 0o600)
    return path


class _Server(uvicorn.Server):
    """uvicorn re-raises SIGTERM after a graceful stop, which would make the exit status
    -15; a clean stop on SIGTERM/SIGINT must exit 0."""

    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        def stop(_sig: int, _frame: FrameType | None) -> None:
            self.should_exit = True

        previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


def _bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # Without this, delayed ACKs add ~40 ms to every answer on a kept-alive connection
    # (accepted sockets inherit the option on Linux).
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.setblocking(False)
    return sock


def serve(
    host: str, port: int, data_dir: Path, claims: int, seed_value: int, settings: Settings
) -> int:
    configure_logging()
    data_dir = data_dir.resolve()
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    tls = ensure_tls(data_dir)
    path = prepare_data(data_dir, claims, seed_value)
    conn = db.connect(path)
    try:
        users = seed.demo_users(conn)
        secret = bytes.fromhex(db.get_meta(conn, "cursor_secret") or os.urandom(32).hex())
    finally:
        conn.close()

    from sandbox.app import create_app

    portal = Portal(db.Database(path), settings, secret)
    app = create_app(portal)
    sock = _bind(host, port)
    bound_port = sock.getsockname()[1]
    config = uvicorn.Config(
        app,
        ssl_certfile=str(tls.server_cert),
        ssl_keyfile=str(tls.server_key),
        log_config=None,
        access_log=False,
        lifespan="off",
        server_header=False,
        timeout_graceful_shutdown=2,
    )
    config.load()
    assert config.ssl is not None
    config.ssl.minimum_version = ssl.TLSVersion.TLSv1_2
    server = _Server(config)
    url_host = f"[{host}]" if ":" in host else host
    ready = {
        "url": f"https://{url_host}:{bound_port}/api/v1",
        "ca_bundle": str(tls.ca_cert),
        "demo_users": [asdict(u) for u in users],
    }

    async def run() -> None:
        task = asyncio.create_task(server.serve(sockets=[sock]))
        while not server.started and not task.done():
            await asyncio.sleep(0.02)
        if server.started:
            sys.stdout.write(json.dumps(ready) + "\n")
            sys.stdout.flush()
            log.info("listening on port %d", bound_port)
        await task

    asyncio.run(run())
    log.info("stopped")
    return 0
