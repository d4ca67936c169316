"""Turn a CSV file's bytes into UTF-8, recognising BOMs and Excel's legacy code pages."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

import numpy as np

from rostereditor.core import byte_scans as scans
from rostereditor.core.read_notice import BundleReadError, NoticeLevel, ReadNotice

UTF8_BOM = codecs.BOM_UTF8
_LEGACY_CANDIDATES = ("cp1252", "mac_roman")
_CHUNK = 1 << 22  # decoded per call: about a millisecond under the interpreter lock
# Bytes without a character are listed one by one up to this many, then counted.
_MAX_BYTE_NOTICES = 100


@dataclass
class DecodedText:
    """UTF-8 bytes ready for the CSV parser, and what decoding them involved."""

    data: bytes | bytearray | memoryview
    encoding: str
    had_bom: bool
    notices: list[ReadNotice] = field(default_factory=list)


def line_of_offset(data: bytes | bytearray | memoryview, offset: int) -> int:
    """1-based physical line of a byte offset (CRLF, LF and lone CR all end a line)."""
    head = bytes(data[:offset])
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def _is_utf8(data: bytes | bytearray | memoryview) -> tuple[bool, int]:
    """Whether data is valid UTF-8, checked in chunks so memory stays bounded."""
    if scans.isascii(data):
        return True, -1
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    for start in range(0, len(view), _CHUNK):
        chunk = view[start : start + _CHUNK]
        try:
            decoder.decode(chunk, final=start + _CHUNK >= len(view))
        except UnicodeDecodeError as exc:
            return False, start + exc.start
    return True, -1


def _legacy_score(text: str) -> int:
    """Accented letters in names are mostly lowercase; the right code page yields more of them."""
    return sum(1 for ch in text if ord(ch) > 127 and ch.isalpha() and ch.islower())


def _keep_undecodable(error: UnicodeError) -> tuple[str, int]:
    # A byte with no character in the code page keeps its value (as U+0080..U+00FF) so nothing
    # is lost; the reader reports it so the user can check the value.
    if not isinstance(error, UnicodeDecodeError):  # registered for decoding only
        raise error
    bad = error.object[error.start : error.end]
    return "".join(chr(b) for b in bad), error.end


codecs.register_error("rostereditor-keep", _keep_undecodable)


def decode_csv_bytes(raw: bytes | bytearray, file_name: str) -> DecodedText:
    """Decode a file's bytes: UTF-8 (with or without BOM), UTF-16 with BOM, or a legacy code page.

    A bytearray is used in place (its BOM removed without copying the file); bytes are copied.
    Raises BundleReadError for a UTF-16 file that is damaged (cut short, a lone surrogate).
    """
    notices: list[ReadNotice] = []
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(bytes(raw), file_name)
    marks = _leading_bom_count(raw)
    if marks:
        if isinstance(raw, bytearray):
            del raw[: marks * len(UTF8_BOM)]  # CPython drops a bytearray's head without moving the rest
            body: bytes | bytearray | memoryview = raw
        else:
            body = memoryview(raw)[marks * len(UTF8_BOM) :]
        notices.append(_bom_notice(marks, file_name))
        had_bom = True
    else:
        body = raw
        had_bom = False

    ok, bad_offset = _is_utf8(body)
    if ok:
        return DecodedText(body, "utf-8", had_bom, notices)

    text, encoding = _decode_legacy(bytes(body))
    bad_line = line_of_offset(body, bad_offset)
    pretty = {"cp1252": "Windows-1252", "mac_roman": "Mac Roman"}[encoding]
    notices.append(
        ReadNotice(
            "read.encoding-converted",
            NoticeLevel.WARNING,
            f"The file is not UTF-8 (first non-UTF-8 byte on line {bad_line}); it looks like "
            f"{pretty}, as Excel's plain \"CSV\" save writes. It was converted so accented names "
            "survive, and will be saved as UTF-8. Check a few names to confirm they look right.",
            file_name,
        )
    )
    notices.extend(_undecodable_bytes(bytes(body), encoding, file_name))
    return DecodedText(text.encode("utf-8"), encoding, had_bom, notices)


def _leading_bom_count(raw: bytes | bytearray) -> int:
    """How many UTF-8 byte order marks the file starts with (tools that add one twice exist)."""
    count = 0
    while raw.startswith(UTF8_BOM, count * len(UTF8_BOM)):
        count += 1
    return count


def _bom_notice(marks: int, file_name: str) -> ReadNotice:
    # One rule for every parser: all marks at the very start are dropped here, before parsing,
    # and the writer never writes one, so the header's first name never begins with U+FEFF.
    what = "a UTF-8 byte order mark" if marks == 1 else f"{marks} UTF-8 byte order marks in a row"
    return ReadNotice(
        "read.bom",
        NoticeLevel.INFO,
        f"The file starts with {what} (Excel's \"CSV UTF-8\" writes one). It was ignored and is "
        "not written back.",
        file_name,
    )


def _decode_utf16(raw: bytes, file_name: str) -> DecodedText:
    try:
        text = raw.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise BundleReadError(
            f"{file_name} is UTF-16 (Excel's \"Unicode Text\") but damaged at byte {exc.start:,} "
            f"({exc.reason}): it was cut short or changed after it was saved. Nothing was read. "
            "Save or export it again, preferably as \"CSV UTF-8\"."
        ) from exc
    notices = [
        ReadNotice(
            "read.encoding-converted",
            NoticeLevel.WARNING,
            "The file is UTF-16 (Excel's \"Unicode Text\"), not UTF-8. It was converted; "
            "it will be saved as UTF-8.",
            file_name,
        )
    ]
    marks = len(text) - len(text.lstrip("\ufeff"))
    if marks:
        text = text[marks:]
        notices.append(_bom_notice(marks, file_name))
    return DecodedText(text.encode("utf-8"), "utf-16", True, notices)


def _decode_legacy(body: bytes) -> tuple[str, str]:
    best: tuple[int, str, str] | None = None
    for encoding in _LEGACY_CANDIDATES:
        text = body.decode(encoding, errors="rostereditor-keep")
        score = _legacy_score(text)
        if best is None or score > best[0]:
            best = (score, text, encoding)
    assert best is not None
    return best[1], best[2]


def _undecodable_bytes(body: bytes, encoding: str, file_name: str) -> list[ReadNotice]:
    """A notice per byte the code page has no character for, the first few with their lines.

    Vectorised, and capped: a file of nothing but such bytes costs one pass, not one per byte.
    """
    decoder = codecs.getdecoder(encoding)
    bad_values = []
    for value in range(0x80, 0x100):
        try:
            decoder(bytes([value]))
        except UnicodeDecodeError:
            bad_values.append(value)
    if not bad_values:
        return []
    buf = np.frombuffer(body, dtype=np.uint8)
    offsets = np.flatnonzero(np.isin(buf, np.array(bad_values, dtype=np.uint8)))
    if len(offsets) == 0:
        return []
    lines = _lines_of_offsets(buf, offsets[:_MAX_BYTE_NOTICES])
    notices = [
        ReadNotice(
            "read.undecodable-byte",
            NoticeLevel.WARNING,
            f"Byte 0x{int(buf[offset]):02X} is not a character in this encoding; it was kept as "
            f"U+{int(buf[offset]):04X}. Check this value.",
            file_name,
            int(line),
        )
        for offset, line in zip(offsets[:_MAX_BYTE_NOTICES], lines, strict=True)
    ]
    if len(offsets) > _MAX_BYTE_NOTICES:
        notices.append(ReadNotice(
            "read.undecodable-byte", NoticeLevel.WARNING,
            f"{len(offsets) - _MAX_BYTE_NOTICES:,} more bytes are not characters in this encoding "
            "(only the first are listed). The file may not be text, or not in this encoding.",
            file_name))
    return notices


def _lines_of_offsets(buf: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """1-based physical lines of sorted byte offsets (CRLF, LF and lone CR each end a line)."""
    lf = np.flatnonzero(buf == ord("\n"))
    cr = np.flatnonzero(buf == ord("\r"))
    lone_cr = cr[(cr + 1 >= len(buf)) | (buf[np.minimum(cr + 1, len(buf) - 1)] != ord("\n"))]
    breaks = np.sort(np.concatenate((lf, lone_cr)))
    result: np.ndarray = np.searchsorted(breaks, offsets, side="left") + 1
    return result
