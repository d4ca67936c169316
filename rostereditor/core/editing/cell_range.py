"""A rectangular block of cells in the grid's (view) coordinates, inclusive on every side."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CellRange:
    top: int
    left: int
    bottom: int
    right: int

    @property
    def row_count(self) -> int:
        return self.bottom - self.top + 1

    @property
    def column_count(self) -> int:
        return self.right - self.left + 1

    @property
    def cell_count(self) -> int:
        return self.row_count * self.column_count

    def rows(self) -> range:
        return range(self.top, self.bottom + 1)

    def columns(self) -> range:
        return range(self.left, self.right + 1)
