"""Format a Table as canonical RFC 4180 CSV: UTF-8 without BOM, CRLF, minimal quoting.

A field is quoted only when it holds a comma, a double quote, CR or LF, and quotes inside
are doubled. Rectangular tables are formatted column-at-a-time in Arrow, without a Python
loop over rows; ragged tables are formatted record by record so no field is lost.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.arrow_strings import offsets_and_data, rows_holding
from rostereditor.core.table import Table

_CRLF = "\r\n"
# Bytes that make a field need quotes. In UTF-8 they never occur inside a multi-byte
# character, so a scan of a column's raw bytes finds exactly the fields that hold them.
_SPECIAL_BYTES = (b",", b'"', b"\r", b"\n")
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
    # 32-bit offsets unless this piece could pass 2 GB once quoted and joined.
    wide = sum(c.nbytes for c in columns) * 2 > 2**31 - 1
    text_type = pa.large_string() if wide else pa.string()
    formatted = []
    for column in columns:
        text = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
        text = text.cast(text_type)
        # The lone field of a one-column record is quoted when empty, or it would be a blank line.
        rows = _rows_needing_quotes(text, empty_too=single)
        if rows is not None:
            text = _quote_rows(text, rows)
        formatted.append(text)
    # The line ending joins the last field only: cheaper than a second pass over whole records.
    formatted[-1] = pc.binary_join_element_wise(formatted[-1], pa.scalar(_CRLF, text_type),
                                                pa.scalar("", text_type))
    if single:
        return _string_array_view(formatted[0])
    return _string_array_view(pc.binary_join_element_wise(*formatted, pa.scalar(",", text_type)))


def _rows_needing_quotes(text: pa.Array, *, empty_too: bool) -> np.ndarray | None:
    """Positions of the values holding a comma, quote, CR or LF (or empty ones); None if none do.

    One scan of the column's bytes decides for the whole column, which almost always needs no
    quotes at all; only a column that does is looked at value by value.
    """
    offsets, data = offsets_and_data(text)
    flat = bytes(data)
    empty = (offsets[1:] == offsets[:-1]) if empty_too else None
    hit = any(flat.find(special) >= 0 for special in _SPECIAL_BYTES)
    if not hit and (empty is None or not empty.any()):
        return None
    rows = np.zeros(len(text), dtype=bool)
    if hit:
        codes = np.frombuffer(flat, dtype=np.uint8)
        positions = np.flatnonzero((codes == 0x2C) | (codes == 0x22) | (codes == 0x0D) | (codes == 0x0A))
        rows[rows_holding(offsets, positions)] = True
    if empty is not None:
        rows |= empty
    return np.flatnonzero(rows)


def _quote_rows(text: pa.Array, rows: np.ndarray) -> pa.Array:
    """text with the values at rows wrapped in quotes, quotes inside doubled."""
    text_type = text.type
    chosen = text.take(pa.array(rows, type=pa.int64()))
    quote = pa.scalar('"', text_type)
    quoted = pc.binary_join_element_wise(quote, pc.replace_substring(chosen, '"', '""'), quote,
                                         pa.scalar("", text_type))
    mask = np.zeros(len(text), dtype=bool)
    mask[rows] = True
    return pc.replace_with_mask(text, pa.array(mask, type=pa.bool_()), quoted)


def _string_array_view(array: pa.Array) -> memoryview:
    """The concatenated values of a string array, straight from its data buffer (no copy)."""
    if len(array) == 0:
        return memoryview(b"")
    return offsets_and_data(array)[1]
