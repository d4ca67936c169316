"""Every cell that differs between two matched records, kept as columns until someone looks."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
import pyarrow as pa


@dataclass(frozen=True)
class CellChange:
    """One changed cell: the record (by key and row id on each side), the column, both texts."""

    key: str
    column: str
    old: str
    new: str
    old_row_id: int
    new_row_id: int


@dataclass(frozen=True)
class ChangedCells:
    """Changed cells of one file, ordered by NEW row and then column order.

    Row ids are the Tables' stable row ids (they survive sorting and filtering in the window),
    so a grid can tint cells with a lookup instead of a search.
    """

    keys: pa.Array
    columns: pa.Array
    old_values: pa.Array
    new_values: pa.Array
    old_row_ids: np.ndarray
    new_row_ids: np.ndarray

    @classmethod
    def empty(cls) -> ChangedCells:
        blank = pa.array([], type=pa.string())
        none = np.zeros(0, dtype=np.int64)
        return cls(blank, blank, blank, blank, none, none)

    def __len__(self) -> int:
        return len(self.new_row_ids)

    @property
    def record_count(self) -> int:
        """How many records have at least one changed cell."""
        return len(np.unique(self.new_row_ids))

    def changed_row_ids(self) -> np.ndarray:
        """NEW row ids of the changed records, each once, in NEW order of first change."""
        _, first = np.unique(self.new_row_ids, return_index=True)
        return self.new_row_ids[np.sort(first)]

    def cells_of_column(self, column: str) -> np.ndarray:
        """NEW row ids whose cell in `column` changed (for tinting one grid column)."""
        mask = np.asarray(self.columns.to_numpy(zero_copy_only=False) == column, dtype=bool)
        found: np.ndarray = self.new_row_ids[mask]
        return found

    def __iter__(self) -> Iterator[CellChange]:
        return self.items(0, len(self))

    def items(self, start: int, stop: int) -> Iterator[CellChange]:
        """Changes start..stop as objects (a page of a long list)."""
        stop = min(stop, len(self))
        keys = self.keys.slice(start, stop - start).to_pylist()
        columns = self.columns.slice(start, stop - start).to_pylist()
        old = self.old_values.slice(start, stop - start).to_pylist()
        new = self.new_values.slice(start, stop - start).to_pylist()
        old_ids = self.old_row_ids[start:stop].tolist()
        new_ids = self.new_row_ids[start:stop].tolist()
        for i in range(len(keys)):
            yield CellChange(keys[i], columns[i], old[i], new[i], old_ids[i], new_ids[i])
