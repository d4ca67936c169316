"""Find the records a reference points at, every cell that points at a record, and an id anywhere."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow.compute as pc

from rostereditor.core.bundle import Bundle
from rostereditor.core.editing.reference_columns import ReferenceColumn, id_column, split_list
from rostereditor.core.table import Table

# Find ID lists at most this many cells: enough to act on, quick to show.
MAX_ID_HITS = 1000


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


@dataclass(frozen=True)
class IdHit:
    """A cell holding the id asked about, alone or in a comma-separated list."""

    file: str
    row: int
    column: int
    line: int | None
    value: str


def find_id(bundle: Bundle, wanted: str, limit: int = MAX_ID_HITS) -> list[IdHit]:
    """Cells equal to `wanted` or listing it, in any column of any data file, in file order.

    Unlike references_to this needs no spec: it finds the id in extension columns and in
    columns the bundle's version does not define, which is what a person hunting an id wants.
    """
    wanted = wanted.strip()
    hits: list[IdHit] = []
    if not wanted:
        return hits
    for name in bundle.data_file_names:
        table = bundle.files[name].table
        for col in range(table.column_count):
            mask = pc.fill_null(pc.match_substring(table.column_array(col), wanted), False)
            for row in np.flatnonzero(mask.to_numpy(zero_copy_only=False)).tolist():
                value = table.cell(row, col)
                if value == wanted or wanted in (part.strip() for part in value.split(",")):
                    hits.append(IdHit(name, row, col, table.source_line(row), value))
                    if len(hits) >= limit:
                        return hits
    return hits
