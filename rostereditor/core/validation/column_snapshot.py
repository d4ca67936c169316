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
        if self._where is None:
            where = np.full(int(self.row_ids.max()) + 1, -1, dtype=np.int64)
            where[self.row_ids] = np.arange(n, dtype=np.int64)
            self._where = where
        found = int(self._where[row_id]) if 0 <= row_id < len(self._where) else -1
        return found if found >= 0 else None

    def rows_with(self, values: Iterable[str], *, in_list: bool = False) -> np.ndarray:
        """Row ids whose value is one of `values` (in_list: an item of a comma-separated list)."""
        wanted = [v for v in set(values) if v != ""]
        if not wanted:
            return np.zeros(0, dtype=np.int64)
        if in_list:
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
        mask = np.zeros(len(positions), dtype=bool)
        for code in codes.tolist():  # a few codes: one integer comparison pass each
            mask |= positions == code
        return mask
