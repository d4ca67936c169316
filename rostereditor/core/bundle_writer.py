"""Save a bundle: one canonical zip with a generated manifest, or back into its folder."""

from __future__ import annotations

import hashlib
import os
import time
import zipfile
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path

from rostereditor.core.atomic_save import SaveError, atomic_write, explain_os_error, file_digest
from rostereditor.core.bundle import Bundle
from rostereditor.core.csv_format import format_rows, iter_table_bytes
from rostereditor.core.deflated_zip import DeflatedZipWriter
from rostereditor.core.folder_backup import back_up_files
from rostereditor.core.folder_swap import (
    SaveInProgress,
    discard_staging,
    finish_interrupted_save,
    start_staging,
    swap_in,
)
from rostereditor.core.manifest import MANIFEST_HEADER
from rostereditor.core.oneroster_files import MANIFEST, SUPPORTED_VERSIONS
from rostereditor.core.save_result import SaveResult
from rostereditor.core.saved_manifest import saved_manifest_rows
from rostereditor.core.table import Table
from rostereditor.core.text_decoding import UTF8_BOM

Piece = bytes | memoryview


def planned_files(bundle: Bundle, version: str | None = None) -> dict[str, Callable[[], Iterable[Piece]]]:
    """Every file the saved bundle will contain, in order, each as a producer of its bytes.

    Files are produced one at a time while saving, so only one is ever being formatted.
    """
    version = version or bundle.detected_version
    if version not in SUPPORTED_VERSIONS:
        raise ValueError(f"unsupported OneRoster version {version!r}")
    plan: dict[str, Callable[[], Iterable[Piece]]] = {}
    for name in bundle.data_file_names:
        plan[name] = partial(_file_pieces, bundle.files[name].table)
    rows = saved_manifest_rows(bundle, version)
    if rows is not None:
        manifest = format_rows(MANIFEST_HEADER, rows)
        plan[MANIFEST] = lambda: [manifest]
    return plan


def _file_pieces(table: Table) -> Iterator[Piece]:
    return _without_leading_bom(iter_table_bytes(table))


def _without_leading_bom(pieces: Iterable[Piece]) -> Iterator[Piece]:
    """The file's pieces, quoting the first header name if it begins with U+FEFF.

    Saved files never start with a byte order mark (the reader drops marks there), yet a
    column name that begins with one is kept exactly: quoted, the file starts with a quote.
    """
    first = True
    for piece in pieces:
        if first and bytes(piece[: len(UTF8_BOM)]) == UTF8_BOM:
            # Unquoted, so the name holds no quote, comma or line break: it ends at the first.
            head = bytes(piece)
            end = min(i for i in (head.find(b","), head.find(b"\r\n"), len(head)) if i >= 0)
            yield b'"' + head[:end] + b'"' + head[end:]
        else:
            yield piece
        first = False


def bundle_csv_files(bundle: Bundle, version: str | None = None) -> dict[str, bytes]:
    """Every file the saved bundle will contain, name -> canonical CSV bytes, manifest last."""
    return {name: b"".join(produce()) for name, produce in planned_files(bundle, version).items()}


def write_bundle_zip(
    bundle: Bundle, target: Path | str, version: str | None = None, *, keep_backup: bool = True
) -> SaveResult:
    """Write the bundle as one zip with its files at the root, replacing target all at once.

    The first save over an existing zip keeps it as `<name>.bak` (made again if it is found
    damaged). Raises SaveError, with target untouched, when the zip cannot be written.
    """
    target = Path(target)
    plan = planned_files(bundle, version)
    sizes: dict[str, int] = {}

    def write(temp: Path) -> None:
        # Each file is deflated on every core while the next piece of it is being formatted.
        with DeflatedZipWriter(temp) as archive:
            for name, produce in plan.items():
                sizes[name] = archive.add(name, produce(), date_time=time.localtime()[:6])

    def verify(temp: Path) -> None:
        try:
            with zipfile.ZipFile(temp) as archive:
                if archive.namelist() != list(plan):
                    raise SaveError("The saved zip did not read back complete; nothing was changed.")
                for info in archive.infolist():
                    if info.file_size != sizes[info.filename]:
                        raise SaveError(f"{info.filename} did not read back intact; nothing was changed.")
                bad = archive.testzip()
                if bad is not None:
                    raise SaveError(f"{bad} did not read back intact; nothing was changed.")
        except zipfile.BadZipFile as exc:
            raise SaveError(f"The saved zip could not be read back ({exc}); nothing was changed.") from exc

    backup = atomic_write(target, write, verify, keep_backup=keep_backup, backup_check=check_zip_whole)
    return SaveResult(target, "zip", backup)


def check_zip_whole(path: Path) -> None:
    """Raise if path is a zip cut off part way (a damaged backup); other files pass as they are."""
    with open(path, "rb") as handle:
        if handle.read(4) != b"PK\x03\x04":
            return  # the original was not a zip; it is kept whatever it holds
    with zipfile.ZipFile(path) as archive:
        end = archive.start_dir
        for info in archive.infolist():
            if info.header_offset + info.compress_size > end:
                raise zipfile.BadZipFile(f"{info.filename} runs past the end of the zip")


def write_bundle_folder(bundle: Bundle, folder: Path | str, version: str | None = None) -> SaveResult:
    """Write the bundle's files into a folder, all of them or none.

    Every file is written and verified in a staging folder first, then swapped in (see
    folder_swap). The first save over each file keeps the original in `<folder>.bak` beside the
    folder. A wrongly-cased original (Users.csv) is moved out, superseded by users.csv.
    """
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        recovered = finish_interrupted_save(folder)
    except SaveInProgress as exc:
        raise SaveError(str(exc)) from exc
    except OSError as exc:
        raise SaveError(explain_os_error(exc, folder)) from exc
    plan = planned_files(bundle, version)
    retire = [
        f.original_name for f in bundle.files.values()
        if f.original_name != f.name and (folder / f.original_name).exists()
        and not _same_file(folder / f.original_name, folder / f.name)
    ]
    staging = start_staging(folder)
    try:
        for name, produce in plan.items():
            _write_verified(staging.path_for(name), produce)
        backup = back_up_files(folder, list(plan), retire)
    except OSError as exc:
        discard_staging(staging)
        raise SaveError(explain_os_error(exc, folder)) from exc
    except BaseException:
        discard_staging(staging)
        raise
    swap_in(staging, list(plan), retire)
    if backup is None or not backup.copied:
        return SaveResult(folder, "folder", None, recovered=recovered)
    return SaveResult(folder, "folder", backup.location, backup.beside, recovered)


def _write_verified(path: Path, produce: Callable[[], Iterable[Piece]]) -> None:
    digest = hashlib.sha256()
    with open(path, "wb") as handle:
        for piece in produce():
            handle.write(piece)
            digest.update(piece)
        handle.flush()
        os.fsync(handle.fileno())
    if file_digest(path) != digest.hexdigest():
        raise SaveError(f"{path.name} did not read back intact; nothing was changed.")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False
