"""Insert, duplicate and delete whole rows, each recorded so undo puts rows back in exact order."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from rostereditor.core.table import RemovedRow, Table


@dataclass(frozen=True)
class RowInsertion:
    """Rows that now sit at the given positions; undo removes them, redo puts the same ids back.

    Re-using the same row ids on redo (instead of inserting copies) keeps later commands that
    refer to those records by id valid.
    """

    placed: tuple[RemovedRow, ...]

    @property
    def rows(self) -> list[int]:
        return [p.row for p in self.placed]

    @property
    def row_ids(self) -> list[int]:
        return [p.row_id for p in self.placed]

    def undo(self, table: Table) -> None:
        table.delete_rows(self.rows)

    def redo(self, table: Table) -> None:
        table.restore_rows(self.placed)


@dataclass(frozen=True)
class RowDeletion:
    """Rows taken out of the file; their storage stays, so undo restores the very same records."""

    removed: tuple[RemovedRow, ...]

    @property
    def row_ids(self) -> list[int]:
        return [r.row_id for r in self.removed]

    def undo(self, table: Table) -> None:
        table.restore_rows(self.removed)

    def redo(self, table: Table) -> None:
        table.delete_rows(r.row for r in self.removed)


def insert_rows(table: Table, row: int, rows: Sequence[Sequence[str]]) -> RowInsertion:
    """Insert records before `row` (len(table) appends) and record where they went."""
    ids = table.insert_rows(row, [_full_width(table, values) for values in rows])
    return RowInsertion(tuple(RemovedRow(row + i, row_id) for i, row_id in enumerate(ids)))


def insert_blank_rows(table: Table, row: int, count: int) -> RowInsertion:
    return insert_rows(table, row, [[""] * table.column_count for _ in range(count)])


def duplicate_rows(table: Table, rows: Iterable[int]) -> RowInsertion:
    """Put an exact copy of each row directly below it (values untouched, even the sourcedId)."""
    originals = sorted(set(rows))
    placed = []
    # Copies shift everything below them, so each copy lands one further down per earlier copy.
    for shift, row in enumerate(originals):
        position = row + shift + 1
        (row_id,) = table.insert_rows(position, [table.row_values(row + shift)])
        placed.append(RemovedRow(position, row_id))
    return RowInsertion(tuple(placed))


def delete_rows(table: Table, rows: Iterable[int]) -> RowDeletion:
    return RowDeletion(tuple(table.delete_rows(rows)))


def _full_width(table: Table, values: Sequence[str]) -> list[str]:
    # New records get every column, so a blank row is not mistaken for a short (ragged) record.
    values = list(values)
    if len(values) < table.column_count:
        values.extend([""] * (table.column_count - len(values)))
    return values
