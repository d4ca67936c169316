"""A column's values as the text its workbook cells store: escaped only where a byte scan says so.

escape_cell_text changes a value only when it holds `_x`, a control character or U+FFFE/FFFF,
or is nothing but whitespace. Bytes that can start those are few and easy to find in the
column's UTF-8 at once, so only the rare values they occur in go through Python.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa

from rostereditor.core.arrow_strings import offsets_and_data, rows_holding
from rostereditor.core.xlsx.ooxml_text import escape_cell_text

_UNDERSCORE, _LOWER_X = 0x5F, 0x78
_FIRST_NOT_CONTROL = 0x20
_SPACE = 0x20
_NONCHARACTER_LEAD = 0xEF  # U+FFFE and U+FFFF are EF BF BE and EF BF BF
_NON_ASCII = 0x80


def cell_texts(array: pa.Array | pa.ChunkedArray) -> list[str]:
    """Each value as stored in its cell (see ooxml_text); empty values stay "" (no cell)."""
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    values: list[str] = array.to_pylist()
    for row in _rows_that_may_change(array).tolist():
        values[row] = escape_cell_text(values[row])
    return values


def _rows_that_may_change(array: pa.Array) -> np.ndarray:
    """Rows whose value escape_cell_text might change (a few more at most, never fewer)."""
    offsets, data = offsets_and_data(array)
    codes = np.frombuffer(data, dtype=np.uint8)
    marked = (codes < _FIRST_NOT_CONTROL) | (codes == _NONCHARACTER_LEAD)
    marked[:-1] |= (codes[:-1] == _UNDERSCORE) & (codes[1:] == _LOWER_X)
    rows = np.zeros(len(array), dtype=bool)
    rows[rows_holding(offsets, np.flatnonzero(marked))] = True
    # A value of only whitespace starts with a space or control byte, or a non-ASCII character.
    starts = offsets[:-1]
    filled = offsets[1:] > starts
    first = np.zeros(len(array), dtype=np.uint8)
    first[filled] = codes[starts[filled]]
    rows |= filled & ((first <= _SPACE) | (first >= _NON_ASCII))
    return np.flatnonzero(rows)
