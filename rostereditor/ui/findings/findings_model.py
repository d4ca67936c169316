"""FindingsTableModel: the findings list as rows (severity, file, line, column, message).

A row is a number: its place in the listing (FindingsListing). The Finding behind a row is
made when the view paints or asks for it, so a list of a million findings costs an index array.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, overload

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from rostereditor.core.validation import Finding
from rostereditor.core.validation.findings_listing import FindingsListing
from rostereditor.ui.findings.severity_icons import severity_icon
from rostereditor.ui.findings.severity_style import SEVERITY_LABEL

AnyIndex = QModelIndex | QPersistentModelIndex
COLUMNS = ("Severity", "File", "Line", "Column", "Problem", "Value")


class ListedFindings(Sequence[Finding]):
    """Some findings of a listing, in list order, made only when read."""

    def __init__(self, listing: FindingsListing, indices: np.ndarray) -> None:
        self.listing = listing
        self.indices = indices

    def __len__(self) -> int:
        return len(self.indices)

    @overload
    def __getitem__(self, i: int) -> Finding: ...
    @overload
    def __getitem__(self, i: slice) -> list[Finding]: ...

    def __getitem__(self, i: int | slice) -> Finding | list[Finding]:
        if isinstance(i, slice):
            return [self.listing.finding(int(k)) for k in self.indices[i]]
        return self.listing.finding(int(self.indices[i]))

    def __iter__(self) -> Iterator[Finding]:
        return self.listing.iter_findings(self.indices)


class FindingsTableModel(QAbstractTableModel):
    """Shows an already filtered list of findings; filtering lives in the panel."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listing = FindingsListing({})
        self._shown = np.zeros(0, dtype=np.int64)

    @property
    def listing(self) -> FindingsListing:
        return self._listing

    @property
    def shown(self) -> np.ndarray:
        """The listing's indices of the rows shown, in order."""
        return self._shown

    def show(self, listing: FindingsListing, shown: np.ndarray | None = None) -> None:
        """Show these findings of a listing (default: all of them)."""
        self.beginResetModel()
        self._listing = listing
        self._shown = np.arange(len(listing), dtype=np.int64) if shown is None else shown
        self.endResetModel()

    def set_findings(self, findings: Sequence[Finding]) -> None:
        """Show ready-made findings as given (tests and small tools)."""
        self.show(FindingsListing.of_findings(findings))

    def finding(self, row: int) -> Finding:
        return self._listing.finding(int(self._shown[row]))

    def findings(self) -> ListedFindings:
        return ListedFindings(self._listing, self._shown)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in _ROLES:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter) \
                if col == 2 else None
        if role == Qt.ItemDataRole.DecorationRole and col != 0:
            return None
        f = self.finding(index.row())
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
        if role == Qt.ItemDataRole.DecorationRole:
            return severity_icon(f.severity)
        tip = f"{f.message}\nRule: {f.rule}"  # ToolTipRole
        if f.fix is not None:
            tip += f"\nFix: change to \u201c{f.fix}\u201d"
        return tip

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(COLUMNS)):
            return COLUMNS[section]
        return None


_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.DecorationRole,
                    Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole})
