"""The per-user folder journals live in, and finding the journals of apps that stopped without
closing (a journal whose lock no running app holds)."""

from __future__ import annotations

import contextlib
import os
import secrets
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from rostereditor.core.recovery.journal_file import JOURNAL_SUFFIX, LOCK_SUFFIX, lock_path
from rostereditor.core.recovery.journal_records import (
    JOURNAL_FORMAT,
    JournalContents,
    decode_records,
)
from rostereditor.core.recovery.process_lock import ProcessLock
from rostereditor.core.recovery.source_base import SourceBase

APP_DIR_NAME = "RosterEditor"
# Tests and support staff can point it somewhere else without touching the user's profile
# (the same variable as the rest of the app's per-user data).
DATA_DIR_ENV = "ROSTEREDITOR_DATA_DIR"
RECOVERY_FOLDER_NAME = "recovery"
# A lock file without its journal is left over once this old (younger: a journal being created).
LONE_LOCK_SECONDS = 60


def default_recovery_folder(platform: str | None = None, env: Mapping[str, str] | None = None,
                            home: Path | None = None) -> Path:
    """This user's recovery folder, in the app's per-user data folder (never a synced one).

    Windows: %LOCALAPPDATA%\\RosterEditor\\recovery; macOS: ~/Library/Application Support/
    RosterEditor/recovery; others: $XDG_DATA_HOME (~/.local/share)/rostereditor/recovery.
    """
    platform = sys.platform if platform is None else platform
    env = os.environ if env is None else env
    home = Path.home() if home is None else home
    override = env.get(DATA_DIR_ENV)
    if override:
        base = Path(override)
    elif platform == "win32":
        base = Path(env.get("LOCALAPPDATA") or str(home / "AppData" / "Local")) / APP_DIR_NAME
    elif platform == "darwin":
        base = home / "Library" / "Application Support" / APP_DIR_NAME
    else:
        base = Path(env.get("XDG_DATA_HOME") or str(home / ".local" / "share")) / APP_DIR_NAME.lower()
    return base / RECOVERY_FOLDER_NAME


def prepare_folder(folder: Path) -> Path:
    """Create the folder for this user alone (others may not even list it)."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if sys.platform != "win32":
        os.chmod(folder, 0o700)  # an existing folder too: it holds student edits
    return folder


def new_journal_path(folder: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return folder / f"edits-{stamp}-{os.getpid()}-{secrets.token_hex(3)}{JOURNAL_SUFFIX}"


@dataclass
class LeftJournal:
    """The journal of an app that stopped without closing; this process holds its lock until
    it is released, taken over (recovery goes on writing it) or discarded."""

    path: Path
    lock: ProcessLock
    contents: JournalContents
    modified: float  # when its last record was written (seconds since the epoch)

    @property
    def base(self) -> SourceBase | None:
        """What the edits apply to; None for a journal this version cannot read."""
        header = self.contents.header
        if header is None or header.get("format") != JOURNAL_FORMAT:
            return None
        try:
            return SourceBase.from_json(header["base"])
        except (KeyError, TypeError, ValueError):
            return None

    @property
    def has_edits(self) -> bool:
        return any(r.get("k") in ("do", "undo", "redo") for r in self.contents.records)

    def release(self) -> None:
        """Leave it for another time."""
        self.lock.release()

    def discard(self) -> None:
        """Delete it: the user does not want these edits."""
        with contextlib.suppress(FileNotFoundError):
            self.path.unlink()
        self.lock.release(remove=True)


def find_left_journals(folder: Path) -> list[LeftJournal]:
    """Every journal in the folder that no running app holds, newest first. Journals with no
    edit in them (the app stopped right after starting one) are deleted on the way."""
    if not folder.is_dir():
        return []
    found: list[LeftJournal] = []
    for path in sorted(folder.glob("*" + JOURNAL_SUFFIX)):
        lock = ProcessLock.try_acquire(lock_path(path))
        if lock is None:
            continue  # another RosterEditor is writing it right now
        try:
            data = path.read_bytes()
            modified = path.stat().st_mtime
        except OSError:
            lock.release()
            continue
        journal = LeftJournal(path, lock, decode_records(data), modified)
        if not journal.has_edits and not journal.contents.unreadable:
            journal.discard()
            continue
        found.append(journal)
    _remove_lone_locks(folder)
    return sorted(found, key=lambda j: j.modified, reverse=True)


def _remove_lone_locks(folder: Path) -> None:
    for path in folder.glob("*" + LOCK_SUFFIX):
        try:
            if path.with_suffix(JOURNAL_SUFFIX).exists() or \
                    time.time() - path.stat().st_mtime < LONE_LOCK_SECONDS:
                continue
        except OSError:
            continue
        lock = ProcessLock.try_acquire(path)
        if lock is not None:
            lock.release(remove=True)
