"""Swap a folder's files for new ones all or nothing, with a record that lets the next open finish it.

A folder save first writes every new file into a staging folder inside the bundle folder
(same disk, so moving a file is a rename). Only when all of them are written, synced and
verified does it write the save record `.rostereditor-save.json`; then it moves each old file
aside and each new file in, and deletes the record. A save killed before the record leaves
the old files untouched; one killed after it is finished by the next open or save, which
finds the record. If the new files have gone missing, the old ones are put back instead.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rostereditor.core.atomic_save import SaveError, explain_os_error, fsync_file, fsync_folder
from rostereditor.core.errors import RosterEditorError
from rostereditor.core.save_temporaries import (
    hide_on_windows,
    is_staging_folder_name,
    process_is_running,
    remove_stale_temporaries,
    staging_folder_path,
    temporary_path,
)

RECORD_NAME = ".rostereditor-save.json"
RECORD_FORMAT = "rostereditor-folder-save"
RECORD_VERSION = 1
_NEW, _OLD = "new", "old"


class SaveInProgress(RosterEditorError):
    """Another live process is in the middle of saving this folder."""


@dataclass(frozen=True)
class Staging:
    """A staging folder being filled with a save's new files."""

    folder: Path
    stage: Path

    def path_for(self, name: str) -> Path:
        return self.stage / _NEW / name


@dataclass(frozen=True)
class SwapRecovery:
    """What the next open did about a save that had been interrupted."""

    finished: bool  # True: the save was completed; False: the files from before it were put back
    files: tuple[str, ...]

    def describe(self) -> str:
        count = f"{len(self.files)} file{'s' if len(self.files) != 1 else ''}"
        if self.finished:
            return (f"The last save of this folder was interrupted before it finished; it has now "
                    f"been completed ({count}), so the folder holds that save.")
        return (f"The last save of this folder was interrupted and could not be completed; the "
                f"files as they were before it ({count}) were put back.")


def start_staging(folder: Path) -> Staging:
    stage = staging_folder_path(folder)
    try:
        (stage / _NEW).mkdir(parents=True)
        (stage / _OLD).mkdir()
        hide_on_windows(stage)
    except OSError as exc:
        raise SaveError(explain_os_error(exc, folder)) from exc
    return Staging(folder, stage)


def discard_staging(staging: Staging) -> None:
    shutil.rmtree(staging.stage, ignore_errors=True)


def swap_in(staging: Staging, install: list[str], retire: list[str]) -> None:
    """Move the staged files into the folder, replacing old ones; retire moves files out.

    Every staged file must be complete and synced. Raises SaveError if the swap cannot start;
    once the record is written, the swap is finished here or by the next open.
    """
    folder = staging.folder
    fsync_folder(staging.stage / _NEW)
    record = {
        "format": RECORD_FORMAT,
        "version": RECORD_VERSION,
        "stage": staging.stage.name,
        "install": install,
        "retire": retire,
        "existed": [name for name in install if (folder / name).exists()],
        "pid": os.getpid(),
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    try:
        _write_record(folder, record)
    except OSError as exc:
        discard_staging(staging)
        raise SaveError(explain_os_error(exc, folder)) from exc
    try:
        _roll_forward(folder, record)
    except OSError as exc:
        # A file held open elsewhere (Excel on Windows) stops the swap: put the old files back.
        failed_at = Path(exc.filename).name if exc.filename else folder.name
        try:
            _roll_back(folder, record)
        except OSError:
            raise SaveError(
                f"The save of {folder.name} stopped part way at {failed_at} ({exc.strerror or exc}). "
                "Nothing is lost: open the folder again and the save is completed or undone."
            ) from exc
        raise SaveError(explain_os_error(exc, folder / failed_at)) from exc


def finish_interrupted_save(folder: Path) -> SwapRecovery | None:
    """Complete (or, failing that, undo) a save of folder that was killed mid-swap.

    Returns None when there was nothing to do. Also removes temporaries of dead saves.
    Raises OSError when the folder cannot be written to put things right.
    """
    record_path = folder / RECORD_NAME
    recovery = None
    if record_path.exists():
        record = _read_record(record_path)
        if record is None:
            record_path.unlink()  # damaged or from another program: it cannot be acted on
        elif process_is_running(int(record["pid"])) and int(record["pid"]) != os.getpid():
            raise SaveInProgress(
                f"{folder.name} is being saved right now by another RosterEditor window. "
                "Open it again when that save has finished."
            )
        else:
            recovery = _recover(folder, record)
    remove_stale_temporaries(folder)
    return recovery


def _recover(folder: Path, record: dict[str, Any]) -> SwapRecovery:
    stage = folder / record["stage"]
    install: list[str] = record["install"]
    pending = [n for n in install if not (stage / _NEW / n).exists() and not (folder / n).exists()]
    if not pending:
        _roll_forward(folder, record)
        return SwapRecovery(True, tuple(install))
    _roll_back(folder, record)
    return SwapRecovery(False, tuple(install))


def _roll_forward(folder: Path, record: dict[str, Any]) -> None:
    stage = folder / record["stage"]
    for name in record["install"]:
        new, old, live = stage / _NEW / name, stage / _OLD / name, folder / name
        if not new.exists():
            continue  # already moved in
        if live.exists() and not old.exists():
            os.replace(live, old)
        os.replace(new, live)
    for name in record["retire"]:
        live = folder / name
        if live.exists() and not _same_file(live, [folder / n for n in record["install"]]):
            os.replace(live, stage / _OLD / name)
    _finish(folder, stage)


def _roll_back(folder: Path, record: dict[str, Any]) -> None:
    stage = folder / record["stage"]
    existed = set(record["existed"])
    for name in [*record["install"], *record["retire"]]:
        old, live = stage / _OLD / name, folder / name
        if old.exists():
            os.replace(old, live)
        elif name not in existed and name in record["install"] and live.exists():
            live.unlink()  # a file this save added; the folder had none before it
    _finish(folder, stage)


def _finish(folder: Path, stage: Path) -> None:
    fsync_folder(folder)
    (folder / RECORD_NAME).unlink(missing_ok=True)
    fsync_folder(folder)
    shutil.rmtree(stage, ignore_errors=True)


def _write_record(folder: Path, record: dict[str, Any]) -> None:
    temp = temporary_path(folder, RECORD_NAME.lstrip("."))
    try:
        temp.write_text(json.dumps(record, indent=1), encoding="utf-8")
        fsync_file(temp)
        os.replace(temp, folder / RECORD_NAME)
        hide_on_windows(folder / RECORD_NAME)
        fsync_folder(folder)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink()


def _read_record(path: Path) -> dict[str, Any] | None:
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("format") != RECORD_FORMAT:
        return None
    if record.get("version") != RECORD_VERSION:
        return None
    lists = [record.get(key) for key in ("install", "retire", "existed")]
    if not all(isinstance(names, list) for names in lists):
        return None
    names = [name for names in lists for name in names]  # type: ignore[union-attr]
    stage = record.get("stage")
    # The record names only plain files and our own staging folder: never a path elsewhere.
    if not isinstance(stage, str) or not is_staging_folder_name(stage):
        return None
    if not isinstance(record.get("pid"), int):
        return None
    if not all(isinstance(n, str) and n and "/" not in n and "\\" not in n and n not in (".", "..")
               for n in names):
        return None
    return record


def _same_file(path: Path, others: list[Path]) -> bool:
    for other in others:
        with contextlib.suppress(OSError):
            if path.samefile(other):
                return True
    return False
