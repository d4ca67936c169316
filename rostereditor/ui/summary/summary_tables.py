"""The Summary view's tables as Qt models: rows of text made from a RosterSummary (people per
school, role and grade; classes per school and term), and long ID lists read from their Arrow
arrays only for the rows on screen."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyarrow as pa
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from rostereditor.core.summary import RosterSummary
from rostereditor.core.summary.people_pivot import people_pivot

AnyIndex = QModelIndex | QPersistentModelIndex
NUMBER_ALIGN = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def org_label(org_id: str, name: str) -> str:
    if not org_id:
        return "(no school)"
    return f"{name} ({org_id})" if name else org_id


def people_rows(summary: RosterSummary) -> tuple[list[str], list[list[str]]]:
    """School (once per school) | Role | one column per grade | All grades; then totals."""
    pivot = people_pivot(summary)
    header = ["School", "Role", *(g or "no grade" for g in pivot.grades), "All grades"]
    rows = []
    for number, r in enumerate(pivot.rows):
        repeated = number and (r.org_id, r.org_name) == (pivot.rows[number - 1].org_id,
                                                          pivot.rows[number - 1].org_name)
        rows.append(["" if repeated else org_label(r.org_id, r.org_name), r.role or "(no role)",
                     *(_count(r.counts.get(g, 0)) for g in pivot.grades), f"{r.total:,}"])
    if rows:
        totals = pivot.column_totals()
        rows.append(["All schools", "", *(_count(totals[g]) for g in pivot.grades),
                     f"{sum(totals.values()):,}"])
    return header, rows


def class_rows(summary: RosterSummary) -> tuple[list[str], list[list[str]]]:
    header = ["School", "Term", "Classes"]
    rows = [[org_label(c.school_id, c.school_name),
             (f"{c.term_title} ({c.term_id})" if c.term_title else c.term_id) or "(no term)",
             f"{c.count:,}"] for c in summary.classes]
    return header, rows


def _count(value: int) -> str:
    return f"{value:,}" if value else ""


class TextRowsModel(QAbstractTableModel):
    """A small table of text; numbers right-aligned; a last "totals" row in bold if asked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._header: list[str] = []
        self._rows: list[list[str]] = []
        self._bold_last = False

    def set_rows(self, header: Sequence[str], rows: Sequence[Sequence[str]], *,
                 bold_last: bool = False) -> None:
        self.beginResetModel()
        self._header, self._rows = list(header), [list(r) for r in rows]
        self._bold_last = bold_last and bool(rows)
        self.endResetModel()

    def rows(self) -> list[list[str]]:
        return self._rows

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._header)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        text = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and text[:1].isdigit():
            return NUMBER_ALIGN
        if role == Qt.ItemDataRole.FontRole and self._bold_last \
                and index.row() == len(self._rows) - 1:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._header)):
            return self._header[section]
        return None


class ArrayColumnsModel(QAbstractTableModel):
    """Columns of equal-length Arrow string arrays, read only where the view looks."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._header: list[str] = []
        self._columns: list[pa.Array] = []

    def set_columns(self, columns: Sequence[tuple[str, pa.Array]]) -> None:
        self.beginResetModel()
        self._header = [name for name, _ in columns]
        self._columns = [array for _, array in columns]
        self.endResetModel()

    def value(self, row: int, col: int) -> str:
        return str(self._columns[col][row].as_py() or "")

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._columns else len(self._columns[0])

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self.value(index.row(), index.column())

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._header)):
            return self._header[section]
        return None

