"""How a journal is written: one record per line, `crc32 json` and a newline, so a record torn
by a kill (or damaged on disk) is recognised and everything before it is still read."""

from __future__ import annotations

import json
import zlib
from dataclasses import dataclass, field
from typing import Any

# Bump when a record's meaning changes; a journal of another format is not replayed.
JOURNAL_FORMAT = 1

Record = dict[str, Any]


def encode_record(record: Record) -> bytes:
    # surrogatepass: a cell may hold any text the reader produced; nothing may fail to encode.
    body = json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    return b"%08x " % zlib.crc32(body) + body + b"\n"


@dataclass
class JournalContents:
    """The readable records of a journal, its header first."""

    header: Record | None
    records: list[Record] = field(default_factory=list)
    # Bytes up to the end of the last good record: where appending may go on.
    valid_end: int = 0
    # Where each record ends (the header's end first): a replay that stops early keeps these.
    ends: list[int] = field(default_factory=list)
    # An unfinished last record (the app stopped while writing it): ignored, as it should be.
    torn_tail: bool = False
    # Records after a damaged one: they cannot be replayed without it.
    unreadable: int = 0


def decode_records(data: bytes) -> JournalContents:
    contents = JournalContents(header=None)
    lines = data.split(b"\n")
    # The piece after the last newline is a record still being written when the app stopped.
    complete, tail = lines[:-1], lines[-1]
    offset = 0
    for index, line in enumerate(complete):
        record = _decode_line(line)
        if record is None or (contents.header is None and record.get("k") != "head"):
            rest = [x for x in complete[index + 1:] if x.strip()]
            contents.unreadable = len(rest)
            contents.torn_tail = not rest
            return contents
        if contents.header is None:
            contents.header = record
        else:
            contents.records.append(record)
        offset += len(line) + 1
        contents.valid_end = offset
        contents.ends.append(offset)
    contents.torn_tail = bool(tail)
    return contents


def _decode_line(line: bytes) -> Record | None:
    if len(line) < 10 or line[8:9] != b" ":
        return None
    body = line[9:]
    try:
        if int(line[:8], 16) != zlib.crc32(body):
            return None
        record = json.loads(body.decode("utf-8", "surrogatepass"))
    except (ValueError, UnicodeDecodeError):
        return None
    return record if isinstance(record, dict) else None
