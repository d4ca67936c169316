"""Small vectorized helpers over Arrow text columns that the conversion steps share."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeAlias

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.conversion.report import EXAMPLES_KEPT
from rostereditor.core.table import Table

TextArray: TypeAlias = pa.Array | pa.ChunkedArray


def blank(count: int) -> pa.Array:
    """A column of empty values."""
    return pa.repeat(pa.scalar("", pa.string()), count)


def rows_where(mask: TextArray) -> np.ndarray:
    """Row positions where a boolean Arrow array is true (null counts as false)."""
    filled = pc.fill_null(mask, False)
    if isinstance(filled, pa.ChunkedArray):
        filled = filled.combine_chunks()
    return np.flatnonzero(filled.to_numpy(zero_copy_only=False))


def filled_rows(values: TextArray) -> np.ndarray:
    """Rows whose value is not empty."""
    return rows_where(pc.not_equal(values, ""))


def rows_in(values: TextArray, allowed: Sequence[str]) -> np.ndarray:
    return rows_where(pc.is_in(values, value_set=pa.array(list(allowed), pa.string())))


def column(table: Table, name: str) -> TextArray | None:
    """A column's values in row order, or None when the file has no such column."""
    index = table.column_index(name)
    return None if index is None else table.column_array(index)


def where_line(table: Table, row: int) -> str:
    line = table.source_line(row)
    return f"line {line}" if line is not None else f"record {row + 1}"


def examples(table: Table, rows: Sequence[int] | np.ndarray, describe: Sequence[str]) -> list[str]:
    """'line 12: <what>' for the first few rows; describe[i] belongs to rows[i]."""
    return [f"{where_line(table, int(r))}: {d}" for r, d in
            zip(list(rows)[:EXAMPLES_KEPT], list(describe)[:EXAMPLES_KEPT], strict=False)]


def value_examples(table: Table, values: TextArray, rows: np.ndarray) -> list[str]:
    picked = values.take(pa.array(rows[:EXAMPLES_KEPT])).to_pylist()
    return examples(table, rows, [repr(v) for v in picked])
