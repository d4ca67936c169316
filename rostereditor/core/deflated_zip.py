"""Write a zip member by member, each deflated on every core (parallel_deflate), files at the root.

The records are laid out as Python's zipfile lays them out for `open(name, "w",
force_zip64=True)`: a local header with a ZIP64 extra field, patched once the sizes are known,
then a central directory that uses ZIP64 fields only where a number needs them. Only the way
the deflate stream is produced differs, so any unzip tool reads the result.
"""

from __future__ import annotations

import os
import struct
import zipfile
import zlib
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType
from typing import BinaryIO

from rostereditor.core.parallel_deflate import BlockDeflater, Piece

_LOCAL_HEADER = struct.Struct("<4s2B4HL2L2H")
_CENTRAL_HEADER = struct.Struct("<4s4B4HL2L5H2L")
_END = struct.Struct("<4s4H2LH")
_END64 = struct.Struct("<4sQ2H2L4Q")
_END64_LOCATOR = struct.Struct("<4sLQL")
_ZIP64_SIZES = struct.Struct("<HHQQ")
_ZIP64_VERSION = 45
_UTF8_NAME = 0x800
# zipfile switches to ZIP64 fields above this (not 4 GiB); matching it keeps the layout identical.
_ZIP64_LIMIT = (1 << 31) - 1
_MAX_ENTRIES = 0xFFFF
_DEFLATED = zipfile.ZIP_DEFLATED
_MAX_WORKERS = 8


@dataclass(frozen=True)
class _Entry:
    name: bytes
    flags: int
    dos_time: int
    dos_date: int
    crc: int
    compressed: int
    size: int
    offset: int
    external_attr: int


class DeflatedZipWriter:
    """A zip being written to a new file; add() each member in order, then close()."""

    def __init__(self, path: Path | str, *, workers: int | None = None) -> None:
        count = workers or min(_MAX_WORKERS, os.cpu_count() or 1)
        self._handle: BinaryIO = open(path, "wb")  # noqa: SIM115 - closed in close()
        self._pool = ThreadPoolExecutor(max_workers=count, thread_name_prefix="deflate")
        self._in_flight = 4 * count + 2
        self._entries: list[_Entry] = []
        # zipfile's own choices for a new entry on this system (Unix or MS-DOS attributes).
        self._create_system = zipfile.ZipInfo().create_system

    def add(self, name: str, pieces: Iterable[Piece], date_time: tuple[int, ...],
            external_attr: int = 0o644 << 16) -> int:
        """Write one member from its bytes in pieces; returns its size before compression."""
        encoded, flags = _encoded_name(name)
        dos_time, dos_date = _dos_time_date(date_time)
        entry = _Entry(encoded, flags, dos_time, dos_date, 0, 0, 0, self._handle.tell(), external_attr)
        self._handle.write(_local_header(entry))
        deflater = BlockDeflater(self._pool, in_flight=self._in_flight)
        crc = size = compressed = 0
        for piece in pieces:
            crc = zlib.crc32(piece, crc)
            size += memoryview(piece).nbytes
            for out in deflater.feed(piece):
                compressed += self._handle.write(out)
        for out in deflater.finish():
            compressed += self._handle.write(out)
        entry = replace(entry, crc=crc, compressed=compressed, size=size)
        end = self._handle.tell()
        self._handle.seek(entry.offset)
        self._handle.write(_local_header(entry))
        self._handle.seek(end)
        self._entries.append(entry)
        return size

    def close(self) -> None:
        """Write the central directory and close the file."""
        try:
            self._pool.shutdown(wait=True, cancel_futures=True)
            if not self._handle.closed:
                self._write_directory()
        finally:
            self._handle.close()

    def abandon(self) -> None:
        """Stop without finishing the zip (after an error): the file is left incomplete."""
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._handle.close()

    def __enter__(self) -> DeflatedZipWriter:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if kind is None:
            self.close()
        else:
            self.abandon()

    def _write_directory(self) -> None:
        start = self._handle.tell()
        for entry in self._entries:
            self._handle.write(self._central_header(entry))
        end = self._handle.tell()
        count, size = len(self._entries), end - start
        if count > _MAX_ENTRIES or start > _ZIP64_LIMIT or size > _ZIP64_LIMIT:
            self._handle.write(_END64.pack(b"PK\x06\x06", _END64.size - 12, _ZIP64_VERSION,
                                           _ZIP64_VERSION, 0, 0, count, count, size, start))
            self._handle.write(_END64_LOCATOR.pack(b"PK\x06\x07", 0, end, 1))
            count, size, start = min(count, _MAX_ENTRIES), min(size, 0xFFFFFFFF), min(start, 0xFFFFFFFF)
        self._handle.write(_END.pack(b"PK\x05\x06", 0, 0, count, count, size, start, 0))

    def _central_header(self, entry: _Entry) -> bytes:
        large: list[int] = []
        compressed, size, offset = entry.compressed, entry.size, entry.offset
        if size > _ZIP64_LIMIT or compressed > _ZIP64_LIMIT:
            large += [size, compressed]
            size = compressed = 0xFFFFFFFF
        if offset > _ZIP64_LIMIT:
            large.append(offset)
            offset = 0xFFFFFFFF
        extra = struct.pack(f"<HH{len(large)}Q", 1, 8 * len(large), *large) if large else b""
        header = _CENTRAL_HEADER.pack(
            b"PK\x01\x02", _ZIP64_VERSION, self._create_system, _ZIP64_VERSION, 0, entry.flags,
            _DEFLATED, entry.dos_time, entry.dos_date, entry.crc, compressed, size,
            len(entry.name), len(extra), 0, 0, 0, entry.external_attr, offset)
        return header + entry.name + extra


def _local_header(entry: _Entry) -> bytes:
    # Always with ZIP64 sizes, as zipfile's force_zip64: the size is not known in advance.
    extra = _ZIP64_SIZES.pack(1, _ZIP64_SIZES.size - 4, entry.size, entry.compressed)
    header = _LOCAL_HEADER.pack(b"PK\x03\x04", _ZIP64_VERSION, 0, entry.flags, _DEFLATED,
                                entry.dos_time, entry.dos_date, entry.crc, 0xFFFFFFFF, 0xFFFFFFFF,
                                len(entry.name), len(extra))
    return header + entry.name + extra


def _encoded_name(name: str) -> tuple[bytes, int]:
    try:
        return name.encode("ascii"), 0
    except UnicodeEncodeError:
        return name.encode("utf-8"), _UTF8_NAME


def _dos_time_date(date_time: tuple[int, ...]) -> tuple[int, int]:
    year, month, day, hour, minute, second = date_time[:6]
    return hour << 11 | minute << 5 | second // 2, (year - 1980) << 9 | month << 5 | day
