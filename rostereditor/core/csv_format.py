"""Format a Table as canonical RFC 4180 CSV: UTF-8 without BOM, CRLF, minimal quoting.

A field is quoted only when it holds a comma, a double quote, CR or LF, and quotes inside
are doubled. Rectangular tables are formatted column-at-a-time in Arrow, without a Python
loop over rows; ragged tables are formatted record by record so no field is lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.table import Table

_NEEDS_QUOTES = r'[",\r\n]'
_CRLF = "\r\n"
_LQ = pa.scalar('"', pa.large_string())
_EMPTY = pa.scalar("", pa.large_string())


def quote_field(value: str, *, only_field: bool = False) -> str:
    if any(ch in value for ch in ',"\r\n') or (only_field and value == ""):
        return '"' + value.replace('"', '""') + '"'
    return value


def format_record(values: Sequence[str]) -> str:
    only = len(values) == 1
    return ",".join(quote_field(v, only_field=only) for v in values) + _CRLF


def format_rows(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """Canonical CSV bytes from plain Python rows (manifests, small files)."""
    parts = [format_record(header)]
    parts.extend(format_record(r) for r in rows)
    return "".join(parts).encode("utf-8")


def format_table(table: Table) -> bytes:
    """Canonical CSV bytes for a whole table, edits and ragged records included."""
    head = format_record(table.header).encode("utf-8")
    if len(table) == 0:
        return head
    if table.has_ragged_rows() or table.column_count == 0:
        body = "".join(format_record(table.row_values(r)) for r in range(len(table)))
        return head + body.encode("utf-8")
    return head + _format_columns([table.column_array(c) for c in range(table.column_count)])


def _format_columns(columns: list[pa.Array]) -> bytes:
    single = len(columns) == 1
    pattern = r'^$|[",\r\n]' if single else _NEEDS_QUOTES
    formatted = []
    for column in columns:
        text = column.cast(pa.large_string())
        needs = pc.match_substring_regex(text, pattern)
        if pc.any(needs).as_py():
            quoted = pc.binary_join_element_wise(_LQ, pc.replace_substring(text, '"', '""'), _LQ, _EMPTY)
            text = pc.if_else(needs, quoted, text)
        formatted.append(text)
    rows = pc.binary_join_element_wise(*formatted, pa.scalar(",", pa.large_string()))
    rows = pc.binary_join_element_wise(
        rows, pa.scalar(_CRLF, pa.large_string()), pa.scalar("", pa.large_string())
    )
    return _string_array_bytes(rows)


def _string_array_bytes(array: pa.Array) -> bytes:
    """The concatenated values of a string array, straight from its data buffer."""
    offsets_buffer, data_buffer = array.buffers()[1], array.buffers()[2]
    width = 8 if pa.types.is_large_string(array.type) else 4
    first = int.from_bytes(offsets_buffer[array.offset * width : (array.offset + 1) * width], "little")
    end_at = (array.offset + len(array)) * width
    last = int.from_bytes(offsets_buffer[end_at : end_at + width], "little")
    if data_buffer is None:
        return b""
    return data_buffer[first:last].to_pybytes()
