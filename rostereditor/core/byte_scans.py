"""Whole-file byte scans (count, find, is it ASCII) in slices, so a reader thread lets go of
Python's lock between slices.

bytes.count and friends hold the interpreter lock for the whole buffer: on a 600 MB file each
scan froze the window for a few hundred milliseconds while a worker read a bundle. Slices of a
few megabytes keep every hold to about a millisecond, for the same total work.
"""

from __future__ import annotations

Buffer = bytes | bytearray

SLICE = 4 << 20


def count(raw: Buffer, pattern: bytes) -> int:
    """raw.count(pattern) for a pattern that cannot overlap itself (a byte, or b"\r\n"):
    each slice counts the matches that start in it."""
    overlap = len(pattern) - 1
    return sum(raw.count(pattern, start, start + SLICE + overlap)
               for start in range(0, len(raw), SLICE))


def find(raw: Buffer, pattern: bytes) -> int:
    """raw.find(pattern): a match across a slice's end is found too."""
    overlap = len(pattern) - 1
    for start in range(0, len(raw), SLICE):
        found = raw.find(pattern, start, start + SLICE + overlap)
        if found >= 0:
            return found
    return -1


def contains(raw: Buffer, pattern: bytes) -> bool:
    return find(raw, pattern) >= 0


def isascii(raw: Buffer | memoryview) -> bool:
    view = memoryview(raw)
    return all(bytes(view[start : start + SLICE]).isascii() for start in range(0, len(view), SLICE))
