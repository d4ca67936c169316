"""Zips built byte by byte, to make the hostile ones zipfile itself will not write."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass


@dataclass
class Member:
    name: str
    data: bytes
    method: int = 8  # 0 stored, 8 deflate; anything else is written as given
    flags: int = 0
    version_needed: int = 20
    claimed_size: int | None = None  # the uncompressed size the headers state (default: true size)
    header_offset: int | None = None  # where the directory says the header is (default: real place)


def _compress(member: Member) -> bytes:
    if member.method == 8:
        packer = zlib.compressobj(9, zlib.DEFLATED, -15)
        return packer.compress(member.data) + packer.flush()
    return member.data


def local_header(member: Member, payload: bytes) -> bytes:
    name = member.name.encode("utf-8")
    size = len(member.data) if member.claimed_size is None else member.claimed_size
    return struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", member.version_needed, member.flags,
                       member.method, 0, 0x21, zlib.crc32(member.data), len(payload), size,
                       len(name), 0) + name


def build_zip(members: list[Member], body_prefix: bytes = b"") -> bytes:
    """A zip of members in order, each local header followed by its data, then the directory."""
    body = bytearray(body_prefix)
    directory = bytearray()
    for member in members:
        payload = _compress(member)
        offset = len(body)
        body += local_header(member, payload) + payload
        directory += central_entry(member, payload, offset if member.header_offset is None
                                   else member.header_offset)
    return bytes(body) + bytes(directory) + end_record(len(members), len(directory), len(body))


def central_entry(member: Member, payload: bytes, offset: int) -> bytes:
    name = member.name.encode("utf-8")
    size = len(member.data) if member.claimed_size is None else member.claimed_size
    return struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, member.version_needed,
                       member.flags, member.method, 0, 0x21, zlib.crc32(member.data),
                       len(payload), size, len(name), 0, 0, 0, 0, 0o644 << 16, offset) + name


def end_record(count: int, directory_size: int, directory_offset: int) -> bytes:
    return struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, count, count, directory_size,
                       directory_offset, 0)


def overlapping_zip(kernel: bytes, members: int) -> bytes:
    """A Fifield-style non-recursive bomb: each member's data quotes the next member's header.

    Member i inflates to the headers of members i+1.. followed by the kernel, so a small zip
    inflates the kernel once per member. Python before 3.11.8 reads it without complaint.
    """
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = packer.compress(kernel) + packer.flush()  # member N-1's data; ends with the final block
    output = kernel
    headers: list[bytes] = []
    for i in reversed(range(members)):
        name = f"m{i:03d}.csv".encode()
        header = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0x21,
                             zlib.crc32(output), len(data), len(output), len(name), 0) + name
        headers.insert(0, header)
        if i:
            # Member i-1's data: a stored, non-final deflate block holding this header verbatim
            # (so it inflates to the header), then this member's data.
            data = b"\x00" + struct.pack("<HH", len(header), len(header) ^ 0xFFFF) + header + data
            output = header + output
    body = headers[0] + data
    directory = bytearray()
    offset = 0
    for header in headers:
        directory += _central_from_local(header, offset)
        offset += len(header) + 5  # the next header follows this one and its 5-byte block start
    return body + bytes(directory) + end_record(members, len(directory), len(body))


def _central_from_local(header: bytes, offset: int) -> bytes:
    (_, version, flags, method, mtime, mdate, crc, csize, usize, name_length,
     _extra) = struct.unpack("<4sHHHHHIIIHH", header[:30])
    return struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, version, flags, method, mtime,
                       mdate, crc, csize, usize, name_length, 0, 0, 0, 0, 0o644 << 16,
                       offset) + header[30:]
