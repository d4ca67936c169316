"""One file's findings indexed for painting: O(1) "anything here?" and what changed between results."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rostereditor.core.validation import Finding
from rostereditor.ui.findings.severity_style import worst_severity

CellKey = tuple[int, int]  # (row id, column)
# Above this many flagged cells, skip the key set (memory) and ask the mapping directly.
MAX_KEY_SET = 500_000


@dataclass(frozen=True)
class FindingsChange:
    """What looks different after a new result: cells to repaint, row headers to repaint."""

    cells: frozenset[CellKey]
    rows: set[int]


class CellFindings:
    """The latest result's findings for one grid, by (row id, column) and by row id."""

    def __init__(self) -> None:
        self._cells: Mapping[CellKey, list[Finding]] = {}
        self._rows: dict[int, list[Finding]] = {}
        self._keys: frozenset[CellKey] | None = frozenset()

    @property
    def cells(self) -> Mapping[CellKey, list[Finding]]:
        return self._cells

    def replace(self, cells: Mapping[CellKey, list[Finding]],
                rows: dict[int, list[Finding]]) -> FindingsChange | None:
        """Take a new result's findings (the mapping is kept as is: it may be lazy and large).

        Returns the cells that gained or lost findings and the rows whose record-level findings
        came or went, or None when that is not known cheaply (then repaint everything). A cell
        that keeps findings of another severity is not reported; in practice that cell was just
        edited, and its own change repaints it.
        """
        old_keys, old_rows = self._keys, self._rows
        self._cells, self._rows = cells, rows
        # A set answers "no finding here" (most cells) without touching the lazy mapping.
        self._keys = frozenset(cells.keys()) if len(cells) <= MAX_KEY_SET else None
        if old_keys is None or self._keys is None:
            return None
        return FindingsChange(old_keys ^ self._keys, set(old_rows.keys() ^ rows.keys()))

    def at(self, row_id: int, col: int) -> list[Finding] | None:
        key = (row_id, col)
        if self._keys is not None and key not in self._keys:
            return None
        return self._cells.get(key)

    def of_row(self, row_id: int) -> list[Finding] | None:
        """Findings about the whole record (ragged, blank), not one of its cells."""
        return self._rows.get(row_id)

    def worst_in_row(self, row_id: int, column_count: int) -> str | None:
        """The most serious severity of a record's problems, in its cells or about it."""
        found = list(self._rows.get(row_id, ()))
        for col in range(column_count):
            found.extend(self.at(row_id, col) or ())
        return worst_severity(found)

    def problem_row_ids(self) -> set[int]:
        keys = self._keys if self._keys is not None else self._cells.keys()
        return {row_id for row_id, _ in keys} | set(self._rows)
