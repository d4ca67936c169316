"""Certain fixes from validation findings (`TRUE`→`true`, `9`→`09`, `8/27/2018`→`2018-08-27`),
applied to one cell or to every cell in a column that has the same problem."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Protocol

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from rostereditor.core.editing.cell_changes import CellChange
from rostereditor.core.table import Table


class FixableFinding(Protocol):
    """The parts of a validation Finding a quick fix needs."""

    @property
    def rule(self) -> str: ...
    @property
    def value(self) -> str | None: ...
    @property
    def fix(self) -> str | None: ...
    @property
    def row_id(self) -> int | None: ...
    @property
    def column_index(self) -> int | None: ...


def value_fixes(findings: Iterable[FixableFinding], rule: str, col: int) -> dict[str, str]:
    """value -> certain replacement for one rule in one column.

    A certain fix depends only on the value and its column, so one mapping covers the column.
    """
    fixes: dict[str, str] = {}
    for finding in findings:
        if (finding.rule == rule and finding.column_index == col and finding.fix is not None
                and finding.value is not None):
            fixes.setdefault(finding.value, finding.fix)
    return fixes


def plan_fix_all(table: Table, col: int, fixes: Mapping[str, str]) -> list[CellChange]:
    """Every cell of `col` holding one of the fixable values, changed to its fix.

    Rows are found with pyarrow (is_in over the whole column), not a Python loop over rows.
    """
    fixes = {old: new for old, new in fixes.items() if old != new}
    if not fixes or len(table) == 0:
        return []
    array = table.column_array(col)
    keys = pa.array(list(fixes), type=pa.string())
    mask = pc.fill_null(pc.is_in(array, value_set=keys), False)
    rows = np.flatnonzero(mask.to_numpy(zero_copy_only=False))
    if len(rows) == 0:
        return []
    olds = array.take(pa.array(rows)).to_pylist()
    row_ids = table.row_ids()[rows]
    return [
        CellChange(int(row_id), col, old, fixes[old])
        for row_id, old in zip(row_ids, olds, strict=True)
    ]


def plan_fix_one(table: Table, finding: FixableFinding) -> CellChange | None:
    """The change for one finding's own cell, if it has a certain fix and the cell still has
    the value the finding saw (a stale finding must not overwrite a newer edit)."""
    if finding.fix is None or finding.row_id is None or finding.column_index is None:
        return None
    row = table.row_of_id(finding.row_id)
    if row is None:
        return None
    old = table.cell(row, finding.column_index)
    if old != finding.value or old == finding.fix:
        return None
    return CellChange(finding.row_id, finding.column_index, old, finding.fix)
