"""Replace a file crash-safely: temp file beside it, fsync, verify, keep a first backup, swap."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import shutil
import stat
from collections.abc import Callable
from pathlib import Path

from rostereditor.core.errors import RosterEditorError
from rostereditor.core.save_temporaries import hide_on_windows, remove_stale_temporaries, temporary_path

# Checks that an existing backup is still whole; raises (any exception) if it is not.
BackupCheck = Callable[[Path], None]


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
    backup_check: BackupCheck | None = None,
) -> Path | None:
    """Write target through write(temp_path); returns the backup made, if any.

    The first save over an existing file copies it to `<name>.bak` (through its own temporary,
    verified, so a backup is never half-written); later saves leave that backup alone so it
    keeps the file as originally received, unless backup_check finds it damaged, when it is
    made again from the file about to be replaced. Temporaries a killed save left are removed.
    """
    target = Path(target)
    folder = target.parent
    if not folder.is_dir():
        raise SaveError(f"The folder {folder} does not exist. Choose another place to save.")
    remove_stale_temporaries(folder, {target.name, backup_path(target).name})
    temp = temporary_path(folder, target.name)
    backup: Path | None = None
    try:
        _create_empty(temp)
        write(temp)
        _copy_permissions(target, temp)
        fsync_file(temp)
        if verify is not None:
            verify(temp)
        if keep_backup and target.exists():
            backup = ensure_backup(target, backup_path(target), backup_check)
        os.replace(temp, target)
        fsync_folder(folder)
    except OSError as exc:
        raise SaveError(explain_os_error(exc, target)) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()
    return backup


def ensure_backup(original: Path, backup: Path, check: BackupCheck | None = None) -> Path | None:
    """Copy original to backup unless a sound backup is there already; returns it if made.

    Raises SaveError (nothing replaced) if the copy cannot be made and verified.
    """
    if backup.exists() and _backup_is_sound(backup, check):
        return None
    copy_verified(original, backup)
    return backup


def _backup_is_sound(backup: Path, check: BackupCheck | None) -> bool:
    if check is None:
        return True  # made through a temporary and renamed, so it is whole
    try:
        check(backup)
    except Exception:  # any failure to read it back means it is damaged
        return False
    return True


def copy_verified(source: Path, target: Path) -> None:
    """Copy source to target through a temporary: fsynced, compared, then renamed into place."""
    temp = temporary_path(target.parent, target.name)
    try:
        _create_empty(temp)
        shutil.copyfile(source, temp)
        shutil.copystat(source, temp)
        fsync_file(temp)
        if file_digest(temp) != file_digest(source):
            raise SaveError(
                f"The backup copy of {source.name} did not read back intact, so nothing was "
                "changed. Check the disk and save again."
            )
        os.replace(temp, target)
        fsync_folder(target.parent)
    except OSError as exc:
        raise SaveError(
            f"The backup copy {target} could not be made ({exc.strerror or exc}), so nothing "
            "was changed. Free some space or save somewhere you may write, and save again."
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fsync_file(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def fsync_folder(folder: Path) -> None:
    """Make renames in folder durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _create_empty(path: Path) -> None:
    # Exclusive creation: the name is ours alone, as mkstemp would make it.
    os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
    hide_on_windows(path)


def _copy_permissions(target: Path, temp: Path) -> None:
    # New temporaries are owner-only; a save should look like any other file the user saves.
    if target.exists():
        mode = stat.S_IMODE(target.stat().st_mode)
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temp, mode)
