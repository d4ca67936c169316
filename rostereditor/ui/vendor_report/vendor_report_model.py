"""Every line of the vendor's report as a row: where it was placed and whether it is still to do,
or why it matches nothing in the bundle."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication

from rostereditor.core.session.pinned_findings import PinnedItem
from rostereditor.core.validation import Finding
from rostereditor.core.vendor_report import MESSAGE_PREFIX, UnmatchedLine
from rostereditor.ui.findings.severity_icons import severity_icon

AnyIndex = QModelIndex | QPersistentModelIndex
COLUMNS = ("Report line", "State", "File", "Line", "Column", "Vendor's message")
STATE_LABEL = {"open": "To do", "fixed": "Fixed", "dismissed": "Dismissed",
               "unmatched": "Matches nothing"}


@dataclass(frozen=True)
class ReportRow:
    """A placed line (item) or one that matches nothing (unmatched)."""

    report_line: int
    state: str
    item: PinnedItem | None = None
    unmatched: UnmatchedLine | None = None

    @property
    def finding(self) -> Finding | None:
        return self.item.finding if self.item is not None else None


def report_rows(items: Sequence[PinnedItem], unmatched: Sequence[UnmatchedLine]) -> list[ReportRow]:
    """Placed and unplaced lines together, in the report's own order."""
    rows = [ReportRow(i.report_line, i.state, item=i) for i in items]
    rows += [ReportRow(u.report_line, "unmatched", unmatched=u) for u in unmatched]
    return sorted(rows, key=lambda r: r.report_line)


class VendorReportModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ReportRow] = []

    def set_rows(self, rows: Sequence[ReportRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, index: int) -> ReportRow:
        return self._rows[index]

    def rows(self) -> list[ReportRow]:
        return self._rows

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if row.unmatched is not None:
                shown = "\n".join(f"{name}: {text}" for name, text in row.unmatched.values)
                return f"{row.unmatched.reason}\n\n{shown}"
            return row.finding.message if row.finding is not None else None
        if role == Qt.ItemDataRole.DecorationRole and col == 1 and row.finding is not None \
                and row.state == "open":
            return severity_icon(row.finding.severity)
        if role == Qt.ItemDataRole.ForegroundRole and row.state in ("fixed", "dismissed"):
            return QBrush(QApplication.palette().color(QPalette.ColorGroup.Disabled,
                                                       QPalette.ColorRole.Text))
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: ReportRow, col: int) -> str:
        if col == 0:
            return str(row.report_line)
        if col == 1:
            return STATE_LABEL.get(row.state, row.state)
        finding = row.finding
        if finding is None:
            assert row.unmatched is not None
            return row.unmatched.reason if col == 5 else ""
        if col == 2:
            return finding.file or "bundle"
        if col == 3:
            return "" if finding.line is None else str(finding.line)
        if col == 4:
            return finding.column or ""
        return finding.message.removeprefix(MESSAGE_PREFIX)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(COLUMNS)):
            return COLUMNS[section]
        return None
