"""Which table rows a grid shows and in which order (sort, filters); the table never moves."""

from __future__ import annotations

from collections.abc import Collection

import numpy as np
import pyarrow.compute as pc

from rostereditor.core.table import Table


class ViewRowOrder:
    """A view-row -> table-row mapping built with Arrow/NumPy, so a million rows stay fast.

    Sorting and filtering only change what the grid shows; the saved order is the table's.
    """

    def __init__(self) -> None:
        self.sort_column: int | None = None
        self.sort_descending = False
        self.filters: dict[int, str] = {}
        self.problem_rows_only = False
        self._rows: np.ndarray | None = None  # None means "every row, in table order"
        self._inverse: np.ndarray | None = None

    @property
    def active(self) -> bool:
        return self.sort_column is not None or bool(self.filters) or self.problem_rows_only

    @property
    def filtering(self) -> bool:
        return bool(self.filters) or self.problem_rows_only

    def clear(self) -> None:
        self.sort_column = None
        self.sort_descending = False
        self.filters.clear()
        self.problem_rows_only = False
        self._rows = None
        self._inverse = None

    def forget_columns(self) -> None:
        """Columns were inserted, deleted or moved: sort and filters named columns by position."""
        self.sort_column = None
        self.sort_descending = False
        self.filters.clear()

    def count(self, table: Table) -> int:
        return len(table) if self._rows is None else len(self._rows)

    def table_row(self, view_row: int) -> int:
        return view_row if self._rows is None else int(self._rows[view_row])

    def view_row(self, table_row: int) -> int | None:
        if self._rows is None:
            return table_row
        if self._inverse is None:
            inverse = np.full(int(self._rows.max(initial=-1)) + 1, -1, dtype=np.int64)
            inverse[self._rows] = np.arange(len(self._rows), dtype=np.int64)
            self._inverse = inverse
        if not 0 <= table_row < len(self._inverse):
            return None
        found = int(self._inverse[table_row])
        return found if found >= 0 else None

    def rebuild(self, table: Table, problem_row_ids: Collection[int] = ()) -> None:
        """Recompute the mapping from the current settings and the table's current rows."""
        self._inverse = None
        if not self.active:
            self._rows = None
            return
        count = len(table)
        mask = np.ones(count, dtype=bool)
        for col, text in self.filters.items():
            if col < table.column_count and text:
                hits = pc.match_substring(table.column_array(col), text, ignore_case=True)
                mask &= hits.to_numpy(zero_copy_only=False).astype(bool)
        if self.problem_rows_only:
            wanted = np.fromiter(problem_row_ids, dtype=np.int64, count=len(problem_row_ids))
            mask &= np.isin(table.row_ids(), wanted)
        rows = np.flatnonzero(mask).astype(np.int64)
        if self.sort_column is not None and self.sort_column < table.column_count and len(rows):
            values = table.column_array(self.sort_column).take(rows)
            order = "descending" if self.sort_descending else "ascending"
            # Arrow's sort is stable, so equal values keep the file's order.
            rows = rows[pc.array_sort_indices(values, order=order).to_numpy()]
        self._rows = rows
