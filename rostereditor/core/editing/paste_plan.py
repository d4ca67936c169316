"""Where pasted clipboard cells land, following Excel's rules, in view coordinates.

- One copied value pasted into a larger selection fills every selected cell.
- A selection that is an exact multiple of the copied block repeats the block (Excel tiles).
- Otherwise the block is pasted once from the selection's top-left cell.
- Columns past the last one are dropped (the file's columns are fixed by the spec).
- Rows past the last one become `new_rows`; the caller asks before adding them, because adding
  records to a roster is a bigger change than Excel's empty sheet rows suggest.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from rostereditor.core.editing.cell_range import CellRange


@dataclass
class PastePlan:
    cells: list[tuple[int, int, str]] = field(default_factory=list)
    # Full-width records to append after the last row, when the paste runs past it.
    new_rows: list[list[str]] = field(default_factory=list)
    clipped_columns: int = 0


def plan_paste(
    values: Sequence[Sequence[str]],
    selection: CellRange,
    row_count: int,
    column_count: int,
) -> PastePlan:
    plan = PastePlan()
    if not values or not values[0]:
        return plan
    height, width = len(values), len(values[0])
    if (
        selection.row_count % height == 0
        and selection.column_count % width == 0
        and selection.cell_count > height * width
    ):
        target = selection
    else:
        target = CellRange(
            selection.top, selection.left, selection.top + height - 1, selection.left + width - 1
        )
    plan.clipped_columns = max(0, target.right - (column_count - 1))
    new_rows: dict[int, list[str]] = {}
    for row in target.rows():
        for col in target.columns():
            if col >= column_count:
                continue
            value = values[(row - target.top) % height][(col - target.left) % width]
            if row < row_count:
                plan.cells.append((row, col, value))
            else:
                new_rows.setdefault(row, [""] * column_count)[col] = value
    plan.new_rows = [new_rows[r] for r in sorted(new_rows)]
    return plan
