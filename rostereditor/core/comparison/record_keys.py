"""Which column identifies a file's records, and that column's values as one Arrow array."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.spec import spec_for
from rostereditor.core.table import Table

DEFAULT_KEY = "sourcedId"


def key_column(file: str, table: Table, version: str) -> str | None:
    """The column holding record identity (the spec's key, else sourcedId), or None if absent."""
    try:
        spec = spec_for(version).file(file)
    except KeyError:
        spec = None
    for name in ((spec.key if spec else None), DEFAULT_KEY):
        if name and table.column_index(name) is not None:
            return name
    return None


def whole(array: pa.Array | pa.ChunkedArray) -> pa.Array:
    """One contiguous array (set lookups such as index_in need that for their value set)."""
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def column_or_blank(table: Table, name: str) -> pa.Array:
    """A column's values in row order, or blanks when the file has no such column."""
    col = table.column_index(name)
    if col is None:
        return pa.array([""] * len(table), type=pa.string())
    return whole(pc.fill_null(table.column_array(col), ""))


def positions_of(table: Table, row_ids: np.ndarray) -> np.ndarray:
    """Current row positions of stored row ids (all of which must still be in the table)."""
    if not len(row_ids):
        return np.zeros(0, dtype=np.int64)
    order = table.row_ids()
    inverse = np.full(int(order.max()) + 1, -1, dtype=np.int64)
    inverse[order] = np.arange(len(order), dtype=np.int64)
    positions: np.ndarray = inverse[row_ids]
    return positions
