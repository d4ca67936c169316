"""Save a bundle: one canonical zip with a generated manifest, or back into its folder."""

from __future__ import annotations

import hashlib
import time
import zipfile
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import Any

from rostereditor.core.atomic_save import SaveError, atomic_write
from rostereditor.core.bundle import Bundle
from rostereditor.core.csv_format import format_rows, iter_table_bytes
from rostereditor.core.deflated_zip import DeflatedZipWriter
from rostereditor.core.manifest import MANIFEST_HEADER, generate_manifest
from rostereditor.core.oneroster_files import ALL_DATA_FILES, MANIFEST, SUPPORTED_VERSIONS

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
        plan[name] = partial(iter_table_bytes, bundle.files[name].table)
    if version != "1.0":  # OneRoster 1.0 bundles have no manifest; adding one changes the version
        present = {n: bundle.mode(n) for n in plan if n in ALL_DATA_FILES}
        manifest = format_rows(MANIFEST_HEADER, generate_manifest(version, present, bundle.manifest))
        plan[MANIFEST] = lambda: [manifest]
    return plan


def bundle_csv_files(bundle: Bundle, version: str | None = None) -> dict[str, bytes]:
    """Every file the saved bundle will contain, name -> canonical CSV bytes, manifest last."""
    return {name: b"".join(produce()) for name, produce in planned_files(bundle, version).items()}


def write_bundle_zip(
    bundle: Bundle, target: Path | str, version: str | None = None, *, keep_backup: bool = True
) -> Path | None:
    """Write the bundle as one zip with its files at the root; returns the backup made, if any."""
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

    return atomic_write(target, write, verify, keep_backup=keep_backup)


def write_bundle_folder(bundle: Bundle, folder: Path | str, version: str | None = None) -> None:
    """Write each file into a folder, each replaced atomically (backups kept on first save)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, produce in planned_files(bundle, version).items():
        digest = hashlib.sha256()

        def write(temp: Path, produce: Callable[[], Iterable[Piece]] = produce,
                  digest: Any = digest) -> None:
            with open(temp, "wb") as handle:
                for piece in produce():
                    handle.write(piece)
                    digest.update(piece)

        def verify(temp: Path, digest: Any = digest) -> None:
            if _file_digest(temp) != digest.hexdigest():
                raise SaveError(f"{temp.name} did not read back intact; nothing was changed.")

        atomic_write(folder / name, write, verify)
    for file in bundle.files.values():
        # A wrongly-cased original (Users.csv) is superseded by the spec's spelling.
        old = folder / file.original_name
        if file.original_name != file.name and old.exists() and not _same_file(old, folder / file.name):
            old.replace(old.with_name(old.name + ".bak"))


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False
