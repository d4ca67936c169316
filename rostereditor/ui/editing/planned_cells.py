"""Turn planned (view row, col, text) cells into table CellChanges through the sort/filter map."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rostereditor.core.editing.cell_changes import CellChange, changes_for


def changes_from_view(model: Any, planned: Iterable[tuple[int, int, str]]) -> list[CellChange]:
    return changes_for(model.table, ((model.source_row(r), c, v) for r, c, v in planned))
