"""RosterTableModel: a Qt view of one file of the session, exact text, findings indexed by cell.

It translates and nothing more: the session's events become Qt's signals (cells_changed ->
dataChanged for those rows, rows_changed -> a reset, result_changed -> repaint of the rows
whose highlights differ), and an edit typed into a cell goes to its CellEditSink. Sort and
filter live in ViewRowOrder, tooltips in CellTooltips, indexed findings in CellFindings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, Protocol

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QIcon

from rostereditor.core.background_work import InlineRunner, Job, JobSlot
from rostereditor.core.session import (
    CellsChanged,
    ColumnsChanged,
    EditSession,
    ResultChanged,
    RowsChanged,
    VersionChanged,
)
from rostereditor.core.table import Table
from rostereditor.core.validation import Finding
from rostereditor.ui.findings.severity_icons import severity_icon
from rostereditor.ui.findings.severity_style import SEVERITY_BRUSH, SEVERITY_COLOR
from rostereditor.ui.grid.cell_findings import CellFindings, CellKey, FindingsChange
from rostereditor.ui.grid.cell_text import SPACE_MARK, display_text
from rostereditor.ui.grid.cell_tooltips import EXTRA_FIELD_TIP, CellTooltips, finding_tooltip
from rostereditor.ui.grid.view_row_order import ShownRows, ViewRowOrder

__all__ = ["SPACE_MARK", "CellEditSink", "CellMarks", "RosterTableModel", "display_text"]

AnyIndex = QModelIndex | QPersistentModelIndex
_ANSWERED_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole,
})
# More changed rows than this in one event-loop turn: repaint the grid rather than row by row.
ROW_BY_ROW_LIMIT = 64
# From this many rows a sort or filter is worked out in a worker (sorting 4.7 million rows takes
# seconds); the rows stay in their old order until the new one is ready.
BACKGROUND_ORDER_ROWS = 200_000


class CellMarks(Protocol):
    """Marks on cells besides findings, e.g. what changed since a compared bundle (by row id)."""

    def brush(self, file_name: str, row_id: int, col: int) -> QBrush | None: ...

    def note(self, file_name: str, row_id: int, col: int) -> str | None: ...


class CellEditSink(Protocol):
    """Where a value typed into a cell goes (the editing layer: it makes it an undo step)."""

    def edit_cell(self, file_name: str, row: int, col: int, text: str) -> None: ...


class RosterTableModel(QAbstractTableModel):
    """Adapts a Table for a QTableView. data() is O(1): a table lookup plus a set lookup.

    Rows seen by Qt are *view rows*; source_row()/view_row() translate to and from the
    table's rows through the sort/filter mapping, which never reorders the table itself.
    Without an edit sink the model is read-only (the manifest).
    """

    order_ready = Signal()  # a sort or filter has been applied (at once, or from a worker)
    # New findings are in: whatever describes the current cell (the status bar) says it again.
    findings_changed = Signal()

    def __init__(self, table: Table, file_name: str, edits: CellEditSink | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.file_name = file_name
        self.edits = edits
        self.order = ViewRowOrder()
        self.findings = CellFindings()
        self.tooltips = CellTooltips()
        self.filter_icon: QIcon | None = None
        self.marks: CellMarks | None = None  # painted under findings, which matter more
        self._column_tip: Callable[[int], str] | None = None
        self._session: EditSession | None = None
        # Sorts and filters of big tables are worked out here, off the GUI thread.
        self._ordering: JobSlot | None = None
        self._row_count = len(table)
        self._extra_columns = self._count_extra_columns()
        # What this event-loop turn already asked the views to repaint: row id -> (first, last)
        # column, or None for the whole grid. An edit and the re-check it causes then repaint
        # the row once; the views paint after the turn, so they see both changes.
        self._painted: dict[int, tuple[int, int]] | None = {}
        self._turn = QTimer(self)
        self._turn.setSingleShot(True)
        self._turn.setInterval(0)
        self._turn.timeout.connect(self._new_turn)

    @property
    def read_only(self) -> bool:
        return self.edits is None

    # -- the session's events ------------------------------------------------------------

    def attach(self, session: EditSession) -> None:
        """Follow the session: its edits, structure changes, results and version."""
        self._session = session
        if not isinstance(session.runner, InlineRunner):
            self._ordering = JobSlot(session.runner)
        self.tooltips.hints = lambda row, col: session.reference_suggestions(self.file_name, row, col)
        self._column_tip = lambda col: session.column_tooltip(self.file_name, self.table.header[col])
        events = session.events
        events.cells_changed.connect(self._on_cells_changed)
        events.rows_changed.connect(self._on_rows_changed)
        events.columns_changed.connect(self._on_columns_changed)
        events.result_changed.connect(self._on_result_changed)
        events.version_changed.connect(self._on_version_changed)
        self._on_result_changed(ResultChanged(session.result))

    def detach(self) -> None:
        """Stop following the session (the tab is closing)."""
        session, self._session = self._session, None
        self._turn.stop()
        if self._ordering is not None:
            self._ordering.cancel()
        if session is None:
            return
        events = session.events
        events.cells_changed.disconnect(self._on_cells_changed)
        events.rows_changed.disconnect(self._on_rows_changed)
        events.columns_changed.disconnect(self._on_columns_changed)
        events.result_changed.disconnect(self._on_result_changed)
        events.version_changed.disconnect(self._on_version_changed)

    def _on_cells_changed(self, event: CellsChanged) -> None:
        if event.file == self.file_name and self.table.column_count:
            span = ((min(event.columns), max(event.columns)) if event.columns
                    else (0, self.table.column_count - 1))
            self.repaint_cells(dict.fromkeys(event.row_ids, span))

    def _on_rows_changed(self, event: RowsChanged) -> None:
        if event.file == self.file_name:
            self.rebuild_rows()

    def _on_columns_changed(self, event: ColumnsChanged) -> None:
        if event.file == self.file_name:
            self.beginResetModel()
            self.order.forget_columns()
            self._reorder()
            self.endResetModel()

    def _on_result_changed(self, event: ResultChanged) -> None:
        result = event.result
        index = result.file_findings(self.file_name) if result is not None else None
        self._show_findings_change(self.findings.replace_index(index))

    def _on_version_changed(self, _event: VersionChanged) -> None:
        if self.table.column_count:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.table.column_count - 1)

    # -- mapping -----------------------------------------------------------------------

    def source_row(self, view_row: int) -> int:
        return self.order.table_row(view_row)

    def view_row(self, source_row: int) -> int | None:
        return self.order.view_row(source_row)

    def is_extra_column(self, col: int) -> bool:
        return col >= self.table.column_count

    def _count_extra_columns(self) -> int:
        """Columns past the header that ragged records fill; shown read-only so none is hidden."""
        return max((len(self.table.extra_fields(r)) for r in self.table.ragged_rows()), default=0)

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
        row_id = self.table.row_id(row)
        if role == Qt.ItemDataRole.BackgroundRole:
            # Painting asks every visible cell: a severity lookup, no Finding objects.
            worst = self.findings.worst_at(row_id, col)
            if worst:
                return SEVERITY_BRUSH.get(worst)
            return self.marks.brush(self.file_name, row_id, col) if self.marks else None
        findings = self.findings.at(row_id, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self.tooltips.cell(row, col, self.table.cell(row, col), findings)
            note = self.marks.note(self.file_name, row_id, col) if self.marks else None
            return "\n\n".join(t for t in (tip, note) if t) or None
        return finding_tooltip(findings) if findings else None  # AccessibleDescriptionRole

    def _extra_data(self, row: int, col: int, role: int) -> Any:
        extras = self.table.extra_fields(row)
        position = col - self.table.column_count
        if position >= len(extras):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return display_text(extras[position])
        if role == Qt.ItemDataRole.EditRole:
            return extras[position]
        if role == Qt.ItemDataRole.BackgroundRole:
            return SEVERITY_BRUSH.get("error")
        return EXTRA_FIELD_TIP  # tooltip and accessible description

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            return self._column_header(section, role)
        if not 0 <= section < self._row_count:
            return None
        row = self.order.table_row(section)
        if role == Qt.ItemDataRole.DisplayRole:
            line = self.table.source_line(row)
            return str(line) if line is not None else "new"
        if role == Qt.ItemDataRole.DecorationRole:
            # A dot beside the line number marks every record with a problem, at any scroll.
            worst = self.findings.worst_in_row(self.table.row_id(row))
            return severity_icon(worst) if worst else None
        if role == Qt.ItemDataRole.ForegroundRole:
            worst = self.findings.worst_at(self.table.row_id(row), -1)
            return QBrush(SEVERITY_COLOR[worst]) if worst else None
        if role == Qt.ItemDataRole.ToolTipRole:
            findings = self.findings.of_row(self.table.row_id(row))
            return CellTooltips.row_header(self.table.source_line(row), self.file_name, findings)
        return None

    def _column_header(self, section: int, role: int) -> Any:
        if self.table.column_count <= section < self.columnCount():
            if role == Qt.ItemDataRole.DisplayRole:
                return f"(extra {section - self.table.column_count + 1})"
            return EXTRA_FIELD_TIP if role == Qt.ItemDataRole.ToolTipRole else None
        if not 0 <= section < self.table.column_count:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.table.header[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = self._column_tip(section) if self._column_tip else self.table.header[section]
            if section in self.order.filters:
                tip += f"\n\nFiltered: showing rows containing \u201c{self.order.filters[section]}\u201d"
            return tip
        if role == Qt.ItemDataRole.DecorationRole and section in self.order.filters:
            return self.filter_icon
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.read_only and index.column() < self.table.column_count:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Hand a typed value to the edit sink; the table changes (and this model hears of it)
        only through the session, so every edit is an undo step."""
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or self.edits is None:
            return False
        if index.column() >= self.table.column_count:
            return False  # values past the header are kept as read, not edited in place
        text = "" if value is None else str(value)
        row = self.order.table_row(index.row())
        if self.table.cell(row, index.column()) != text:
            self.edits.edit_cell(self.file_name, row, index.column(), text)
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the view (never the file) by a column; -1 restores the file's order."""
        if column >= self.table.column_count:
            return  # extra fields of ragged records are not a column to sort by
        self.order.sort_column = None if column < 0 else column
        self.order.sort_descending = order == Qt.SortOrder.DescendingOrder
        self._order_later(reset=False)

    # -- findings ----------------------------------------------------------------------

    def set_findings(self, cell_index: Mapping[CellKey, list[Finding]],
                     row_findings: dict[int, list[Finding]] | None = None) -> None:
        """Take findings as a (row_id, col) -> findings mapping and the findings that concern a
        whole row, by row id (tests and tools; results come through the session)."""
        self._show_findings_change(self.findings.replace(cell_index, row_findings or {},
                                                         self.table))

    def _show_findings_change(self, change: FindingsChange | None) -> None:
        """Repaint what looks different after the findings changed."""
        if change is None:
            self.repaint_all()
            self.findings_changed.emit()
            return
        spans: dict[int, tuple[int, int]] = {}
        for row_id, col in change.cells:
            first, last = spans.get(row_id, (col, col))
            spans[row_id] = (min(first, col), max(last, col))
        self.repaint_cells(spans)
        # The row header's mark follows the row's cells as well as its own findings.
        for view_row in self._view_rows(change.rows | spans.keys()):
            self.headerDataChanged.emit(Qt.Orientation.Vertical, view_row, view_row)
        self.findings_changed.emit()

    def findings_at(self, row: int, col: int) -> list[Finding]:
        """Findings on a table cell (table row, not view row)."""
        return list(self.findings.at(self.table.row_id(row), col) or ())

    def problem_row_ids(self) -> np.ndarray:
        return self.findings.problem_row_ids()

    # -- repainting --------------------------------------------------------------------

    def repaint_cells(self, spans: Mapping[int, tuple[int, int]]) -> None:
        """Repaint these cells (row id -> first and last column), each row once per turn."""
        painted = self._painted
        if painted is None or not self._row_count or not self.table.column_count:
            return
        wanted = {row_id: span for row_id, span in spans.items()
                  if not _covers(painted.get(row_id), span)}
        if len(wanted) > ROW_BY_ROW_LIMIT:
            self.repaint_all()
            return
        last_col = self.table.column_count - 1
        for row_id, span in wanted.items():
            # Other cells of a row already repainted: one span covering both.
            first, last = _union(painted.get(row_id), span)
            painted[row_id] = (first, last)
            for view_row in self._view_rows([row_id]):
                self.dataChanged.emit(self.index(view_row, min(first, last_col)),
                                      self.index(view_row, min(last, last_col)))
        if wanted:
            self._turn.start()

    def repaint_all(self) -> None:
        """One range signal: the views repaint what is on screen, cheap at any size."""
        if self._painted is None or not self._row_count or not self.table.column_count:
            return
        self._painted = None
        self.dataChanged.emit(self.index(0, 0),
                              self.index(self._row_count - 1, self.table.column_count - 1))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self._row_count - 1)
        self._turn.start()

    def _new_turn(self) -> None:
        self._painted = {}

    def _view_rows(self, row_ids: Iterable[int]) -> list[int]:
        found = []
        for row_id in row_ids:
            row = self.table.row_of_id(row_id)
            view_row = None if row is None else self.order.view_row(row)
            if view_row is not None and view_row < self._row_count:
                found.append(view_row)
        return sorted(found)

    # -- structure ---------------------------------------------------------------------

    def rebuild_rows(self) -> None:
        """After rows were inserted, deleted or moved in the table: recompute everything.

        A big sorted or filtered table shows its records in the order they had (rows added at
        the end) at once, and the new order follows from a worker.
        """
        later = self._ordering is not None and self.order.active \
            and len(self.table) >= BACKGROUND_ORDER_ROWS
        if self._ordering is not None:
            self._ordering.cancel()  # its rows are the table's rows before this change
        self.beginResetModel()
        if later:
            self._painted = {}
            self._turn.stop()
            self.order.apply(self.order.carried_over(self.table), self.table.row_ids())
            self._row_count = self.order.count(self.table)
            self._extra_columns = self._count_extra_columns()
        else:
            self._reorder()
        self.endResetModel()
        if later:
            self._order_later(reset=True)

    def apply_view_order(self) -> None:
        """After filter (or sort) settings changed on self.order: order_ready follows, at once
        for a small table, from a worker for a big one (the old rows stay shown until then)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.table.column_count - 1))
        self._order_later(reset=True)

    def is_ordering(self) -> bool:
        """A sort or filter is being worked out in the background."""
        return self._ordering is not None and self._ordering.is_running()

    def _order_later(self, *, reset: bool) -> None:
        """Work out the view order: in place below BACKGROUND_ORDER_ROWS, else in a worker."""
        if self._ordering is None or len(self.table) < BACKGROUND_ORDER_ROWS:
            if reset:
                self.rebuild_rows()
            else:
                self._relayout(self.order.plan(self.table, self.problem_row_ids)(),
                           self.table.row_ids())
            self.order_ready.emit()
            return
        plan = self.order.plan(self.table, self.problem_row_ids)
        rows_then = self.table.row_ids()
        self._ordering.start(Job(lambda _progress: plan(),
                                 lambda rows: self._order_ready(rows, rows_then, reset=reset),
                                 name="ordering rows"))

    def _order_ready(self, rows: ShownRows | None, rows_then: np.ndarray, *,
                     reset: bool) -> None:
        if self.table.row_ids() is not rows_then:
            self._order_later(reset=reset)  # rows came or went meanwhile: work it out again
            return
        if reset:
            self.beginResetModel()
            self._painted = {}
            self._turn.stop()
            self.order.apply(rows, rows_then)
            self._row_count = self.order.count(self.table)
            self.endResetModel()
        else:
            self._relayout(rows, rows_then)
        self.order_ready.emit()

    def _reorder(self) -> None:
        self._painted = {}  # a reset repaints everything anyway
        self._turn.stop()
        self.order.rebuild(self.table, self.problem_row_ids)
        self._row_count = self.order.count(self.table)
        self._extra_columns = self._count_extra_columns()

    def _relayout(self, rows: ShownRows | None, row_ids: np.ndarray) -> None:
        """Take a new order keeping selections and the current cell on the same records."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        table_rows = [self.order.table_row(i.row()) for i in persistent]
        self.order.apply(rows, row_ids)
        self._row_count = self.order.count(self.table)
        new_indexes = []
        for index, row in zip(persistent, table_rows, strict=True):
            view_row = self.order.view_row(row)
            new_indexes.append(QModelIndex() if view_row is None
                               else self.index(view_row, index.column()))
        self.changePersistentIndexList(persistent, new_indexes)
        self.layoutChanged.emit()


def _covers(painted: tuple[int, int] | None, span: tuple[int, int]) -> bool:
    return painted is not None and painted[0] <= span[0] and span[1] <= painted[1]


def _union(painted: tuple[int, int] | None, span: tuple[int, int]) -> tuple[int, int]:
    return span if painted is None else (min(painted[0], span[0]), max(painted[1], span[1]))
