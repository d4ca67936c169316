"""Read a roster zip as untrusted input: refuse traversal, bombs, encryption and nesting."""

from __future__ import annotations

import posixpath
import stat
import zipfile
import zlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from rostereditor.core.read_notice import BundleReadError, NoticeLevel, ReadNotice

# Real bundles are up to ~1 GB of CSV (Naviance's limit); beyond that is not a roster.
MAX_TOTAL_UNCOMPRESSED = 4 * 1024**3
MAX_MEMBER_UNCOMPRESSED = 2 * 1024**3 - 1
# CSV compresses about 5-15x; hundreds-to-one is a crafted bomb.
MAX_COMPRESSION_RATIO = 200
_RATIO_FLOOR_BYTES = 1 << 20
_READ_CHUNK = 1 << 20
_IGNORED_NAMES = (".DS_Store", "Thumbs.db", "desktop.ini")


@dataclass
class ArchiveContents:
    """The checked CSV members of an open zip, read one at a time to bound memory."""

    archive: zipfile.ZipFile
    zip_name: str
    members: list[zipfile.ZipInfo]
    folder: str | None
    notices: list[ReadNotice] = field(default_factory=list)

    def iter_members(self) -> Iterator[tuple[str, bytearray]]:
        """(file name without folder, bytes) for each CSV member, in zip order.

        The next member is inflated on a second thread while the caller parses this one
        (zlib releases the GIL), so inflating and parsing overlap; at most two are in memory.
        """
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="inflate") as pool:
            upcoming = None
            for i, info in enumerate(self.members):
                current = upcoming or pool.submit(_read_bounded, self.archive, info, self.zip_name)
                upcoming = None
                if i + 1 < len(self.members):
                    upcoming = pool.submit(_read_bounded, self.archive, self.members[i + 1], self.zip_name)
                data = current.result()
                del current
                yield posixpath.basename(info.filename), data
                del data


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    return info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16)


def _unsafe_path(name: str) -> bool:
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return True
    parts = name.replace("\\", "/").split("/")
    return any(part == ".." for part in parts)


@contextmanager
def open_roster_zip(path: Path) -> Iterator[ArchiveContents]:
    """Open a zip, check every member is safe before anything is inflated, and yield it."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile as exc:
        raise BundleReadError(
            f"{path.name} is not a valid zip file ({exc}). It may be damaged or only partly "
            "downloaded; download or export it again."
        ) from exc
    except OSError as exc:
        raise BundleReadError(f"Cannot open {path}: {exc.strerror or exc}") from exc
    with archive:
        yield _check_members(archive, path.name)


def _check_members(archive: zipfile.ZipFile, zip_name: str) -> ArchiveContents:
    notices: list[ReadNotice] = []
    infos = archive.infolist()
    if not infos:
        raise BundleReadError(f"{zip_name} is an empty zip: it contains no files.")
    candidates: list[zipfile.ZipInfo] = []
    total = 0
    for info in infos:
        name = info.filename
        if _unsafe_path(name):
            raise BundleReadError(
                f"{zip_name} contains a file with an unsafe path ({name!r}) that points outside "
                "the zip. Nothing was read; ask the sender for a clean export."
            )
        if info.is_dir():
            continue
        base = posixpath.basename(name)
        if name.startswith("__MACOSX/") or base in _IGNORED_NAMES or base.startswith("._"):
            notices.append(_skipped(name, "macOS or Windows housekeeping file"))
            continue
        if _is_symlink(info):
            notices.append(_skipped(name, "symbolic link"))
            continue
        if info.flag_bits & 0x1:
            raise BundleReadError(
                f"{zip_name} is password-protected ({name}). Unzip it with its password and open "
                "the folder instead."
            )
        lower = base.lower()
        if lower.endswith(".zip"):
            raise BundleReadError(
                f"{zip_name} contains another zip ({name}). Open that inner zip instead."
            )
        if not lower.endswith(".csv"):
            notices.append(_skipped(name, "not a CSV file"))
            continue
        if info.file_size > MAX_MEMBER_UNCOMPRESSED:
            raise BundleReadError(f"{name} in {zip_name} is larger than 2 GB; that is not a roster.")
        ratio_base = max(info.compress_size, 1)
        if info.file_size > _RATIO_FLOOR_BYTES and info.file_size / ratio_base > MAX_COMPRESSION_RATIO:
            raise BundleReadError(
                f"{name} in {zip_name} expands {info.file_size // ratio_base}-fold, which only a "
                "deliberately crafted zip (a 'zip bomb') does. It was not opened."
            )
        total += info.file_size
        if total > MAX_TOTAL_UNCOMPRESSED:
            raise BundleReadError(f"{zip_name} expands to more than 4 GB; that is not a roster.")
        candidates.append(info)

    if not candidates:
        raise BundleReadError(f"{zip_name} contains no CSV files.")
    folder = _common_folder([c.filename for c in candidates])
    if folder is None and any("/" in c.filename for c in candidates):
        nested = sorted({c.filename.rsplit("/", 1)[0] for c in candidates if "/" in c.filename})
        raise BundleReadError(
            f"{zip_name} has CSV files in several folders ({', '.join(nested)}). A bundle keeps "
            "its files at the top of the zip or in one folder."
        )
    if folder:
        notices.append(
            ReadNotice(
                "read.zip-folder",
                NoticeLevel.WARNING,
                f"The CSV files are inside the folder \"{folder}\" in the zip. OneRoster wants them "
                "at the top level of the zip; saving puts them there.",
            )
        )
    return ArchiveContents(archive, zip_name, candidates, folder, notices)


def _read_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo, zip_name: str) -> bytearray:
    # The header's sizes can lie; stop reading once more comes out than it promised.
    limit = info.file_size
    # Inflate into one preallocated buffer: ZipExtFile.read(n) joins its pieces by
    # concatenation, which briefly needs twice the member's size.
    data = bytearray(limit)
    view = memoryview(data)
    filled = 0
    try:
        with archive.open(info) as stream:
            while filled < limit:
                chunk = stream.read(min(_READ_CHUNK, limit - filled))
                if not chunk:
                    break
                view[filled : filled + len(chunk)] = chunk
                filled += len(chunk)
            if filled < limit:
                raise BundleReadError(
                    f"{info.filename} in {zip_name} ends early (the zip is damaged or was only "
                    "partly downloaded). Download or export it again."
                )
            if stream.read(1):
                raise BundleReadError(
                    f"{info.filename} in {zip_name} holds more data than its header says; "
                    "the zip is damaged or crafted. It was not opened."
                )
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as exc:
        raise BundleReadError(
            f"{info.filename} in {zip_name} cannot be unpacked ({exc}). The zip is damaged; "
            "export it again."
        ) from exc
    except RuntimeError as exc:  # zipfile raises RuntimeError for encrypted members
        raise BundleReadError(f"{info.filename} in {zip_name} is encrypted: {exc}") from exc
    finally:
        view.release()
    return data


def _common_folder(names: list[str]) -> str | None:
    folders = {n.rsplit("/", 1)[0] if "/" in n else "" for n in names}
    if len(folders) != 1:
        return None
    (only,) = folders
    return only or None


def _skipped(name: str, why: str) -> ReadNotice:
    return ReadNotice(
        "read.skipped-member",
        NoticeLevel.INFO,
        f"Ignored {name} ({why}); it will not be in the saved zip.",
    )
