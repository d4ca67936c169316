"""Hypothesis strategies for hostile bundles and zips, and the oracle their round trip is checked by.

Inputs start valid (CSV text with awkward values, encoded several ways; zips of such files,
some with odd member names, methods and flags) and are then mutated: bytes flipped, cut off,
inserted (quotes, CR, LF, NUL, byte order marks), fields made huge, headers made wide, and
zip structures (directory, headers, end record) corrupted field by field.
"""

from __future__ import annotations

import codecs
import csv
import io
import struct
import warnings
import zipfile

from crafted_zips import Member, build_zip
from hypothesis import strategies as st

from rostereditor.core.oneroster_files import canonical_name
from rostereditor.core.text_decoding import decode_csv_bytes

TRICKY_VALUES = ["", " ", '"', '""', ",", "\r", "\n", "\r\n", 'a"b', '"a"b', "a\x00b", "\ufeff",
                 "\ufeffx", "Zoë", "𝄞", "=1+1", "007", "  09", "1E5", "\\", "'", "\t", "é,\"\n"]
VALUE = st.one_of(st.sampled_from(TRICKY_VALUES),
                  st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8),
                  st.text(alphabet=',"\r\n ab\x00\ufeff', max_size=6))
INSERTS = [b'"', b"\r", b"\n", b"\r\n", b"\x00", codecs.BOM_UTF8, codecs.BOM_UTF16_LE,
           codecs.BOM_UTF16_BE, b",", b"\xe9", b"\xc3", b"\xed\xa0\x80", b'""', b"\xff"]
FILE_NAMES = ["users.csv", "orgs.csv", "classes.csv", "enrollments.csv", "manifest.csv",
              "Users.csv", "extra.csv", "academicSessions.csv"]
ODD_MEMBER_NAMES = ["../evil.csv", "/abs/users.csv", "C:/x/orgs.csv", "a\\..\\..\\b.csv", "dir/",
                    "District/users.csv", "District\\orgs.csv", "__MACOSX/._users.csv", ".DS_Store",
                    "CON.csv", "a|b.csv", "inner.zip", "notes.txt", "users.csv", "USERS.CSV",
                    "x/y/users.csv", "users.csv\x00.exe"]


def quote(value: str, style: int) -> str:
    if style == 0 and not any(c in value for c in ',"\r\n'):
        return value
    if style == 2:
        return value  # no quoting at all: breaks values holding delimiters, as a bad tool would
    return '"' + value.replace('"', '""') + '"'


@st.composite
def csv_text(draw: st.DrawFn) -> str:
    width = draw(st.one_of(st.integers(1, 6), st.integers(200, 3000)))
    header = [f"col{i}" for i in range(width)]
    if width <= 6:
        header = draw(st.lists(VALUE, min_size=width, max_size=width))
    rows = draw(st.lists(st.lists(VALUE, min_size=0, max_size=width + 2), max_size=6))
    if width > 6:
        rows = [r + [""] * (width - len(r)) for r in rows]
    if draw(st.booleans()) and rows:  # one huge field
        rows[0] = [draw(st.sampled_from(["x", "ab,", '"', "\n"])) * draw(st.integers(10_000, 300_000))]
    style = draw(st.integers(0, 2))
    ending = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    lines = [",".join(quote(v, style) for v in record) for record in [header, *rows]]
    return ending.join(lines) + draw(st.sampled_from([ending, ""]))


@st.composite
def encoded(draw: st.DrawFn, text: str) -> bytes:
    encoding = draw(st.sampled_from(["utf-8", "utf-8-bom", "utf-8-two-boms", "utf-16", "utf-16-be",
                                     "cp1252"]))
    if encoding == "utf-8-bom":
        return codecs.BOM_UTF8 + text.encode("utf-8", "surrogatepass")
    if encoding == "utf-8-two-boms":
        return codecs.BOM_UTF8 * 2 + text.encode("utf-8", "surrogatepass")
    if encoding == "utf-16-be":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be", "surrogatepass")
    errors = "replace" if encoding == "cp1252" else "surrogatepass"
    return text.encode(encoding, errors)


@st.composite
def mutated(draw: st.DrawFn, data: bytes, structural: bool = False) -> bytes:
    raw = bytearray(data)
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 1, 2, 3] if structural else [0, 0, 1, 1, 2, 3]))):
        if not raw:
            break
        at = draw(st.integers(0, len(raw) - 1))
        operation = draw(st.sampled_from(["flip", "cut", "insert", "delete", "repeat"]
                                         + (["field"] * 3 if structural else [])))
        if operation == "flip":
            raw[at] ^= draw(st.sampled_from([0x01, 0x80, 0xFF, 0x20]))
        elif operation == "cut":
            del raw[at:]
        elif operation == "insert":
            raw[at:at] = draw(st.sampled_from(INSERTS))
        elif operation == "delete":
            del raw[at : at + draw(st.integers(1, 8))]
        elif operation == "repeat":
            raw[at:at] = raw[at : at + draw(st.integers(1, 64))]
        else:
            raw = corrupt_zip_field(draw, raw)
    return bytes(raw)


