"""One file's findings for painting: the severity of any cell without making a Finding, the
findings of one cell when hovered, and which cells changed between results."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from rostereditor.core.table import Table
from rostereditor.core.validation import Finding
from rostereditor.core.validation.file_findings import (
    CODE_SEVERITY,
    NO_FINDING,
    FileFindings,
    sources_of,
)

CellKey = tuple[int, int]  # (row id, column)


@dataclass(frozen=True)
class FindingsChange:
    """What looks different after a new result: cells to repaint, row headers to repaint."""

    cells: frozenset[CellKey]
    rows: set[int]


class CellFindings:
    """The latest result's findings for one grid, looked up by (row id, column) and row id."""

    def __init__(self) -> None:
        self._index: FileFindings | None = None

    @property
    def index(self) -> FileFindings | None:
        return self._index

    def replace_index(self, index: FileFindings | None) -> FindingsChange | None:
        """Take a result's findings for this file; returns the cells and record rows whose
        findings changed, or None when that is not known (then repaint everything)."""
        old, self._index = self._index, index
        if index is old:
            return FindingsChange(frozenset(), set())
        if old is None and index is None:
            return FindingsChange(frozenset(), set())
        if index is None or old is None or index.changed_cells is None \
                or not index.follows(old):
            return None
        rows, cols = index.changed_cells
        cells = frozenset((r, c) for r, c in zip(rows.tolist(), cols.tolist(), strict=True)
                          if c >= 0 and r >= 0)
        return FindingsChange(cells, {r for r, c in zip(rows.tolist(), cols.tolist(), strict=True)
                                      if c < 0 and r >= 0})

    def replace(self, cells: Mapping[CellKey, list[Finding]], rows: dict[int, list[Finding]],
                table: Table | None = None) -> FindingsChange | None:
        """Take findings given as (row id, column) -> findings and row id -> findings (tests
        and small tools; a result gives its index through replace_index)."""
        made = [f for found in cells.values() for f in found]
        made += [f for found in rows.values() for f in found]
        file = made[0].file if made else None
        return self.replace_index(FileFindings(file, table, sources_of(made, [])) if made else None)

    def worst_at(self, row_id: int, col: int) -> str | None:
        """The most serious severity on a cell, or None: what painting asks, object-free."""
        if self._index is None:
            return None
        code = self._index.worst_at(row_id, col)
        return None if code == NO_FINDING else CODE_SEVERITY[code]

    def at(self, row_id: int, col: int) -> list[Finding] | None:
        if self._index is None or self._index.worst_at(row_id, col) == NO_FINDING:
            return None
        return self._index.at(row_id, col)

    def of_row(self, row_id: int) -> list[Finding] | None:
        """Findings about the whole record (ragged, blank), not one of its cells."""
        return self.at(row_id, -1)

    def worst_in_row(self, row_id: int, column_count: int | None = None) -> str | None:
        """The most serious severity of a record's problems, in its cells or about it."""
        if self._index is None:
            return None
        code = self._index.worst_in_row(row_id)
        return None if code == NO_FINDING else CODE_SEVERITY[code]

    def problem_row_ids(self) -> np.ndarray:
        """Row ids of the records with a problem (sorted)."""
        if self._index is None:
            return np.zeros(0, dtype=np.int64)
        return self._index.problem_rows()
