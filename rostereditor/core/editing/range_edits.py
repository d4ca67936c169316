"""Fill down and clear over selected ranges, planned as (row, col, new text) in view coordinates."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rostereditor.core.editing.cell_range import CellRange

CellReader = Callable[[int, int], str]
PlannedCell = tuple[int, int, str]


def plan_fill_down(ranges: Iterable[CellRange], cell: CellReader) -> list[PlannedCell]:
    """Excel's Ctrl+D: each range's top row is copied into the rows below it.

    A single-row range copies the row just above it instead, as Excel does.
    """
    planned: list[PlannedCell] = []
    for block in ranges:
        source_row = block.top if block.row_count > 1 else block.top - 1
        if source_row < 0:
            continue
        targets = block.rows() if block.row_count == 1 else range(block.top + 1, block.bottom + 1)
        for col in block.columns():
            value = cell(source_row, col)
            planned.extend((row, col, value) for row in targets)
    return planned


def plan_clear(ranges: Iterable[CellRange]) -> list[PlannedCell]:
    """Delete key: every selected cell becomes empty text (the row itself stays)."""
    return [(row, col, "") for block in ranges for row in block.rows() for col in block.columns()]
