"""Backups of a folder's files, kept beside the folder (never inside it, where they would be zipped up).

The first save of a folder copies the files it replaces to `<folder>.bak/`, next to the bundle
folder; later saves leave those copies alone, so they hold the files as originally received.
When the folder beside cannot be written, the copies go to the user's own data folder instead.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from rostereditor.core.atomic_save import SaveError, copy_verified, fsync_folder
from rostereditor.core.save_temporaries import remove_stale_temporaries, temporary_path
from rostereditor.core.user_data_folder import user_data_folder


@dataclass(frozen=True)
class FolderBackup:
    """Where the backup copies are, and which files this save copied there."""

    location: Path
    copied: tuple[str, ...]
    beside: bool  # False: in the user's data folder, because the one beside could not be written


def backup_folder_beside(folder: Path) -> Path:
    return folder.with_name(folder.name + ".bak")


def fallback_backup_folder(folder: Path) -> Path:
    """The per-user place for a folder's backups, one subfolder per bundle folder."""
    key = hashlib.sha256(str(folder.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:10]
    return user_data_folder() / "Backups" / f"{folder.name}-{key}"


def back_up_files(folder: Path, replaced: list[str], retired: list[str]) -> FolderBackup | None:
    """Keep the files a save is about to replace or move out; None when there is nothing to keep.

    The first save copies every such file into a new backup folder, built under a temporary
    name and renamed into place, so a backup folder that exists is complete. Later saves leave
    it alone (it holds the bundle as received), adding only files they would otherwise remove.
    Raises SaveError when no backup can be made anywhere: the save must not go ahead then.
    """
    present = [n for n in dict.fromkeys([*replaced, *retired]) if (folder / n).is_file()]
    if not present:
        return None
    candidates = [(fallback_backup_folder(folder), False)]
    if folder.parent != folder:
        candidates.insert(0, (backup_folder_beside(folder), True))
    for location, beside in candidates:
        if location.is_dir():
            extra = [n for n in retired if (folder / n).is_file() and not (location / n).exists()]
            for name in extra:
                copy_verified(folder / name, location / name)
            return FolderBackup(location, tuple(extra), beside)
    errors = []
    for location, beside in candidates:
        try:
            _make_backup_folder(folder, location, present)
        except (OSError, SaveError) as exc:
            errors.append(f"{location}: {exc}")
            continue
        return FolderBackup(location, tuple(present), beside)
    raise SaveError(
        "The files were not saved, because no backup of the originals could be made ("
        + "; ".join(errors) + "). Save to a folder you may write in, or as a zip."
    )


def _make_backup_folder(folder: Path, location: Path, names: list[str]) -> None:
    location.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(location.parent, {location.name})
    building = temporary_path(location.parent, location.name)
    try:
        building.mkdir()
        for name in names:
            copy_verified(folder / name, building / name)
        fsync_folder(building)
        os.rename(building, location)
        fsync_folder(location.parent)
    finally:
        shutil.rmtree(building, ignore_errors=True)
