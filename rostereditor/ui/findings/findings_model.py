"""FindingsTableModel: the findings list as rows (severity, file, line, column, message)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from rostereditor.core.validation import Finding
from rostereditor.ui.findings.severity_icons import severity_icon
from rostereditor.ui.findings.severity_style import SEVERITY_LABEL

AnyIndex = QModelIndex | QPersistentModelIndex
COLUMNS = ("Severity", "File", "Line", "Column", "Problem", "Value")


class FindingsTableModel(QAbstractTableModel):
    """Shows an already filtered, already sorted list of findings; filtering lives in the panel."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._findings: list[Finding] = []

    def set_findings(self, findings: Sequence[Finding]) -> None:
        self.beginResetModel()
        self._findings = list(findings)
        self.endResetModel()

    def finding(self, row: int) -> Finding:
        return self._findings[row]

    def findings(self) -> list[Finding]:
        return self._findings

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._findings)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        f = self._findings[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return SEVERITY_LABEL.get(f.severity, f.severity)
            if col == 1:
                return f.file or "bundle"
            if col == 2:
                return "" if f.line is None else str(f.line)
            if col == 3:
                return f.column or ""
            if col == 4:
                return f.message
            value = f.value
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return severity_icon(f.severity)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{f.message}\nRule: {f.rule}"
            if f.fix is not None:
                tip += f"\nFix: change to \u201c{f.fix}\u201d"
            return tip
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(COLUMNS)):
            return COLUMNS[section]
        return None
