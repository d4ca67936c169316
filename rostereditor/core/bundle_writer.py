"""Save a bundle: one canonical zip with a generated manifest, or back into its folder."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path

from rostereditor.core.atomic_save import SaveError, atomic_write
from rostereditor.core.bundle import Bundle
from rostereditor.core.csv_format import format_rows, format_table
from rostereditor.core.manifest import MANIFEST_HEADER, generate_manifest
from rostereditor.core.oneroster_files import ALL_DATA_FILES, MANIFEST, SUPPORTED_VERSIONS

_CHUNK = 1 << 22


def bundle_csv_files(bundle: Bundle, version: str | None = None) -> dict[str, bytes]:
    """Every file the saved bundle will contain, name -> canonical CSV bytes, manifest last."""
    version = version or bundle.detected_version
    if version not in SUPPORTED_VERSIONS:
        raise ValueError(f"unsupported OneRoster version {version!r}")
    out: dict[str, bytes] = {}
    for name in bundle.data_file_names:
        out[name] = format_table(bundle.files[name].table)
    if version != "1.0":  # OneRoster 1.0 bundles have no manifest; adding one changes the version
        present = {n: bundle.mode(n) for n in out if n in ALL_DATA_FILES}
        rows = generate_manifest(version, present, bundle.manifest)
        out[MANIFEST] = format_rows(MANIFEST_HEADER, rows)
    return out


def write_bundle_zip(
    bundle: Bundle, target: Path | str, version: str | None = None, *, keep_backup: bool = True
) -> Path | None:
    """Write the bundle as one zip with its files at the root; returns the backup made, if any."""
    target = Path(target)
    files = bundle_csv_files(bundle, version)

    def write(temp: Path) -> None:
        with zipfile.ZipFile(temp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, data in files.items():
                info = zipfile.ZipInfo(name, date_time=_now())
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o644 << 16
                with archive.open(info, "w", force_zip64=len(data) > 2**31) as stream:
                    view = memoryview(data)
                    for start in range(0, len(view), _CHUNK):
                        stream.write(view[start : start + _CHUNK])

    def verify(temp: Path) -> None:
        try:
            with zipfile.ZipFile(temp) as archive:
                if archive.namelist() != list(files):
                    raise SaveError("The saved zip did not read back complete; nothing was changed.")
                for info in archive.infolist():
                    if info.file_size != len(files[info.filename]):
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
    files = bundle_csv_files(bundle, version)
    for name, data in files.items():
        def write(temp: Path, data: bytes = data) -> None:
            temp.write_bytes(data)

        def verify(temp: Path, data: bytes = data) -> None:
            if temp.read_bytes() != data:
                raise SaveError(f"{temp.name} did not read back intact; nothing was changed.")

        atomic_write(folder / name, write, verify)
    for file in bundle.files.values():
        # A wrongly-cased original (Users.csv) is superseded by the spec's spelling.
        old = folder / file.original_name
        if file.original_name != file.name and old.exists() and not _same_file(old, folder / file.name):
            old.replace(old.with_name(old.name + ".bak"))


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.samefile(b)
    except OSError:
        return False


def _now() -> tuple[int, int, int, int, int, int]:
    return time.localtime()[:6]
