"""One journal file on disk: appended to record by record, handed to the operating system at
once (a killed app loses nothing written), and forced to the disk shortly after (a power cut
loses at most the last moment)."""

from __future__ import annotations

import contextlib
import os
import threading
from pathlib import Path

from rostereditor.core.recovery.process_lock import PRIVATE_FILE, ProcessLock

# How long written records may wait before they are forced to the disk.
SYNC_DELAY_SECONDS = 0.5
JOURNAL_SUFFIX = ".journal"
LOCK_SUFFIX = ".lock"


def lock_path(journal: Path) -> Path:
    return journal.with_suffix(LOCK_SUFFIX)


class JournalFile:
    """An open journal, locked by this process for as long as it is open."""

    def __init__(self, path: Path, fd: int, lock: ProcessLock) -> None:
        self.path = path
        self._fd: int | None = fd
        self._lock = lock
        self._guard = threading.Lock()
        self._timer: threading.Timer | None = None
        self._dirty = False

    @classmethod
    def create(cls, path: Path) -> JournalFile:
        """A new, empty journal at `path` (which must not exist), readable by its owner only."""
        lock = ProcessLock.try_acquire(lock_path(path))
        if lock is None:
            raise FileExistsError(f"{path} is in use")
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_APPEND | getattr(os, "O_BINARY", 0)
            fd = os.open(path, flags, PRIVATE_FILE)
        except OSError:
            lock.release(remove=True)
            raise
        return cls(path, fd, lock)

    @classmethod
    def take_over(cls, path: Path, lock: ProcessLock, valid_end: int) -> JournalFile:
        """Go on writing a journal left by an app that stopped, after its last good record."""
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_BINARY", 0))
        try:
            os.ftruncate(fd, valid_end)  # a torn last record goes: new records follow good ones
            os.close(fd)
            fd = os.open(path, os.O_WRONLY | os.O_APPEND | getattr(os, "O_BINARY", 0))
        except OSError:
            os.close(fd)
            raise
        return cls(path, fd, lock)

    def append(self, data: bytes, *, sync: bool = False) -> None:
        with self._guard:
            fd = self._fd
            if fd is None:
                raise ValueError("the journal is closed")
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            self._dirty = True
            if sync:
                self._sync_locked()
            elif self._timer is None:
                self._timer = threading.Timer(SYNC_DELAY_SECONDS, self.sync)
                self._timer.daemon = True
                self._timer.start()

    def sync(self) -> None:
        with self._guard:
            self._timer = None
            self._sync_locked()

    def _sync_locked(self) -> None:
        if self._fd is not None and self._dirty:
            os.fsync(self._fd)
            self._dirty = False

    def close(self, *, delete: bool) -> None:
        """Stop writing; with delete, the journal goes (a save or a clean close)."""
        with self._guard:
            timer, self._timer = self._timer, None
            fd, self._fd = self._fd, None
        if timer is not None:
            timer.cancel()
        if fd is not None:
            if not delete and self._dirty:
                os.fsync(fd)
            os.close(fd)
        if delete:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
        self._lock.release(remove=delete)
