"""Find the records a reference points at, and every cell in the bundle that points at a record."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow.compute as pc

from rostereditor.core.bundle import Bundle
from rostereditor.core.editing.reference_columns import ReferenceColumn, id_column, split_list
from rostereditor.core.table import Table


@dataclass(frozen=True)
class ReferenceHit:
    """A cell at (file, row, col) whose value refers to the record asked about."""

    file: str
    row: int
    col: int
    value: str


def rows_with_id(table: Table, record_id: str) -> list[int]:
    """Rows whose sourcedId is exactly `record_id` (several when ids are duplicated)."""
    col = id_column(table)
    if col is None or not record_id:
        return []
    mask = pc.fill_null(pc.equal(table.column_array(col), record_id), False)
    return [int(r) for r in np.flatnonzero(mask.to_numpy(zero_copy_only=False))]


def references_to(
    bundle: Bundle, columns: Sequence[ReferenceColumn], target: str, record_id: str
) -> list[ReferenceHit]:
    """Every cell in every file that refers to `record_id` of file `target`, in file/row order."""
    hits: list[ReferenceHit] = []
    if not record_id:
        return hits
    for ref in columns:
        if ref.target != target:
            continue
        table = bundle.table(ref.file)
        col = table.column_index(ref.column) if table is not None else None
        if table is None or col is None:
            continue
        array = table.column_array(col)
        if ref.is_list:
            # Substring first (vectorized), then an exact item check on the few candidates.
            mask = pc.match_substring(array, record_id)
        else:
            mask = pc.equal(pc.utf8_trim_whitespace(array), record_id)
        rows = np.flatnonzero(pc.fill_null(mask, False).to_numpy(zero_copy_only=False))
        for row in rows:
            value = table.cell(int(row), col)
            if not ref.is_list or record_id in split_list(value):
                hits.append(ReferenceHit(ref.file, int(row), col, value))
    return hits


def referenced_ids(cell: str, is_list: bool) -> list[str]:
    """The ids a reference cell names, in order."""
    if is_list:
        return [item for item in split_list(cell) if item]
    stripped = cell.strip()
    return [stripped] if stripped else []
