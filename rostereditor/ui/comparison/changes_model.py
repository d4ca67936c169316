"""The Changes list as rows: kind, file, line, record and what changed, read from a ChangeList
only for the rows on screen (a list of a million removed records costs nothing to show)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from rostereditor.core.comparison.change_list import ChangeEntry, ChangeKind, ChangeList
from rostereditor.ui.comparison.change_tint import ADDED_BRUSH, CHANGED_BRUSH

AnyIndex = QModelIndex | QPersistentModelIndex
COLUMNS = ("Change", "File", "Line", "Record", "What changed")
KIND_LABEL: dict[ChangeKind, str] = {"added": "Added", "removed": "Removed", "changed": "Changed",
                                     "new_id": "New ID?"}
REMOVED_BRUSH = QBrush(QColor(200, 80, 60, 55))
KIND_BRUSH: dict[ChangeKind, QBrush] = {"added": ADDED_BRUSH, "changed": CHANGED_BRUSH,
                                        "removed": REMOVED_BRUSH}
# Where a record of the list sits: (file, kind, row id) -> line in its bundle, or None.
LineOf = Callable[[ChangeEntry], int | None]
_CACHE = 256


def what_changed(entry: ChangeEntry, reference: str) -> str:
    """One line about an entry, in the user's words."""
    if entry.kind == "added":
        return f"a new record: not in {reference}"
    if entry.kind == "removed":
        return "not in this bundle: a bulk upload deletes it at the vendor"
    if entry.kind == "new_id":
        fields = ", ".join(name for name, _ in entry.evidence) or entry.matched_on or ""
        return f"was {entry.old_key} in {reference}: same {fields}"
    return "; ".join(f"{c.column}: {_quoted(c.old)} \u2192 {_quoted(c.new)}" for c in entry.cells)


def _quoted(text: str) -> str:
    return f"\u201c{text}\u201d" if text else "(empty)"


class ChangesTableModel(QAbstractTableModel):
    def __init__(self, line_of: LineOf, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._changes: ChangeList | None = None
        self._reference = ""
        self._line_of = line_of
        self._entries: dict[int, ChangeEntry] = {}

    def set_changes(self, changes: ChangeList | None, reference: str) -> None:
        """A new list, or the same list filtered again."""
        self.beginResetModel()
        self._changes, self._reference = changes, reference
        self._entries = {}
        self.endResetModel()

    @property
    def changes(self) -> ChangeList | None:
        return self._changes

    def entry(self, row: int) -> ChangeEntry:
        found = self._entries.get(row)
        if found is None:
            assert self._changes is not None
            if len(self._entries) > _CACHE:
                self._entries.clear()
            found = self._entries[row] = self._changes.entry(row)
        return found

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self._changes is None else len(self._changes)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._changes is None:
            return None
        row, col = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return KIND_LABEL[self._changes.kind_of(row)]
            if col == 1:
                return self._changes.file_of(row)
            if col == 3:
                return self._changes.label_of(row)
            entry = self.entry(row)
            if col == 2:
                line = self._line_of(entry)
                return "" if line is None else str(line)
            return what_changed(entry, self._reference)
        if role == Qt.ItemDataRole.BackgroundRole and col == 0:
            return KIND_BRUSH.get(self._changes.kind_of(row))
        if role == Qt.ItemDataRole.FontRole and self._changes.kind_of(row) == "removed":
            font = QFont()
            font.setItalic(True)
            return font  # only in the compared bundle: nothing here to edit
        if role == Qt.ItemDataRole.ToolTipRole:
            entry = self.entry(row)
            if entry.kind == "removed":
                return (f"{entry.label}\nIn {self._reference} (line {self._line_of(entry)}), "
                        "not in the open bundle. Its values are shown read-only beside the list.")
            return f"{entry.label}\n{what_changed(entry, self._reference)}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(COLUMNS)):
            return COLUMNS[section]
        return None
