"""Insert, delete, rename and move whole columns, each recorded so undo puts them back exactly."""

from __future__ import annotations

from dataclasses import dataclass, field

from rostereditor.core.table import MovedColumn, RemovedColumn, Table


@dataclass
class ColumnInsertion:
    """A new empty column at `col`; undo takes it out, redo puts the very same one back."""

    col: int
    name: str
    _removed: RemovedColumn | None = field(default=None, repr=False)

    def undo(self, table: Table) -> None:
        self._removed = table.delete_column(self.col)

    def redo(self, table: Table) -> None:
        if self._removed is None:
            table.insert_column(self.col, self.name)
        else:
            table.restore_column(self._removed)


@dataclass(frozen=True)
class ColumnDeletion:
    """Columns taken out (highest first); their values stay in memory for undo."""

    removed: tuple[RemovedColumn, ...]

    @property
    def names(self) -> list[str]:
        return [r.name for r in reversed(self.removed)]

    def undo(self, table: Table) -> None:
        for column in reversed(self.removed):
            table.restore_column(column)

    def redo(self, table: Table) -> None:
        for column in self.removed:
            table.delete_column(column.col)


@dataclass(frozen=True)
class ColumnRename:
    col: int
    old: str
    new: str

    def undo(self, table: Table) -> None:
        table.rename_column(self.col, self.old)

    def redo(self, table: Table) -> None:
        table.rename_column(self.col, self.new)


@dataclass(frozen=True)
class ColumnMove:
    moved: MovedColumn

    def undo(self, table: Table) -> None:
        table.undo_move_column(self.moved)

    def redo(self, table: Table) -> None:
        table.move_column(self.moved.col, self.moved.to)


def insert_column(table: Table, col: int, name: str) -> ColumnInsertion:
    table.insert_column(col, name)
    return ColumnInsertion(col, name)


def delete_columns(table: Table, cols: list[int]) -> ColumnDeletion:
    """Delete several columns; the highest goes first so the others keep their positions."""
    return ColumnDeletion(tuple(table.delete_column(c) for c in sorted(set(cols), reverse=True)))


def rename_column(table: Table, col: int, name: str) -> ColumnRename:
    return ColumnRename(col, table.rename_column(col, name), name)


def move_column(table: Table, col: int, to: int) -> ColumnMove:
    return ColumnMove(table.move_column(col, to))
