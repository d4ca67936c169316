"""Double quotes inside a value that does not start with one (RFC 4180 allows none there).

Parsers disagree on such a value (x,ab"c,d): some keep the quote, some start a quoted value
and swallow the rest of the line. Both readers here keep it, so it is found afterwards: only
records with a quote in some value are looked at, and their raw text is walked field by field.
"""

from __future__ import annotations

import bisect
import re

import numpy as np
import pyarrow.compute as pc

from rostereditor.core import byte_scans as scans
from rostereditor.core.read_notice import NoticeLevel, ReadNotice
from rostereditor.core.table import Table

CODE = "read.stray-quote"
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


def stray_quote_notices(raw: bytes | bytearray, table: Table,
                        file_name: str) -> list[ReadNotice]:
    """One error per quote found inside an unquoted value, at its line and column."""
    if not scans.contains(raw, b'"'):
        return []
    rows = _rows_with_quotes(table)
    header_has_quote = any('"' in name for name in table.header)
    if not rows and not header_has_quote:
        return []
    lines = [m.group(0) for m in _LINE.finditer(raw.decode("utf-8", errors="replace"))
             if m.group(0)]
    starts = [1] if header_has_quote else []
    starts += [line for line in (table.source_line(r) for r in rows) if line is not None]
    notices = []
    for start in starts:
        row = table.row_for_line(start) if start != 1 else None
        following = table.source_line(row + 1) if row is not None and row + 1 < len(table) \
            else None
        end = following if following is not None else (start + 1 if row is None
                                                        else len(lines) + 1)
        record = "".join(lines[start - 1:end - 1])
        # Where each line of the record ends, found once: counting them again for every quote
        # made a record of 150,000 stray quotes take minutes.
        line_ends = [m.end() for m in re.finditer(r"\r\n|\r|\n", record)]
        for offset, field in _quotes_in_unquoted_fields(record):
            line = start + bisect.bisect_right(line_ends, offset)
            column = table.header[field] if row is not None and field < len(table.header) \
                else None
            shown = record[max(0, offset - 15):offset + 15].strip("\r\n")
            notices.append(ReadNotice(
                CODE, NoticeLevel.ERROR,
                f"A double quote sits inside a value that does not start with one "
                f"(…{shown}…). RFC 4180 allows quotes only around a whole value, with quotes "
                "inside it doubled, so importers read this line differently. Saving from "
                "RosterEditor writes the value correctly quoted; or remove the quote.",
                file_name, line, column))
    return notices


def _rows_with_quotes(table: Table) -> list[int]:
    found = np.zeros(len(table), dtype=bool)
    for index in range(table.column_count):
        hits = pc.match_substring(table.column_array(index), '"')
        if pc.any(hits).as_py():
            found |= np.asarray(hits.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
    return np.flatnonzero(found).tolist()


def _quotes_in_unquoted_fields(record: str) -> list[tuple[int, int]]:
    """(offset, field index) of each quote that is not part of a quoted field."""
    found = []
    field, at_start, quoted, i = 0, True, False, 0
    while i < len(record):
        char = record[i]
        if quoted:
            if char == '"':
                if record[i + 1:i + 2] == '"':
                    i += 1  # a doubled quote inside a quoted value
                else:
                    quoted = False
        elif char == ",":
            field, at_start = field + 1, True
        elif char == '"' and at_start:
            quoted, at_start = True, False
        elif char == '"':
            found.append((i, field))
        elif char not in "\r\n":
            at_start = False
        i += 1
    return found
