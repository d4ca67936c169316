"""Cell edits addressed by stable row id, so they can be applied and undone in any row order."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from rostereditor.core.table import Table


@dataclass(frozen=True)
class CellChange:
    """One cell going from `old` to `new` text; row_id survives inserts, deletes and sorting."""

    row_id: int
    col: int
    old: str
    new: str


# Above this many cells, writes go to the table a column at a time instead of cell by cell.
_BULK_FROM = 64

# Changes grouped by file name: one user action (a rename, a replace in all files) may span files.
BundleChanges = dict[str, list[CellChange]]


def change_at(table: Table, row: int, col: int, new: str) -> CellChange | None:
    """The change that writes `new` into a cell, or None when the cell already holds it."""
    old = table.cell(row, col)
    if old == new:
        return None
    return CellChange(table.row_id(row), col, old, new)


def changes_for(table: Table, cells: Iterable[tuple[int, int, str]]) -> list[CellChange]:
    """Changes for (row, col, new) triples, skipping cells that would not change."""
    changes = []
    for row, col, new in cells:
        change = change_at(table, row, col, new)
        if change is not None:
            changes.append(change)
    return changes


def apply_changes(table: Table, changes: Iterable[CellChange]) -> list[int]:
    """Write each change's new text; returns the row ids touched."""
    return _write(table, ((c.row_id, c.col, c.new) for c in changes))


def revert_changes(table: Table, changes: Iterable[CellChange]) -> list[int]:
    """Put back each change's old text (in reverse, so overlapping changes unwind correctly)."""
    return _write(table, ((c.row_id, c.col, c.old) for c in reversed(list(changes))))


def count_cells(changes: Mapping[str, list[CellChange]]) -> int:
    return sum(len(c) for c in changes.values())


def _write(table: Table, writes: Iterable[tuple[int, int, str]]) -> list[int]:
    writes = list(writes)
    if len(writes) > _BULK_FROM:
        return _write_bulk(table, writes)
    row_of_id = _row_lookup(table, len(writes))
    touched: dict[int, None] = {}
    for row_id, col, value in writes:
        row = row_of_id(row_id)
        if row is None:
            # The record was deleted by a later command that is itself being undone first;
            # a consistent undo stack never gets here, so refuse loudly rather than drop data.
            raise LookupError(f"row id {row_id} is not in the table")
        table.set_cell(row, col, value)
        touched[row_id] = None
    return list(touched)


def _write_bulk(table: Table, writes: list[tuple[int, int, str]]) -> list[int]:
    """Many writes grouped per column and handed to the table in one call each."""
    row_of_id = _row_lookup(table, len(writes))
    by_column: dict[int, dict[int, str]] = {}
    for row_id, col, value in writes:
        if row_of_id(row_id) is None:
            raise LookupError(f"row id {row_id} is not in the table")
        by_column.setdefault(col, {})[row_id] = value  # a later write to a cell wins, as in order
    for col, values in by_column.items():
        table.set_cells_by_id(col, list(values), list(values.values()))
    return list(dict.fromkeys(row_id for row_id, _, _ in writes))


def _row_lookup(table: Table, count: int) -> Callable[[int], int | None]:
    """Row-id-to-row lookup: Table's own for a few cells, one inverted order array for many.

    Table.row_of_id scans the order array, fine for one edit but quadratic for a fix-all.
    """
    if count <= 16:
        return table.row_of_id
    order = table.row_ids()
    size = int(order.max()) + 1 if len(order) else 0
    positions = np.full(size, -1, dtype=np.int64)
    positions[order] = np.arange(len(order), dtype=np.int64)

    def lookup(row_id: int) -> int | None:
        if row_id >= size or positions[row_id] < 0:
            return None
        return int(positions[row_id])

    return lookup
