"""Compare two versions of one file: records added, removed and changed, matched by key."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.comparison.changed_cells import ChangedCells
from rostereditor.core.comparison.id_changes import IdChanges
from rostereditor.core.comparison.record_keys import whole
from rostereditor.core.comparison.record_matching import match_keys
from rostereditor.core.table import Table

FileState = Literal["both", "only-old", "only-new", "no-key"]


@dataclass(frozen=True)
class FileComparison:
    """What changed in one file between OLD and NEW.

    Row ids are the Tables' stable row ids: added ones are NEW's, removed ones OLD's. A file
    present on one side only has all its records added or removed; a file without a key column
    (state "no-key") cannot be compared record by record and lists nothing.
    """

    file: str
    key: str | None
    state: FileState
    old_count: int
    new_count: int
    added_row_ids: np.ndarray
    added_keys: pa.Array
    removed_row_ids: np.ndarray
    removed_keys: pa.Array
    changed: ChangedCells
    columns_added: tuple[str, ...] = ()
    columns_removed: tuple[str, ...] = ()
    duplicate_keys: int = 0
    id_changes: IdChanges = field(default_factory=IdChanges.empty)

    @property
    def added(self) -> int:
        return len(self.added_row_ids)

    @property
    def removed(self) -> int:
        return len(self.removed_row_ids)

    @property
    def removed_percent(self) -> float:
        """Removed records as a percentage of OLD's records (0 when OLD had none)."""
        return 100.0 * self.removed / self.old_count if self.old_count else 0.0

    @property
    def has_changes(self) -> bool:
        return bool(self.added or self.removed or len(self.changed) or self.columns_added
                    or self.columns_removed or self.state in ("only-old", "only-new"))


def compare_tables(file: str, old: Table | None, new: Table | None, key: str | None,
                   *, ignore: Collection[str] = ()) -> FileComparison:
    """Compare OLD and NEW versions of `file` by the values of column `key`.

    ignore: columns whose differences do not count (the delta builder ignores status and
    dateLastModified, which a bulk file leaves blank and a delta fills).
    """
    old_count = len(old) if old is not None else 0
    new_count = len(new) if new is not None else 0
    if old is None or new is None:
        state: FileState = "only-new" if old is None else "only-old"
        table = new if new is not None else old
        assert table is not None
        keys = _keys(table, key) if key else pa.array([""] * len(table), pa.string())
        ids = table.row_ids()
        none = np.zeros(0, dtype=np.int64)
        blank = pa.array([], type=pa.string())
        if old is None:
            return FileComparison(file, key, state, 0, new_count, ids, keys, none, blank,
                                  ChangedCells.empty())
        return FileComparison(file, key, state, old_count, 0, none, blank, ids, keys,
                              ChangedCells.empty())
    added_cols = tuple(c for c in dict.fromkeys(new.header) if c not in old.header)
    removed_cols = tuple(c for c in dict.fromkeys(old.header) if c not in new.header)
    if key is None or old.column_index(key) is None or new.column_index(key) is None:
        none = np.zeros(0, dtype=np.int64)
        blank = pa.array([], type=pa.string())
        return FileComparison(file, None, "no-key", old_count, new_count, none, blank, none, blank,
                              ChangedCells.empty(), added_cols, removed_cols)
    old_keys, new_keys = _keys(old, key), _keys(new, key)
    new_to_old, duplicates = match_keys(old_keys, new_keys)
    matched_new = np.flatnonzero(new_to_old >= 0)
    matched_old = new_to_old[matched_new]
    old_seen = np.zeros(old_count, dtype=bool)
    old_seen[matched_old] = True
    added_pos = np.flatnonzero(new_to_old < 0)
    removed_pos = np.flatnonzero(~old_seen)
    old_ids, new_ids = old.row_ids(), new.row_ids()
    columns = [c for c in dict.fromkeys(new.header) if c in old.header and c not in ignore]
    changed = _changed_cells(old, new, columns, new_keys, matched_old=matched_old,
                             matched_new=matched_new, old_ids=old_ids, new_ids=new_ids)
    return FileComparison(
        file, key, "both", old_count, new_count,
        new_ids[added_pos], new_keys.take(pa.array(added_pos)),
        old_ids[removed_pos], old_keys.take(pa.array(removed_pos)),
        changed, added_cols, removed_cols, duplicates)


def _keys(table: Table, key: str | None) -> pa.Array:
    col = table.column_index(key) if key else None
    if col is None:
        return pa.array([""] * len(table), pa.string())
    return whole(table.column_array(col))


def _gather(values: pa.Array | pa.ChunkedArray, positions: np.ndarray) -> pa.Array | pa.ChunkedArray:
    """values[positions]; a run of consecutive positions (rows only appended or dropped at
    the end, the common case on one side) is a zero-copy slice instead of a gather."""
    if len(positions) and positions[-1] - positions[0] + 1 == len(positions) \
            and bool(np.all(np.diff(positions) == 1)):
        return values.slice(int(positions[0]), len(positions))
    return values.take(pa.array(positions))


def _changed_cells(old: Table, new: Table, columns: list[str], new_keys: pa.Array, *,
                   matched_old: np.ndarray, matched_new: np.ndarray,
                   old_ids: np.ndarray, new_ids: np.ndarray) -> ChangedCells:
    aligned = (len(matched_new) == len(old) == len(new)
               and np.array_equal(matched_old, matched_new)
               and np.array_equal(matched_new, np.arange(len(new))))
    pieces: list[tuple[int, np.ndarray, pa.Array, pa.Array]] = []
    for order, name in enumerate(columns):
        old_col = old.column_array(old.header.index(name))
        new_col = new.column_array(new.header.index(name))
        if not aligned:  # rows in the same places: compare in place, no gather needed
            old_col, new_col = _gather(old_col, matched_old), _gather(new_col, matched_new)
        differs = pc.not_equal(old_col, new_col)
        hits = np.flatnonzero(np.asarray(differs.to_numpy(zero_copy_only=False), dtype=bool))
        if len(hits):
            where = pa.array(hits)
            pieces.append((order, hits, whole(old_col.take(where)), whole(new_col.take(where))))
    if not pieces:
        return ChangedCells.empty()
    hits = np.concatenate([p[1] for p in pieces])
    orders = np.concatenate([np.full(len(p[1]), p[0]) for p in pieces])
    sort = np.lexsort((orders, hits))
    gather = pa.array(sort)
    names = pa.array(columns, pa.string()).take(pa.array(orders[sort]))
    old_values = pa.concat_arrays([p[2] for p in pieces]).take(gather)
    new_values = pa.concat_arrays([p[3] for p in pieces]).take(gather)
    rows = hits[sort]
    return ChangedCells(new_keys.take(pa.array(matched_new[rows])), names, old_values, new_values,
                        old_ids[matched_old[rows]], new_ids[matched_new[rows]])
