"""Read a roster zip as untrusted input: refuse traversal, bombs, encryption and nesting."""

from __future__ import annotations

import itertools
import posixpath
import re
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from rostereditor.core.read_limits import DEFAULT_LIMITS, ReadLimits, describe_size, limit_flag
from rostereditor.core.read_notice import BundleReadError, NoticeLevel, ReadNotice

_READ_CHUNK = 1 << 20
_IGNORED_NAMES = (".DS_Store", "Thumbs.db", "desktop.ini")
_LOCAL_HEADER = struct.Struct("<4s22xHH")  # signature, then file name and extra field lengths
# Characters no Windows file name may hold; a member named with them could not be saved anywhere.
_UNSAVEABLE = re.compile(r'[\x00-\x1f<>:"|?*]')
_DEVICE_NAMES = re.compile(r"^(CON|PRN|AUX|NUL|COM\d|LPT\d)(\..*)?$", re.IGNORECASE)


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
def open_roster_zip(path: Path, limits: ReadLimits = DEFAULT_LIMITS) -> Iterator[ArchiveContents]:
    """Open a zip, check every member is safe before anything is inflated, and yield it."""
    try:
        archive = zipfile.ZipFile(path)
    except OSError as exc:
        raise BundleReadError(f"Cannot open {path}: {exc.strerror or exc}") from exc
    except Exception as exc:  # anything zipfile raises on a damaged directory: not a usable zip
        raise BundleReadError(_not_a_valid_zip(path.name)) from exc
    with archive:
        yield _check_members(archive, path, limits)


def _not_a_valid_zip(zip_name: str, detail: str | None = None) -> str:
    """In a coordinator's words; `detail` is ours (what is cut off or misplaced), never the
    zip library's own wording ("File is not a zip file")."""
    what = f" ({detail})" if detail else ""
    return (f"{zip_name} is not a valid zip file{what}. It may be damaged, only partly "
            "downloaded, or another kind of file given a .zip name. Download or export it "
            "again from your student information system, then open the new copy.")


def _check_members(archive: zipfile.ZipFile, path: Path, limits: ReadLimits) -> ArchiveContents:
    zip_name = path.name
    notices: list[ReadNotice] = []
    infos = archive.infolist()
    if not infos:
        raise BundleReadError(f"{zip_name} is an empty zip: it contains no files.")
    if len(infos) > limits.zip_entries:
        raise BundleReadError(
            f"{zip_name} holds {len(infos):,} entries. A OneRoster bundle has about 22 files, and "
            f"RosterEditor reads at most {limits.zip_entries:,} entries from one zip so that a "
            "crafted zip cannot tie up the computer. Nothing was read. If this really is one "
            "roster, extract the zip and open the folder, or raise the limit: "
            f"--limit {limit_flag('zip_entries')}=N on the command line."
        )
    refuse_overlapping_members(path, archive, infos)
    candidates: list[zipfile.ZipInfo] = []
    total = 0
    highly_compressed = 0
    for info in infos:
        # Some Windows tools write backslashes; zipfile turns them into slashes only on Windows.
        name = info.filename = info.filename.replace("\\", "/")
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
        if _UNSAVEABLE.search(base) or _DEVICE_NAMES.match(base):
            notices.append(_skipped(name, "a name no file can have on Windows"))
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
        if info.file_size > limits.file_size:
            raise BundleReadError(_too_big(
                f"{name} in {zip_name} expands to {describe_size(info.file_size)}, more than the "
                f"{describe_size(limits.file_size)} RosterEditor reads from one file of a zip",
                "file_size"))
        if info.file_size > limits.compression_ratio * max(info.compress_size, 1):
            highly_compressed += info.file_size
            if highly_compressed > limits.highly_compressed:
                ratio = info.file_size // max(info.compress_size, 1)
                raise BundleReadError(_too_big(
                    f"{name} in {zip_name} expands {ratio:,}-fold, to {describe_size(info.file_size)}. "
                    "Files that compress this much are usually crafted 'zip bombs', so RosterEditor "
                    f"reads at most {describe_size(limits.highly_compressed)} of such data from a zip",
                    "highly_compressed"))
        total += info.file_size
        if total > limits.total_size:
            raise BundleReadError(_too_big(
                f"{zip_name} expands to more than {describe_size(limits.total_size)}, the most "
                "RosterEditor reads from one zip", "total_size"))
        candidates.append(info)
        if len(candidates) > limits.zip_files:
            raise BundleReadError(
                f"{zip_name} holds more than {limits.zip_files:,} CSV files. A OneRoster bundle has "
                "about 22, and RosterEditor reads at most that many from one zip so that a crafted "
                "zip cannot tie up the computer. Nothing was read. If this really is one roster, "
                "extract the zip and open the folder, or raise the limit: "
                f"--limit {limit_flag('zip_files')}=N on the command line."
            )

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


