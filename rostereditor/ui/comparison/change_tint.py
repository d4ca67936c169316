"""Tints the grid's cells that differ from the compared bundle, and its records that are new.

Findings are painted over these tints (a problem matters more than a change); the tooltip
says what the cell was in the compared bundle.
"""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor

from rostereditor.core.comparison.live_comparison import CellChanges
from rostereditor.core.session import EditSession
from rostereditor.ui.comparison.comparison_tracker import ComparisonTracker
from rostereditor.ui.grid.cell_text import display_text

# Translucent, like the severity tints, and in hues none of them uses: legible in both themes.
CHANGED_BRUSH = QBrush(QColor(150, 90, 220, 70))
ADDED_BRUSH = QBrush(QColor(40, 170, 90, 55))


class ChangeTint:
    """The CellMarks the grid models consult: what changed since the compared bundle."""

    def __init__(self, session: EditSession, tracker: ComparisonTracker) -> None:
        self._session = session
        self._tracker = tracker

    def _cells(self, file_name: str) -> CellChanges | None:
        live, table = self._tracker.live, self._session.table(file_name)
        if live is None or table is None:
            return None
        return live.cells(file_name, table.header)

    def brush(self, file_name: str, row_id: int, col: int) -> QBrush | None:
        cells = self._cells(file_name)
        if cells is None:
            return None
        if cells.old_value(row_id, col) is not None:
            return CHANGED_BRUSH
        return ADDED_BRUSH if cells.is_added(row_id) else None

    def note(self, file_name: str, row_id: int, col: int) -> str | None:
        cells, live = self._cells(file_name), self._tracker.live
        if cells is None or live is None:
            return None
        old = cells.old_value(row_id, col)
        if old is not None:
            was = f"\u201c{display_text(old)}\u201d" if old else "empty"
            return f"Changed since {live.label}: it was {was}."
        if cells.is_added(row_id):
            return f"Not in {live.label}: this record is new since then."
        return None