# (signature, offset of the field, struct format) for the fields worth lying about.
ZIP_FIELDS = [(b"PK\x05\x06", 8, "<H"), (b"PK\x05\x06", 10, "<H"), (b"PK\x05\x06", 12, "<I"),
              (b"PK\x05\x06", 16, "<I"), (b"PK\x01\x02", 6, "<H"), (b"PK\x01\x02", 8, "<H"),
              (b"PK\x01\x02", 10, "<H"), (b"PK\x01\x02", 20, "<I"), (b"PK\x01\x02", 24, "<I"),
              (b"PK\x01\x02", 28, "<H"), (b"PK\x01\x02", 30, "<H"), (b"PK\x01\x02", 42, "<I"),
              (b"PK\x03\x04", 4, "<H"), (b"PK\x03\x04", 6, "<H"), (b"PK\x03\x04", 8, "<H"),
              (b"PK\x03\x04", 18, "<I"), (b"PK\x03\x04", 22, "<I"), (b"PK\x03\x04", 26, "<H"),
              (b"PK\x03\x04", 28, "<H")]
ODD_FIELD_VALUES = [0, 1, 2, 9, 12, 14, 20, 45, 63, 64, 99, 0x0800, 0x0008, 0x0041, 0xFFFF,
                    0x7FFFFFFF, 0xFFFFFFFF, 2**31 - 2, 1 << 20]


def corrupt_zip_field(draw: st.DrawFn, raw: bytearray) -> bytearray:
    signature, offset, form = draw(st.sampled_from(ZIP_FIELDS))
    places = []
    start = raw.find(signature)
    while start >= 0:
        places.append(start)
        start = raw.find(signature, start + 1)
    if not places:
        return raw
    at = draw(st.sampled_from(places)) + offset
    if at + struct.calcsize(form) > len(raw):
        return raw
    value = draw(st.sampled_from(ODD_FIELD_VALUES)) & (0xFFFF if form == "<H" else 0xFFFFFFFF)
    struct.pack_into(form, raw, at, value)
    return raw


@st.composite
def folder_files(draw: st.DrawFn) -> dict[str, bytes]:
    names = draw(st.lists(st.sampled_from(FILE_NAMES), min_size=1, max_size=3, unique=True))
    return {name: draw(mutated(draw(encoded(draw(csv_text()))))) for name in names}


@st.composite
def zip_bytes(draw: st.DrawFn) -> bytes:
    count = draw(st.integers(1, 4))
    members = []
    for _ in range(count):
        odd = draw(st.integers(0, 7)) == 0
        name = draw(st.sampled_from(ODD_MEMBER_NAMES if odd else FILE_NAMES))
        data = draw(encoded(draw(csv_text())))
        if draw(st.integers(0, 4)) == 0:
            method = draw(st.sampled_from([0, 1, 9, 12, 14, 98]))
            flags = draw(st.sampled_from([0, 0x1, 0x8, 0x20, 0x40, 0x800]))
            version = draw(st.sampled_from([20, 45, 63, 64, 99]))
            members.append(Member(name, data, method=method, flags=flags, version_needed=version))
        else:
            members.append(Member(name, data, method=draw(st.sampled_from([0, 8]))))
    if draw(st.booleans()):
        raw = build_zip(members)
    else:
        raw = _zipfile_zip(members, draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED,
                                                          zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])))
    return draw(mutated(raw, structural=True))


def _zipfile_zip(members: list[Member], method: int) -> bytes:
    buffer = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buffer, "w", method) as archive:
        warnings.simplefilter("ignore")  # duplicate names are wanted here
        for member in members:
            if member.name.endswith("/"):
                archive.writestr(zipfile.ZipInfo(member.name), b"")
            else:
                archive.writestr(member.name.replace("\x00", ""), member.data)
    return buffer.getvalue()


def records(text: str) -> list[list[str]]:
    """How Python's csv module reads text (as the careful path does: not strict)."""
    found = list(csv.reader(io.StringIO(text, newline=""), strict=False))
    return [] if found == [[]] else found  # an empty file and a lone line break hold no values


def expected_records(raw: bytes, name: str) -> list[list[str]]:
    """The oracle: the csv module's records of the same decoded text the reader parsed."""
    decoded = decode_csv_bytes(bytearray(raw), name)
    return records(bytes(decoded.data).decode("utf-8"))


def saved_name(found: str) -> str:
    base = found.replace("\\", "/").rsplit("/", 1)[-1]
    return canonical_name(base) or base