def _too_big(what: str, limit: str) -> str:
    return (f"{what}, so that a small crafted file cannot tie up the computer. Nothing was read. "
            "If you trust this file, extract the zip and open the folder instead, or raise the "
            f"limit: --limit {limit_flag(limit)}=SIZE on the command line.")


def refuse_overlapping_members(path: Path, archive: zipfile.ZipFile,
                                infos: list[zipfile.ZipInfo]) -> None:
    """Refuse members whose data overlap (a non-recursive zip bomb), on any Python version.

    Each member's local header and data must lie in its own span of the file, before the
    central directory; zipfile checks this only from Python 3.11.8 and 3.12.2.
    """
    spans = []
    try:
        with open(path, "rb") as handle:
            for info in infos:
                handle.seek(info.header_offset)
                header = handle.read(_LOCAL_HEADER.size)
                if len(header) < _LOCAL_HEADER.size:
                    raise BundleReadError(_not_a_valid_zip(path.name, "a file header is cut off"))
                signature, name_length, extra_length = _LOCAL_HEADER.unpack(header)
                if signature != b"PK\x03\x04":
                    raise BundleReadError(_not_a_valid_zip(
                        path.name, f"the header of {info.filename} is not where the directory says"))
                end = info.header_offset + _LOCAL_HEADER.size + name_length + extra_length
                spans.append((info.header_offset, end + info.compress_size, info.filename))
    except (OSError, ValueError, OverflowError) as exc:
        raise BundleReadError(_not_a_valid_zip(path.name)) from exc
    spans.sort()
    for (_, end, name), (start, _, other) in itertools.pairwise(spans):
        if start < end:
            raise BundleReadError(
                f"{path.name} is not a valid zip file: the data of {name} and {other} overlap, "
                "which only a deliberately crafted zip (a 'zip bomb') has. Nothing was read."
            )
    if spans and spans[-1][1] > archive.start_dir:
        raise BundleReadError(_not_a_valid_zip(path.name, f"{spans[-1][2]} runs into the directory"))


def _read_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo, zip_name: str) -> bytearray:
    # The header's sizes can lie, so nothing is allocated from them: the buffer grows as data
    # arrives, and reading stops once more comes out than the header promised.
    limit = info.file_size
    data = bytearray()
    filled = 0
    try:
        with archive.open(info) as stream:
            while filled < limit:
                chunk = stream.read(min(_READ_CHUNK, limit - filled))
                if not chunk:
                    break
                data += chunk
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
    except BundleReadError:
        raise
    except (NotImplementedError, zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError,
            UnicodeDecodeError, struct.error, OverflowError) as exc:
        raise BundleReadError(
            f"{info.filename} in {zip_name} cannot be unpacked: the zip is damaged, or "
            "it was made with a method RosterEditor does not read, so it is not a valid zip for "
            "a roster. Download or export it again, or extract it with another tool and open "
            "the folder."
        ) from exc
    except RuntimeError as exc:  # an encrypted member (NotImplementedError, a subclass, is above)
        raise BundleReadError(f"{info.filename} in {zip_name} is encrypted: {exc}") from exc
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
