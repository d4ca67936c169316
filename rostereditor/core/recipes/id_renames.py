"""Rename many sourcedIds at once, with every reference to them, in one pass per column.

Renaming one id at a time (core.editing.rename_plan) scans every reference column per id; a
recipe may map thousands of ids over a million enrollments, so here each column is scanned
once for all of them. The mapping is applied simultaneously (a→b with b→a swaps the two).
Single references keep stray surrounding spaces; list cells change only the matching items.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.bundle import Bundle
from rostereditor.core.editing.cell_changes import BundleChanges, CellChange
from rostereditor.core.editing.reference_columns import ID_COLUMN, ReferenceColumn
from rostereditor.core.table import Table


def plan_id_renames(bundle: Bundle, columns: Sequence[ReferenceColumn], target: str,
                    mapping: Mapping[str, str]) -> BundleChanges:
    """Changes renaming each `old` sourcedId of `target` to mapping[old], references included."""
    mapping = {old: new for old, new in mapping.items() if old and old != new}
    changes: BundleChanges = {}
    if not mapping:
        return changes
    keys = pa.array(list(mapping), pa.string())
    places = [(target, ID_COLUMN, False)] + [
        (c.file, c.column, c.is_list) for c in columns if c.target == target]
    for file, column, is_list in places:
        table = bundle.table(file)
        col = table.column_index(column) if table is not None else None
        if table is None or col is None:
            continue
        rows = _candidate_rows(table.column_array(col), keys, is_list)
        found = _changes(table, col, rows, mapping, is_list)
        if found:
            changes.setdefault(file, []).extend(found)
    return changes


def _candidate_rows(array: pa.Array | pa.ChunkedArray, keys: pa.Array, is_list: bool) -> np.ndarray:
    if not is_list:
        mask = pc.is_in(pc.utf8_trim_whitespace(array), value_set=keys)
        return np.flatnonzero(pc.fill_null(mask, False).to_numpy(zero_copy_only=False))
    items = pc.split_pattern(array, ",")
    if isinstance(items, pa.ChunkedArray):
        items = items.combine_chunks()
    hit = pc.is_in(pc.utf8_trim_whitespace(pc.list_flatten(items)), value_set=keys)
    owners = pc.list_parent_indices(items).to_numpy(zero_copy_only=False)
    return np.unique(owners[np.flatnonzero(pc.fill_null(hit, False).to_numpy(zero_copy_only=False))])


def _changes(table: Table, col: int, rows: np.ndarray, mapping: Mapping[str, str],
             is_list: bool) -> list[CellChange]:
    if not len(rows):
        return []
    olds = table.column_array(col).take(pa.array(rows)).to_pylist()
    row_ids = table.row_ids()[rows]
    found = []
    for row_id, old in zip(row_ids.tolist(), olds, strict=True):
        new = _renamed_list(old, mapping) if is_list else _renamed(old, mapping)
        if new != old:
            found.append(CellChange(int(row_id), col, old, new))
    return found


def _renamed(cell: str, mapping: Mapping[str, str]) -> str:
    stripped = cell.strip()
    return cell.replace(stripped, mapping[stripped], 1) if stripped in mapping else cell


def _renamed_list(cell: str, mapping: Mapping[str, str]) -> str:
    return ",".join(_renamed(part, mapping) for part in cell.split(","))
