"""Format a Table as canonical RFC 4180 CSV: UTF-8 without BOM, CRLF, minimal quoting.

A field is quoted only when it holds a comma, a double quote, CR or LF, and quotes inside
are doubled. Rectangular tables are formatted column-at-a-time in Arrow, without a Python
loop over rows; ragged tables are formatted record by record so no field is lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.table import Table

_NEEDS_QUOTES = r'[",\r\n]'
_CRLF = "\r\n"
# Formatting works on slices of rows so the transient copies stay small.
_ROWS_PER_PIECE = 200_000
_RAGGED_ROWS_PER_PIECE = 20_000


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
    return b"".join(iter_table_bytes(table))


def iter_table_bytes(table: Table) -> Iterator[bytes | memoryview]:
    """The canonical CSV of a table in pieces, so a large file is never whole in memory twice."""
    yield format_record(table.header).encode("utf-8")
    rows = len(table)
    if table.has_ragged_rows() or table.column_count == 0:
        for start in range(0, rows, _RAGGED_ROWS_PER_PIECE):
            stop = min(rows, start + _RAGGED_ROWS_PER_PIECE)
            yield "".join(format_record(table.row_values(r)) for r in range(start, stop)).encode("utf-8")
        return
    columns = [table.column_array(c) for c in range(table.column_count)]
    for start in range(0, rows, _ROWS_PER_PIECE):
        yield _format_columns([c.slice(start, _ROWS_PER_PIECE) for c in columns])


def _format_columns(columns: list[pa.Array | pa.ChunkedArray]) -> memoryview:
    single = len(columns) == 1
    pattern = r'^$|[",\r\n]' if single else _NEEDS_QUOTES
    # 32-bit offsets unless this piece could pass 2 GB once quoted and joined.
    wide = sum(c.nbytes for c in columns) * 2 > 2**31 - 1
    text_type = pa.large_string() if wide else pa.string()
    quote, empty = pa.scalar('"', text_type), pa.scalar("", text_type)
    formatted = []
    for column in columns:
        text = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
        text = text.cast(text_type)
        needs = pc.match_substring_regex(text, pattern)
        if pc.any(needs).as_py():
            quoted = pc.binary_join_element_wise(quote, pc.replace_substring(text, '"', '""'), quote, empty)
            text = pc.if_else(needs, quoted, text)
        formatted.append(text)
    rows = pc.binary_join_element_wise(*formatted, pa.scalar(",", text_type))
    rows = pc.binary_join_element_wise(rows, pa.scalar(_CRLF, text_type), empty)
    return _string_array_view(rows)


def _string_array_view(array: pa.Array) -> memoryview:
    """The concatenated values of a string array, straight from its data buffer (no copy)."""
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    offsets_buffer, data_buffer = array.buffers()[1], array.buffers()[2]
    if data_buffer is None or len(array) == 0:
        return memoryview(b"")
    width = 8 if pa.types.is_large_string(array.type) else 4
    offsets = memoryview(offsets_buffer).cast("B")
    first = int.from_bytes(offsets[array.offset * width : (array.offset + 1) * width], "little")
    end_at = (array.offset + len(array)) * width
    last = int.from_bytes(offsets[end_at : end_at + width], "little")
    return memoryview(data_buffer)[first:last]
