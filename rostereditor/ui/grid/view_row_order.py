"""Which table rows a grid shows and in which order (sort, filters); the table never moves."""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

import numpy as np
import pyarrow.compute as pc

from rostereditor.core.table import Table

# The records with problems: row ids, or what gives them (asked only if the filter is on, and
# then by the worker).
ProblemRows = Collection[int] | np.ndarray | Callable[[], np.ndarray]


def _row_id_array(rows: ProblemRows) -> np.ndarray:
    if callable(rows):
        rows = rows()
    if isinstance(rows, np.ndarray):
        return rows
    return np.fromiter(rows, dtype=np.int64, count=len(rows))


@dataclass(frozen=True)
class ShownRows:
    """The table rows a grid shows, in order, and each table row's place among them (-1: not
    shown): made together by a plan, on whatever thread worked it out."""

    rows: np.ndarray
    where: np.ndarray

    @classmethod
    def of(cls, rows: np.ndarray, count: int) -> ShownRows:
        where = np.full(count, -1, dtype=np.int64)
        where[rows] = np.arange(len(rows), dtype=np.int64)
        return cls(rows, where)


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
        self._row_ids: np.ndarray | None = None  # the table's row ids when _rows was made

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
        self._row_ids = None

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
            self._inverse = ShownRows.of(self._rows, int(self._rows.max(initial=-1)) + 1).where
        if not 0 <= table_row < len(self._inverse):
            return None
        found = int(self._inverse[table_row])
        return found if found >= 0 else None

    def rebuild(self, table: Table, problem_row_ids: ProblemRows = ()) -> None:
        """Recompute the mapping from the current settings and the table's current rows."""
        self.apply(self.plan(table, problem_row_ids)(), table.row_ids())

    def apply(self, shown: ShownRows | None, row_ids: np.ndarray | None = None) -> None:
        """Take a mapping a plan made (None: every row in table order); row_ids: the table's
        row ids when it was planned, so carried_over can follow the records later."""
        self._rows = None if shown is None else shown.rows
        self._inverse = None if shown is None else shown.where
        self._row_ids = row_ids

    def carried_over(self, table: Table) -> ShownRows | None:
        """The current order after rows came or went: the same records in the same order, rows
        added since at the end. A stand-in, shown at once, until a new plan is worked out."""
        if self._rows is None or self._row_ids is None:
            return None
        kept, _ = table.positions_of(self._row_ids[self._rows])
        added = np.ones(len(table), dtype=bool)
        added[kept] = False
        return ShownRows.of(np.concatenate([kept, np.flatnonzero(added)]).astype(np.int64),
                            len(table))

    def plan(self, table: Table,
             problem_row_ids: ProblemRows = ()) -> Callable[[], ShownRows | None]:
        """The work of rebuild, with the settings and the table's columns taken now, to be done
        on any thread: sorting millions of rows must not freeze the window."""
        if not self.active:
            return lambda: None
        count = len(table)
        filters = [(table.column_later(col), text) for col, text in self.filters.items()
                   if col < table.column_count and text]
        problem_rows = problem_row_ids if self.problem_rows_only else None
        row_ids = table.row_ids()
        column = self.sort_column
        sort = table.column_later(column) if column is not None and column < table.column_count \
            else None
        order = "descending" if self.sort_descending else "ascending"

        def rows_shown() -> ShownRows:
            mask = np.ones(count, dtype=bool)
            for values, text in filters:
                hits = pc.match_substring(values(), text, ignore_case=True)
                mask &= hits.to_numpy(zero_copy_only=False).astype(bool)
            if problem_rows is not None:
                mask &= np.isin(row_ids, _row_id_array(problem_rows))
            rows = np.flatnonzero(mask).astype(np.int64)
            if sort is not None and len(rows):
                values = sort().take(rows)
                # Arrow's sort is stable, so equal values keep the file's order.
                rows = rows[pc.array_sort_indices(values, order=order).to_numpy()]
            return ShownRows.of(rows, count)

        return rows_shown
