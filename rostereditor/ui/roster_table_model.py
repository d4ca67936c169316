"""RosterTableModel: a Qt view of one core Table, exact text, with findings pre-indexed by cell."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QIcon

from rostereditor.core.table import Table
from rostereditor.ui.severity_style import SEVERITY_BRUSH, SEVERITY_COLOR, worst_severity
from rostereditor.ui.view_row_order import ViewRowOrder

AnyIndex = QModelIndex | QPersistentModelIndex
CellEditHandler = Callable[[int, int, str], None]

# A visible stand-in for spaces at either end of a value (U+2423 OPEN BOX), so " 09" and
# "09" never look alike. Only the display changes; editing and saving use the exact text.
SPACE_MARK = "\u2423"
NEWLINE_MARK = "\u23ce"
_ANSWERED_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole,
})
# Above this many flagged cells, skip the key set (memory) and ask the mapping directly.
MAX_KEY_SET = 500_000


def display_text(value: str) -> str:
    """The value as shown in a cell: exact, except edge spaces and line breaks are made visible."""
    if "\n" in value or "\r" in value:
        value = value.replace("\r\n", NEWLINE_MARK).replace("\n", NEWLINE_MARK)
        value = value.replace("\r", NEWLINE_MARK)
    if value[:1] == " " or value[-1:] == " ":
        stripped = value.strip(" ")
        if not stripped:
            return SPACE_MARK * len(value)
        lead = len(value) - len(value.lstrip(" "))
        trail = len(value) - len(value.rstrip(" "))
        return SPACE_MARK * lead + stripped + SPACE_MARK * trail
    return value


def whitespace_note(value: str) -> str | None:
    if value[:1] == " " and value[-1:] == " ":
        return "This value starts and ends with spaces (shown as \u2423)."
    if value[:1] == " ":
        return "This value starts with a space (shown as \u2423)."
    if value[-1:] == " ":
        return "This value ends with a space (shown as \u2423)."
    return None


def finding_tooltip(findings: Iterable[Any]) -> str:
    parts = []
    for f in findings:
        text = f"{f.severity.capitalize()}: {f.message}"
        if getattr(f, "fix", None) is not None:
            text += f"\nFix: change to \u201c{f.fix}\u201d"
        parts.append(text)
    return "\n\n".join(parts)


_EXTRA_FIELD_TIP = (
    "A value past the last column of the header: this record has more values than the header "
    "has columns (often a stray comma). It is kept exactly and saved; fix the record so each "
    "value sits under the right column."
)

class RosterTableModel(QAbstractTableModel):
    """Adapts a Table for a QTableView. data() is O(1): a table lookup plus a dict lookup.

    Rows seen by Qt are *view rows*; source_row()/view_row() translate to and from the
    table's rows through the sort/filter mapping, which never reorders the table itself.
    """

    def __init__(self, table: Table, file_name: str, *, read_only: bool = False,
                 parent: Any = None) -> None:
        super().__init__(parent)
        self.table = table
        self.file_name = file_name
        self.read_only = read_only
        # Installed by the editing layer to turn an edit into an undo command.
        self.cell_edit_handler: CellEditHandler | None = None
        # (row, col) -> extra tooltip line for a broken reference ("Did you mean ...?"); the
        # editing layer sets it because it knows the other files.
        self.reference_hint: Callable[[int, int], str | None] | None = None
        # Set by the window: called with (file_name, row_ids) after a fallback edit.
        self.cells_changed_callback: Callable[[str, list[int]], None] | None = None
        self.order = ViewRowOrder()
        self.filter_icon: QIcon | None = None
        self._cell_findings: Mapping[tuple[int, int], list[Any]] = {}
        self._row_findings: dict[int, list[Any]] = {}
        self._finding_keys: frozenset[tuple[int, int]] | None = None
        self._column_tooltips: list[str] = []
        self._row_count = len(table)
        self._extra_columns = self._count_extra_columns()

    def _count_extra_columns(self) -> int:
        """Columns past the header that ragged records fill; shown read-only so none is hidden."""
        return max((len(self.table.extra_fields(r)) for r in self.table.ragged_rows()), default=0)

    def is_extra_column(self, col: int) -> bool:
        return col >= self.table.column_count

    # -- mapping -----------------------------------------------------------------------

    def source_row(self, view_row: int) -> int:
        return self.order.table_row(view_row)

    def view_row(self, source_row: int) -> int | None:
        return self.order.view_row(source_row)

    def problem_row_ids(self) -> set[int]:
        keys = self._finding_keys if self._finding_keys is not None else self._cell_findings.keys()
        return {row_id for row_id, _ in keys} | set(self._row_findings)

    # -- Qt model API ------------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._row_count

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.table.column_count + self._extra_columns

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Views ask for ~10 roles per painted cell; answer the unused ones first and fast.
        if role not in _ANSWERED_ROLES or not index.isValid():
            return None
        row = self.order.table_row(index.row())
        col = index.column()
        if col >= self.table.column_count:
            return self._extra_data(row, col, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(self.table.cell(row, col))
        if role == Qt.ItemDataRole.EditRole:
            return self.table.cell(row, col)
        if role == Qt.ItemDataRole.BackgroundRole:
            findings = self._findings(row, col)
            if findings:
                return SEVERITY_BRUSH.get(worst_severity(findings) or "")
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._cell_tooltip(row, col)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            findings = self._findings(row, col)
            return finding_tooltip(findings) if findings else None
        return None

    def _extra_data(self, row: int, col: int, role: int) -> Any:
        extras = self.table.extra_fields(row)
        position = col - self.table.column_count
        if position >= len(extras):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return display_text(extras[position]) if role == Qt.ItemDataRole.DisplayRole \
                else extras[position]
        if role == Qt.ItemDataRole.BackgroundRole:
            return SEVERITY_BRUSH.get("error")
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return _EXTRA_FIELD_TIP
        return None

    def _cell_tooltip(self, row: int, col: int) -> str | None:
        parts = []
        findings = self._findings(row, col)
        if findings:
            parts.append(finding_tooltip(findings))
        if self.reference_hint is not None and any(f.rule == "ref.unresolved" for f in findings or ()):
            hint = self.reference_hint(row, col)
            if hint:
                parts.append(hint)
        note = whitespace_note(self.table.cell(row, col))
        if note:
            parts.append(note)
        return "\n\n".join(parts) if parts else None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if self.table.column_count <= section < self.columnCount():
                if role == Qt.ItemDataRole.DisplayRole:
                    return f"(extra {section - self.table.column_count + 1})"
                return _EXTRA_FIELD_TIP if role == Qt.ItemDataRole.ToolTipRole else None
            if not 0 <= section < self.table.column_count:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return self.table.header[section]
            if role == Qt.ItemDataRole.ToolTipRole:
                tip = (self._column_tooltips[section] if section < len(self._column_tooltips)
                       else self.table.header[section])
                if section in self.order.filters:
                    tip += f"\n\nFiltered: showing rows containing \u201c{self.order.filters[section]}\u201d"
                return tip
            if role == Qt.ItemDataRole.DecorationRole and section in self.order.filters:
                return self.filter_icon
            return None
        if not 0 <= section < self._row_count:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            line = self.table.source_line(self.order.table_row(section))
            return str(line) if line is not None else "new"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole):
            row = self.order.table_row(section)
            findings = self._row_findings.get(self.table.row_id(row))
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(SEVERITY_COLOR[worst_severity(findings) or "info"]) if findings else None
            line = self.table.source_line(row)
            where = f"Line {line} of {self.file_name}" if line else "Row added in the editor"
            return where + ("\n\n" + finding_tooltip(findings) if findings else "")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.read_only and index.column() < self.table.column_count:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.read_only:
            return False
        if index.column() >= self.table.column_count:
            return False  # values past the header are kept as read, not edited in place
        text = "" if value is None else str(value)
        row = self.order.table_row(index.row())
        col = index.column()
        if self.table.cell(row, col) == text:
            return True
        if self.cell_edit_handler is not None:
            self.cell_edit_handler(row, col, text)
            return True
        row_id = self.table.row_id(row)
        self.table.set_cell(row, col, text)
        if self.cells_changed_callback is not None:
            self.cells_changed_callback(self.file_name, [row_id])
        else:
            self.dataChanged.emit(index, index)
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the view (never the file) by a column; -1 restores the file's order."""
        if column >= self.table.column_count:
            return  # extra fields of ragged records are not a column to sort by
        self.order.sort_column = None if column < 0 else column
        self.order.sort_descending = order == Qt.SortOrder.DescendingOrder
        self._relayout(sort_only=True)

    # -- updates from the window -------------------------------------------------------

    def set_column_tooltips(self, tips: list[str]) -> None:
        self._column_tooltips = tips
        if self.table.column_count:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.table.column_count - 1)

    def set_findings(self, cell_index: Mapping[tuple[int, int], list[Any]],
                     row_findings: dict[int, list[Any]] | None = None) -> None:
        """Take a (row_id, col) -> findings mapping (kept as is: it may be lazy and large)
        and the findings that concern a whole row, by row id."""
        row_findings = row_findings or {}
        rows_changed = row_findings.keys() != self._row_findings.keys()
        self._cell_findings = cell_index
        self._row_findings = row_findings
        self._finding_keys = None
        if len(cell_index) <= MAX_KEY_SET:
            # A set answers "no finding here" (most cells) without touching the lazy mapping.
            self._finding_keys = frozenset(cell_index.keys())
        if self._row_count and self.table.column_count:
            # One range signal repaints only what is on screen: cheap at any size.
            self.dataChanged.emit(
                self.index(0, 0), self.index(self._row_count - 1, self.table.column_count - 1),
                [Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole],
            )
            if rows_changed:
                self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self._row_count - 1)

    def findings_in_column(self, col: int) -> list[Any]:
        """Every finding indexed for one column (for "fix all like this")."""
        return [f for (_, c), found in self._cell_findings.items() if c == col for f in found]

    @property
    def cell_findings(self) -> Mapping[tuple[int, int], list[Any]]:
        return self._cell_findings

    def _findings(self, row: int, col: int) -> list[Any] | None:
        key = (self.table.row_id(row), col)
        if self._finding_keys is not None and key not in self._finding_keys:
            return None
        return self._cell_findings.get(key)

    def findings_at(self, row: int, col: int) -> list[Any]:
        """Findings on a table cell (table row, not view row)."""
        return list(self._findings(row, col) or ())

    def refresh_rows(self, row_ids: Collection[int]) -> None:
        """Repaint rows whose values changed (given by stable row id)."""
        if not self._row_count or not self.table.column_count:
            return
        last_col = self.table.column_count - 1
        if len(row_ids) > 64:
            self.dataChanged.emit(self.index(0, 0), self.index(self._row_count - 1, last_col))
            return
        for row_id in row_ids:
            row = self.table.row_of_id(row_id)
            view_row = None if row is None else self.order.view_row(row)
            if view_row is not None and view_row < self._row_count:
                self.dataChanged.emit(self.index(view_row, 0), self.index(view_row, last_col))

    def rebuild_rows(self) -> None:
        """After rows were inserted, deleted or moved in the table: recompute everything."""
        self.beginResetModel()
        self.order.filters = {c: t for c, t in self.order.filters.items() if c < self.table.column_count}
        self.order.rebuild(self.table, self.problem_row_ids())
        self._row_count = self.order.count(self.table)
        self._extra_columns = self._count_extra_columns()
        self.endResetModel()

    def apply_view_order(self) -> None:
        """After sort/filter settings changed on self.order."""
        self._relayout(sort_only=False)

    def _relayout(self, *, sort_only: bool) -> None:
        if not sort_only:
            self.rebuild_rows()
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.table.column_count - 1))
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        table_rows = [self.order.table_row(i.row()) for i in persistent]
        self.order.rebuild(self.table, self.problem_row_ids())
        self._row_count = self.order.count(self.table)
        new_indexes = []
        for index, row in zip(persistent, table_rows, strict=True):
            view_row = self.order.view_row(row)
            new_indexes.append(QModelIndex() if view_row is None
                               else self.index(view_row, index.column()))
        self.changePersistentIndexList(persistent, new_indexes)
        self.layoutChanged.emit()
