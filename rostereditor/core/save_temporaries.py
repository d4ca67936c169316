"""Names of the temporary files and folders a save makes, and the removal of ones a killed save left.

Every temporary carries the id of the process that made it, so a later save or open can tell
litter from a save still in progress: only temporaries whose process has gone are removed.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import shutil
import sys
import time
from pathlib import Path

_TAG = "rostereditor"
# .users.csv.rostereditor-1234-9f3a0c1d.tmp (a file) or .rostereditor-save-1234-9f3a0c1d (a folder)
_OURS = re.compile(rf"^\.(?P<name>.+)\.{_TAG}-(?P<pid>\d+)-[0-9a-f]{{8}}\.tmp$")
_OUR_STAGES = re.compile(rf"^\.{_TAG}-save-(?P<pid>\d+)-[0-9a-f]{{8}}$")
# Saves before this naming used tempfile.mkstemp: .users.csv.k2j4_x9a.tmp
_LEGACY = re.compile(r"^\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp$")
# A legacy temporary has no process id; one this old cannot belong to a save still running.
_LEGACY_AGE_SECONDS = 3600


def temporary_path(folder: Path, name: str) -> Path:
    """A new, unused temporary file name in folder for a file that will become `name`."""
    return folder / f".{name}.{_TAG}-{os.getpid()}-{secrets.token_hex(4)}.tmp"


def staging_folder_path(folder: Path) -> Path:
    """A new, unused folder name inside folder where a folder save writes its files first."""
    return folder / f".{_TAG}-save-{os.getpid()}-{secrets.token_hex(4)}"


def hide_on_windows(path: Path) -> None:
    """Give a temporary Windows' hidden attribute (the leading dot hides it elsewhere)."""
    if sys.platform != "win32":
        return
    import ctypes  # noqa: PLC0415 - Windows only

    file_attribute_hidden = 0x2
    ctypes.windll.kernel32.SetFileAttributesW(str(path), file_attribute_hidden)  # type: ignore[attr-defined,unused-ignore]


def is_staging_folder_name(name: str) -> bool:
    return _OUR_STAGES.match(name) is not None


def remove_stale_temporaries(folder: Path, names: set[str] | None = None) -> int:
    """Delete temporaries a killed save left in folder; returns how many were removed.

    names limits it to temporaries of those files (None: any of ours). Staging folders of
    folder saves are removed too, unless an unfinished save record still needs them; the caller
    finishes such a save first.
    """
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not entry.name.startswith("."):
            continue
        if _is_stale_file(entry, names):
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)  # a backup folder being built
                removed += not os.path.exists(entry.path)
                continue
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed += 1
        elif names is None and _is_stale_stage(entry):
            shutil.rmtree(entry.path, ignore_errors=True)
            removed += not os.path.exists(entry.path)
    return removed


def _is_stale_file(entry: os.DirEntry[str], names: set[str] | None) -> bool:
    ours = _OURS.match(entry.name)
    if ours is not None:
        return (names is None or ours["name"] in names) and not process_is_running(int(ours["pid"]))
    legacy = _LEGACY.match(entry.name)
    if legacy is None or (names is not None and legacy["name"] not in names):
        return False
    try:
        return entry.is_file() and time.time() - entry.stat().st_mtime > _LEGACY_AGE_SECONDS
    except OSError:
        return False


def _is_stale_stage(entry: os.DirEntry[str]) -> bool:
    match = _OUR_STAGES.match(entry.name)
    return match is not None and entry.is_dir() and not process_is_running(int(match["pid"]))


def process_is_running(pid: int) -> bool:
    """Whether a process with this id exists on this computer (ours always does)."""
    if pid == os.getpid():
        return True
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_process_is_running(pid)
    try:
        os.kill(pid, 0)  # signal 0 only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists but belongs to another user
    except OSError:
        return False
    return True


def _windows_process_is_running(pid: int) -> bool:
    # os.kill on Windows would terminate the process, so ask the kernel instead.
    import ctypes  # noqa: PLC0415 - Windows only

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    query_limited_information, still_active = 0x1000, 259
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
