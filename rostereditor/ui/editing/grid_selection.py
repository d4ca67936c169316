"""The selected cells of a grid as core CellRanges (view rows) and as table rows."""

from __future__ import annotations

from PySide6.QtWidgets import QTableView

from rostereditor.core.editing.cell_range import CellRange
from rostereditor.ui.grid.roster_table_model import RosterTableModel


def selected_ranges(view: QTableView) -> list[CellRange]:
    """Selected rectangles in view coordinates; the current cell alone if nothing is selected."""
    model = view.selectionModel()
    ranges = []
    if model is not None:
        for r in model.selection():
            ranges.append(CellRange(r.top(), r.left(), r.bottom(), r.right()))
    if not ranges:
        current = view.currentIndex()
        if current.isValid():
            ranges.append(CellRange(current.row(), current.column(), current.row(), current.column()))
    return sorted(ranges, key=lambda c: (c.top, c.left))


def bounding_range(ranges: list[CellRange]) -> CellRange | None:
    if not ranges:
        return None
    return CellRange(
        min(r.top for r in ranges), min(r.left for r in ranges),
        max(r.bottom for r in ranges), max(r.right for r in ranges),
    )


def selected_view_rows(view: QTableView) -> list[int]:
    return sorted({row for r in selected_ranges(view) for row in r.rows()})


def grid_model(view: QTableView) -> RosterTableModel:
    model = view.model()
    if not isinstance(model, RosterTableModel):
        raise TypeError("not a roster grid")
    return model


def selected_table_rows(view: QTableView) -> list[int]:
    model = grid_model(view)
    return sorted({model.source_row(row) for row in selected_view_rows(view)})


def current_table_cell(view: QTableView) -> tuple[int, int] | None:
    """(table row, column) of the current cell, or None."""
    index = view.currentIndex()
    if not index.isValid():
        return None
    return grid_model(view).source_row(index.row()), index.column()
