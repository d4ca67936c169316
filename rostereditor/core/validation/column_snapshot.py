"""A column's values as last validated plus the edits since, to find rows by value cheaply.

Re-validating one edit must not rebuild million-row arrays; the snapshot scans the array it
already has (one vectorized is_in) and consults a small dict of edited rows.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc


class ColumnSnapshot:
    def __init__(self, values: pa.Array, row_ids: np.ndarray) -> None:
        self.values = values
        self.row_ids = row_ids
        self._edited: dict[int, str] = {}

    def update(self, row_id: int, value: str) -> str | None:
        """Record the row's current value; returns its previous value (None if unknown)."""
        old = self.value_of(row_id)
        self._edited[row_id] = value
        return old

    def value_of(self, row_id: int) -> str | None:
        if row_id in self._edited:
            return self._edited[row_id]
        hits = np.flatnonzero(self.row_ids == row_id) if not self._is_identity() else (
            [row_id] if row_id < len(self.row_ids) else [])
        return self.values[int(hits[0])].as_py() if len(hits) else None

    def _is_identity(self) -> bool:
        n = len(self.row_ids)
        return n == 0 or (int(self.row_ids[0]) == 0 and int(self.row_ids[-1]) == n - 1)

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
        else:
            mask = np.asarray(pc.is_in(self.values, value_set=pa.array(wanted, pa.string()))
                              .to_numpy(zero_copy_only=False), dtype=bool)
        found = set(self.row_ids[mask].tolist())
        wanted_set = set(wanted)
        for row_id, value in self._edited.items():
            items = value.split(",") if in_list else [value]
            if wanted_set.intersection(items):
                found.add(row_id)
        return np.asarray(sorted(found), dtype=np.int64)
