"""Replace a file crash-safely: temp file beside it, fsync, verify, keep a first backup, swap."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from rostereditor.core.errors import RosterEditorError


class SaveError(RosterEditorError):
    """Saving failed; the file that was there before is untouched. The message says why."""


def backup_path(target: Path) -> Path:
    return target.with_name(target.name + ".bak")


def explain_os_error(exc: OSError, target: Path) -> str:
    if exc.errno == errno.ENOSPC:
        return f"The disk is full; {target.name} was not changed. Free some space and save again."
    if getattr(exc, "winerror", None) in (32, 33):
        return (
            f"{target.name} is open in another program (perhaps Excel). Close it there and "
            "save again; the file was not changed."
        )
    if isinstance(exc, PermissionError) or exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return (
            f"No permission to write {target}. Save to another folder (for example Documents); "
            "the file was not changed."
        )
    return f"Could not save {target.name}: {exc.strerror or exc}. The file was not changed."


def atomic_write(
    target: Path,
    write: Callable[[Path], None],
    verify: Callable[[Path], None] | None = None,
    *,
    keep_backup: bool = True,
) -> Path | None:
    """Write target through write(temp_path); returns the backup made, if any.

    The first save over an existing file copies it to `<name>.bak`; later saves leave that
    backup alone so it keeps the file as originally received.
    """
    target = Path(target)
    folder = target.parent
    if not folder.is_dir():
        raise SaveError(f"The folder {folder} does not exist. Choose another place to save.")
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise SaveError(explain_os_error(exc, target)) from exc
    os.close(fd)
    temp = Path(temp_name)
    backup: Path | None = None
    try:
        write(temp)
        _copy_permissions(target, temp)
        with open(temp, "rb+") as handle:
            handle.flush()
            os.fsync(handle.fileno())
        if verify is not None:
            verify(temp)
        if keep_backup and target.exists() and not backup_path(target).exists():
            backup = backup_path(target)
            shutil.copy2(target, backup)
        os.replace(temp, target)
        _fsync_folder(folder)
    except OSError as exc:
        raise SaveError(explain_os_error(exc, target)) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    return backup


def _copy_permissions(target: Path, temp: Path) -> None:
    # mkstemp makes owner-only files; a save should look like any other file the user saves.
    if target.exists():
        mode = stat.S_IMODE(target.stat().st_mode)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temp, mode)


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
