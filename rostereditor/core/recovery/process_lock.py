"""A lock one running app holds on its journal: the operating system drops it when the process
dies however it dies, so a journal nobody holds is one whose app stopped without closing."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

# Owner read/write only: the lock names nothing, but it sits beside student edits.
PRIVATE_FILE = 0o600


class ProcessLock:
    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @classmethod
    def try_acquire(cls, path: Path) -> ProcessLock | None:
        """Take the lock at `path` (creating the file); None if another process holds it."""
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), PRIVATE_FILE)
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            return None
        return cls(path, fd)

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self, *, remove: bool = False) -> None:
        """Let go (and delete the lock file, when its journal is gone)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if remove and sys.platform != "win32":
            # Removed while still held, so no other process can take a lock on a dead file.
            _unlink(self.path)
        try:
            _unlock(fd)
        finally:
            os.close(fd)
        if remove and sys.platform == "win32":
            _unlink(self.path)


def _unlink(path: Path) -> None:
    # Another app took it over, or it is gone already: either is fine.
    with contextlib.suppress(OSError):
        path.unlink()


if sys.platform == "win32":
    import msvcrt

    def _lock(fd: int) -> None:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
