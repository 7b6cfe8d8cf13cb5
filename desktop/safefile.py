"""Owner-only, all-or-nothing files for exports that hold patient information.

Opening the target with `O_CREAT | O_TRUNC, 0o600` only sets the mode of a *new* file: an
existing 0644 file keeps 0644, and a crash halfway leaves half a file. So the content goes
to a temporary file created 0600 in the target's own folder (same file system, so the
rename is atomic), is flushed and fsynced, and is then renamed over the target. The target
is therefore either the old file untouched or the complete new one, always 0600.

Failures become `ExportError`, whose message says what the clerk can do (another folder,
free space) and never contains the path: a folder or file name may hold a patient's name.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

OWNER_ONLY = 0o600
PREFIX = ".claims-desktop-"
_READ_ONLY = {errno.EACCES, errno.EPERM, errno.EROFS}
_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}


class ExportError(OSError):
    """A file that could not be written, with a message that is safe and useful to show."""

    def __init__(self, user_message: str, cause_errno: int | None = None) -> None:
        super().__init__(cause_errno or errno.EIO, user_message)
        self.user_message = user_message


def explain(exc: OSError) -> ExportError:
    """The clerk's words for an OS failure (no path, no OS text that may quote one)."""
    if isinstance(exc, ExportError):
        return exc
    if exc.errno in _READ_ONLY:
        return ExportError("This folder cannot be written to. Choose another folder, "
                           "such as your Documents folder.", exc.errno)
    if exc.errno in _FULL:
        return ExportError("The disk is full. Free some space or choose another drive.",
                           exc.errno)
    if exc.errno == errno.ENOENT:
        return ExportError("This folder does not exist any more. Choose another folder.",
                           exc.errno)
    return ExportError("The file could not be written. Choose another folder or try "
                       "again.", exc.errno)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles for it."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def open_anonymous(folder: Path) -> int | None:
    """An unnamed 0600 file in `folder` (Linux `O_TMPFILE`), or None where unsupported."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not Path("/proc/self/fd").is_dir():
        return None
    try:
        return os.open(folder, flag | os.O_RDWR, OWNER_ONLY)
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
            return None  # the file system cannot: fall back to a named temp file
        raise


class _Temp:
    """The temporary file beside the target: created 0600, committed or removed once.

    On Linux it is an unnamed `O_TMPFILE` inode, so even SIGKILL or a power cut mid-write
    leaves nothing behind; it gets a name only when complete and fsynced. Elsewhere (or
    on a file system without `O_TMPFILE`) it is a hidden `mkstemp` file, removed on
    failure.
    """

    def __init__(self, target: Path) -> None:
        self.target = target
        self.named: Path | None = None
        self.fd: int | None = None
        try:
            self.fd = open_anonymous(target.parent)
            if self.fd is None:
                # mkstemp creates the file O_EXCL with mode 0600.
                fd, name = tempfile.mkstemp(prefix=PREFIX, suffix=".part", dir=target.parent)
                self.fd, self.named = fd, Path(name)
            if os.name == "posix":
                os.fchmod(self.fd, OWNER_ONLY)
        except OSError as exc:
            self.discard()
            raise explain(exc) from None

    @property
    def path(self) -> Path:
        """A name a writer that wants one (Qt's PDF printer) can open."""
        if self.named is not None:
            return self.named
        assert self.fd is not None
        return Path(f"/proc/self/fd/{self.fd}")

    def size(self) -> int:
        assert self.fd is not None
        return os.fstat(self.fd).st_size if self.named is None else self.named.stat().st_size

    def close(self) -> None:
        fd, self.fd = self.fd, None
        if fd is not None:
            os.close(fd)

    def commit(self) -> None:
        assert self.fd is not None
        if self.named is not None:
            # A writer that only takes a name may have replaced the file: sync that one.
            self.close()
            self.fd = os.open(self.named, os.O_RDWR | getattr(os, "O_BINARY", 0))
            if os.name == "posix":
                os.fchmod(self.fd, OWNER_ONLY)
        os.fsync(self.fd)
        if self.named is None:
            name = self.target.parent / f"{PREFIX}{secrets.token_hex(8)}.part"
            # linkat(AT_SYMLINK_FOLLOW) on /proc/self/fd/N names the unnamed inode; a
            # src_dir_fd makes Python call linkat rather than link (which never follows).
            proc = os.open("/proc/self/fd", os.O_RDONLY)
            try:
                os.link(str(self.fd), name, src_dir_fd=proc, follow_symlinks=True)
            finally:
                os.close(proc)
            self.named = name
        self.close()
        os.replace(self.named, self.target)
        self.named = None
        _fsync_folder(self.target.parent)

    def discard(self) -> None:
        with contextlib.suppress(OSError):
            self.close()
        if self.named is not None:
            with contextlib.suppress(OSError):
                self.named.unlink()  # no half-written file with patient data left behind


@contextlib.contextmanager
def replace_text(path: str | os.PathLike[str], encoding: str,
                 newline: str = "") -> Iterator[IO[str]]:
    """Write text to `path` all-or-nothing and owner-only (see the module docstring)."""
    temp = _Temp(Path(path))
    try:
        assert temp.fd is not None
        with os.fdopen(os.dup(temp.fd), "w", encoding=encoding, newline=newline) as fh:
            yield fh
            fh.flush()
        temp.commit()
    except BaseException as exc:
        temp.discard()
        if isinstance(exc, OSError):
            raise explain(exc) from None
        raise


def replace_by_writer(path: str | os.PathLike[str], write: Callable[[Path], None]) -> None:
    """Let `write` (e.g. Qt's PDF printer, which wants a file name) fill a temporary file
    beside `path`, then commit it like `replace_text`; an empty result is a failure."""
    temp = _Temp(Path(path))
    try:
        write(temp.path)
        if temp.size() == 0:
            raise ExportError("The file could not be written. Choose another folder or "
                              "try again.")
        temp.commit()
    except BaseException as exc:
        temp.discard()
        if isinstance(exc, OSError):
            raise explain(exc) from None
        raise
