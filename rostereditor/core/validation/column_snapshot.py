"""A column's values as last validated plus the edits since, to find rows by value cheaply.

Re-validating one edit must not rebuild million-row arrays; the snapshot scans the array it
already has and consults a small dict of edited rows. When the full check encoded the column
as distinct values, the scan compares small integer codes instead of hashing every string.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.validation.distinct_values import DistinctValues

# Edits kept beside the values before they are folded in: a bulk edit (replace all over a
# hundred thousand cells) must not leave every later lookup walking a huge dict in Python.
_FOLD_MIN = 4096
_FOLD_SHARE = 64
# Up to this many rows are looked up one by one (a typed cell); more are gathered at once.
_ONE_BY_ONE = 64


class ColumnSnapshot:
    def __init__(self, values: pa.Array | pa.ChunkedArray, row_ids: np.ndarray,
                 distinct: DistinctValues | None = None) -> None:
        self.values = values
        self.row_ids = row_ids
        self._distinct = distinct
        self._edited: dict[int, str] = {}
        self._where: np.ndarray | None = None  # row id -> position here, when not the same

    def update(self, row_id: int, value: str) -> str | None:
        """Record the row's current value; returns its previous value (None if unknown)."""
        old = self.value_of(row_id)
        self._edited[row_id] = value
        return old

    def update_many(self, row_ids: np.ndarray, values: pa.Array) -> list[str | None]:
        """update() for many rows at once (distinct row ids); their previous values in order."""
        olds = self.values_of(row_ids)
        self._edited.update(zip(row_ids.tolist(), values.to_pylist(), strict=True))
        if len(self._edited) > max(_FOLD_MIN, len(self.values) // _FOLD_SHARE):
            self._fold()
        return olds

    def values_of(self, row_ids: np.ndarray) -> list[str | None]:
        """value_of() for many rows, gathered with one take when there are many."""
        if len(row_ids) <= _ONE_BY_ONE:
            return [self.value_of(r) for r in row_ids.tolist()]
        positions = self._positions(row_ids)
        known = positions >= 0
        found: list[str | None] = [None] * len(row_ids)
        if len(self.values) and known.any():
            taken = self.values.take(pa.array(np.where(known, positions, 0))).to_pylist()
            found = [value if hit else None
                     for value, hit in zip(taken, known.tolist(), strict=True)]
        edited = self._edited
        if edited:
            for i, row_id in enumerate(row_ids.tolist()):
                if row_id in edited:
                    found[i] = edited[row_id]
        return found

    def _fold(self) -> None:
        """Write the edits of rows this snapshot holds into its values (and their codes)."""
        ids = np.fromiter(self._edited, dtype=np.int64, count=len(self._edited))
        texts = list(self._edited.values())
        positions = self._positions(ids)
        known = positions >= 0
        if not known.any():
            return
        base = self.values.combine_chunks() if isinstance(self.values, pa.ChunkedArray) \
            else self.values
        new = pa.array([t for t, hit in zip(texts, known.tolist(), strict=True) if hit], base.type)
        at = positions[known]
        order = np.arange(len(base), dtype=np.int64)
        order[at] = len(base) + np.arange(len(at), dtype=np.int64)
        self.values = pa.concat_arrays([base, new]).take(pa.array(order))
        if self._distinct is not None:
            self._distinct = _with_codes(self._distinct, at, new)
        self._edited = {r: t for r, t, hit in zip(ids.tolist(), texts, known.tolist(), strict=True)
                        if not hit}

    def _positions(self, row_ids: np.ndarray) -> np.ndarray:
        """Positions here of these row ids (-1 where not held), without a Python loop."""
        n = len(self.row_ids)
        if n == 0:
            return np.full(len(row_ids), -1, dtype=np.int64)
        if int(self.row_ids[0]) == 0 and int(self.row_ids[-1]) == n - 1:
            return np.where((row_ids >= 0) & (row_ids < n), row_ids, -1).astype(np.int64)
        where = self._where_index()
        inside = (row_ids >= 0) & (row_ids < len(where))
        found = np.full(len(row_ids), -1, dtype=np.int64)
        found[inside] = where[row_ids[inside]]
        return found

    def _where_index(self) -> np.ndarray:
        if self._where is None:
            where = np.full(int(self.row_ids.max()) + 1, -1, dtype=np.int64)
            where[self.row_ids] = np.arange(len(self.row_ids), dtype=np.int64)
            self._where = where
        return self._where

    def value_of(self, row_id: int) -> str | None:
        if row_id in self._edited:
            return self._edited[row_id]
        position = self._position(row_id)
        if position is None:
            return None
        value: str | None = self.values[position].as_py()
        return value

    def _position(self, row_id: int) -> int | None:
        n = len(self.row_ids)
        if n == 0 or (int(self.row_ids[0]) == 0 and int(self.row_ids[-1]) == n - 1):
            return row_id if 0 <= row_id < n else None
        where = self._where_index()
        found = int(where[row_id]) if 0 <= row_id < len(where) else -1
        return found if found >= 0 else None

    def rows_with(self, values: Iterable[str], *, in_list: bool = False) -> np.ndarray:
        """Row ids whose value is one of `values` (in_list: an item of a comma-separated list)."""
        wanted = [v for v in set(values) if v != ""]
        if not wanted:
            return np.zeros(0, dtype=np.int64)
        if in_list and len(wanted) > _FEW_CODES:
            mask = _lists_holding(self.values, wanted)
        elif in_list:
            mask = np.zeros(len(self.values), dtype=bool)
            for value in wanted:
                mask |= np.asarray(pc.match_substring(self.values, value).fill_null(False)
                                   .to_numpy(zero_copy_only=False), dtype=bool)
        elif self._distinct is not None:
            mask = self._rows_by_code(self._distinct, wanted)
        else:
            mask = np.asarray(pc.is_in(self.values, value_set=pa.array(wanted, pa.string()))
                              .to_numpy(zero_copy_only=False), dtype=bool)
        found = set(self.row_ids[mask].tolist())
        wanted_set = set(wanted)
        for row_id, value in self._edited.items():
            # An edited row is found by its value now, not by the one it was checked with.
            items = value.split(",") if in_list else [value]
            if wanted_set.intersection(items):
                found.add(row_id)
            else:
                found.discard(row_id)
        return np.asarray(sorted(found), dtype=np.int64)

    @staticmethod
    def _rows_by_code(distinct: DistinctValues, wanted: list[str]) -> np.ndarray:
        """Rows whose value is wanted, found through the codes of the distinct values."""
        hits = pc.is_in(distinct.values, value_set=pa.array(wanted, pa.string()))
        codes = np.flatnonzero(np.asarray(hits.to_numpy(zero_copy_only=False), dtype=bool))
        positions = distinct.positions
        if len(codes) > _FEW_CODES:
            found: np.ndarray = np.isin(positions, codes)
            return found
        mask = np.zeros(len(positions), dtype=bool)
        for code in codes.tolist():  # a few codes: one integer comparison pass each
            mask |= positions == code
        return mask


# Up to this many codes are compared one pass each; more are looked up with np.isin.
_FEW_CODES = 8


def _lists_holding(values: pa.Array | pa.ChunkedArray, wanted: list[str]) -> np.ndarray:
    """Rows whose comma-separated list has one of `wanted` as an item: one split and one
    hash lookup for all of them (the reference check splits the same way)."""
    items = pc.split_pattern(values, ",")
    hit = pc.is_in(pc.list_flatten(items), value_set=pa.array(wanted, pa.string()))
    parents = np.asarray(pc.list_parent_indices(items).to_numpy(zero_copy_only=False))
    mask = np.zeros(len(values), dtype=bool)
    mask[parents[np.asarray(hit.to_numpy(zero_copy_only=False), dtype=bool)]] = True
    return mask


def _with_codes(distinct: DistinctValues, at: np.ndarray, new: pa.Array) -> DistinctValues:
    """distinct with the rows at these positions now holding the values `new`."""
    known = pc.index_in(new, value_set=distinct.values)
    unseen = pc.unique(new.filter(pc.is_null(known)))
    values = pa.concat_arrays([distinct.values, unseen.cast(distinct.values.type)]) \
        if len(unseen) else distinct.values
    codes = np.asarray(pc.index_in(new, value_set=values).to_numpy(zero_copy_only=False),
                       dtype=distinct.positions.dtype)
    positions = distinct.positions.copy()
    positions[at] = codes
    return DistinctValues(values, positions)
