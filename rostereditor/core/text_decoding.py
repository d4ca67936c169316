"""Turn a CSV file's bytes into UTF-8, recognising BOMs and Excel's legacy code pages."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field

from rostereditor.core.read_notice import NoticeLevel, ReadNotice

UTF8_BOM = codecs.BOM_UTF8
_LEGACY_CANDIDATES = ("cp1252", "mac_roman")
_CHUNK = 1 << 24


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
    if (data.isascii() if isinstance(data, (bytes, bytearray)) else bytes(data).isascii()):
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
    """
    notices: list[ReadNotice] = []
    if raw.startswith(UTF8_BOM):
        if isinstance(raw, bytearray):
            del raw[: len(UTF8_BOM)]  # CPython drops a bytearray's head without moving the rest
            body: bytes | bytearray | memoryview = raw
        else:
            body = memoryview(raw)[len(UTF8_BOM) :]
        notices.append(
            ReadNotice(
                "read.bom",
                NoticeLevel.INFO,
                "The file starts with a UTF-8 byte order mark (Excel's \"CSV UTF-8\"). "
                "It was ignored and is not written back.",
                file_name,
            )
        )
        had_bom = True
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = raw.decode("utf-16")
        notices.append(
            ReadNotice(
                "read.encoding-converted",
                NoticeLevel.WARNING,
                "The file is UTF-16 (Excel's \"Unicode Text\"), not UTF-8. It was converted; "
                "it will be saved as UTF-8.",
                file_name,
            )
        )
        return DecodedText(text.encode("utf-8"), "utf-16", True, notices)
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
    notices = []
    decoder = codecs.getdecoder(encoding)
    for offset, byte in enumerate(body):
        if byte < 0x80:
            continue
        try:
            decoder(bytes([byte]))
        except UnicodeDecodeError:
            notices.append(
                ReadNotice(
                    "read.undecodable-byte",
                    NoticeLevel.WARNING,
                    f"Byte 0x{byte:02X} is not a character in this encoding; it was kept as "
                    f"U+{byte:04X}. Check this value.",
                    file_name,
                    line_of_offset(body, offset),
                )
            )
    return notices
