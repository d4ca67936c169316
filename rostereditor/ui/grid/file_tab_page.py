"""One tab: a file's grid, a strip explaining any sort/filter, and the column header menu."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rostereditor.core.wording import plural
from rostereditor.ui.grid.cell_text import display_text
from rostereditor.ui.grid.roster_table_model import RosterTableModel
from rostereditor.ui.grid.roster_table_view import RosterTableView

SIZE_SAMPLE_ROWS = 300
MIN_COLUMN_WIDTH = 60
MAX_COLUMN_WIDTH = 320


class FileTabPage(QWidget):
    """Holds one RosterTableView; sort and filter requests land here and go to its model."""

    view_order_changed = Signal()
    # (menu, column) as a column header's menu is about to open: others add to it.
    header_menu_opening = Signal(QMenu, int)

    def __init__(self, model: RosterTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.view = RosterTableView(self)
        self.view.setModel(model)
        self.view.setAccessibleName(f"{model.file_name} grid")
        self.view.setObjectName(f"grid:{model.file_name}")

        self.strip = QWidget(self)
        self.strip.setObjectName("filterStrip")
        self.strip_label = QLabel(self.strip)
        self.strip_label.setTextFormat(Qt.TextFormat.PlainText)
        clear = QPushButton("Show all rows in file order", self.strip)
        clear.setAccessibleName("Clear sort and filters")
        clear.clicked.connect(self.clear_view_order)
        strip_layout = QHBoxLayout(self.strip)
        strip_layout.setContentsMargins(8, 4, 8, 4)
        strip_layout.addWidget(self.strip_label, 1)
        strip_layout.addWidget(clear)
        self.strip.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.strip)
        layout.addWidget(self.view, 1)

        header = self.view.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._show_header_menu)
        header.setSectionsMovable(False)  # column order is the file's order
        header.setHighlightSections(True)
        # Column operations reset the model and forget sort and filters; so does the strip.
        model.modelReset.connect(self._update_strip)
        self._keep_current: tuple[int, int] | None = None
        model.order_ready.connect(self._on_order_ready)

    # -- column sizing -----------------------------------------------------------------

    def size_columns_to_content(self) -> None:
        """Fit columns to the header and the first few hundred values, within bounds."""
        metrics = QFontMetrics(self.view.font())
        header_metrics = QFontMetrics(self.view.horizontalHeader().font())
        table = self.model.table
        sample = min(len(table), SIZE_SAMPLE_ROWS)
        padding = 24
        # In file order the sampled rows are a slice of each column (zero-copy); a cell at a
        # time, or a take over a chunked column, cost a big tab's opening on the GUI thread.
        in_order = all(table.row_id(r) == r for r in range(sample))
        for col in range(table.column_count):
            values = table.column_storage(col).slice(0, sample).to_pylist() if in_order \
                else [table.cell(r, col) for r in range(sample)]
            longest = sorted({display_text(v) for v in values}, key=len, reverse=True)[:5]
            width = max([metrics.horizontalAdvance(v) for v in longest] or [0])
            width = max(width, header_metrics.horizontalAdvance(table.header[col]) + 12)
            self.view.setColumnWidth(col, max(MIN_COLUMN_WIDTH, min(MAX_COLUMN_WIDTH, width + padding)))

    # -- sort, filter, hide ------------------------------------------------------------

    def sort_by(self, col: int, descending: bool = False) -> None:
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.view.horizontalHeader().setSortIndicatorShown(True)
        # Qt draws AscendingOrder as a down arrow (the macOS way); spreadsheet users read
        # \u25b2 as A\u2192Z and \u25bc as Z\u2192A, so the indicator is given the other order.
        shown = Qt.SortOrder.AscendingOrder if descending else Qt.SortOrder.DescendingOrder
        self.view.horizontalHeader().setSortIndicator(col, shown)
        self.model.sort(col, order)  # order_ready follows (from a worker for a big table)

    def column_label(self, col: int) -> str:
        """A column's name for messages; an unnamed one is called by its position."""
        return self.model.table.header[col].strip() or f"column {col + 1}"

    def set_filter(self, col: int, text: str) -> None:
        if col >= self.model.table.column_count:
            return  # extra fields of ragged records are not a column to filter
        if text:
            self.model.order.filters[col] = text
        else:
            self.model.order.filters.pop(col, None)
        self._reapply()

    def ask_filter(self, col: int) -> None:
        current = self.model.order.filters.get(col, "")
        name = self.column_label(col)
        text, ok = QInputDialog.getText(
            self, "Filter column", f"Show only rows whose {name} contains:", text=current)
        if ok:
            self.set_filter(col, text)

    def set_problem_rows_only(self, on: bool) -> None:
        self.model.order.problem_rows_only = on
        self._reapply()

    def clear_view_order(self) -> None:
        self.model.order.clear()
        self.view.horizontalHeader().setSortIndicatorShown(False)
        self._reapply()

    def hide_column(self, col: int) -> None:
        visible = [c for c in range(self.model.columnCount()) if not self.view.isColumnHidden(c)]
        if len(visible) > 1:  # never hide the last visible column: the grid would look empty
            self.view.setColumnHidden(col, True)

    def show_all_columns(self) -> None:
        for col in range(self.model.columnCount()):
            self.view.setColumnHidden(col, False)

    def _reapply(self) -> None:
        current = self.view.currentIndex()
        # The record to keep current once the new rows are shown (a big table's come later).
        self._keep_current = (self.model.source_row(current.row()), current.column()) \
            if current.isValid() else None
        self.model.apply_view_order()

    def _on_order_ready(self) -> None:
        keep, self._keep_current = self._keep_current, None
        if keep is not None:
            view_row = self.model.view_row(keep[0])
            if view_row is not None and view_row < self.model.rowCount():
                self.view.setCurrentIndex(self.model.index(view_row, keep[1]))
        self._after_order_change()

    def _after_order_change(self) -> None:
        self._update_strip()
        self.view_order_changed.emit()

    def _update_strip(self) -> None:
        order = self.model.order
        if not order.active:
            self.strip.hide()
            return
        parts = []
        if order.filtering:
            parts.append(f"Showing {self.model.rowCount():,} of {plural(len(self.model.table), 'row')}")
        if order.problem_rows_only:
            parts.append("only rows with problems")
        parts.extend(f"{self.column_label(c)} contains \u201c{t}\u201d"
                     for c, t in order.filters.items())
        if order.sort_column is not None:
            way = "Z\u2192A" if order.sort_descending else "A\u2192Z"
            parts.append(f"sorted by {self.column_label(order.sort_column)} {way}")
        parts.append("the file keeps its own row order when saved")
        self.strip_label.setText(" \u00b7 ".join(parts))
        self.strip.show()

    def _show_header_menu(self, pos: QPoint) -> None:
        header = self.view.horizontalHeader()
        col = header.logicalIndexAt(pos)
        if col < 0:
            return
        self.header_menu(col).popup(header.mapToGlobal(pos))

    def header_menu(self, col: int) -> QMenu:
        """A column header's right-click menu: sort, filter, hide, and what others add."""
        menu = QMenu(self)
        if col >= self.model.table.column_count:
            menu.addAction("Values past the last column of the header").setEnabled(False)
            return menu
        name = self.column_label(col)
        menu.addAction(f"Sort by {name} A\u2192Z", lambda: self.sort_by(col))
        menu.addAction(f"Sort by {name} Z\u2192A", lambda: self.sort_by(col, descending=True))
        menu.addSeparator()
        menu.addAction(f"Filter {name}\u2026", lambda: self.ask_filter(col))
        if col in self.model.order.filters:
            menu.addAction(f"Remove filter on {name}", lambda: self.set_filter(col, ""))
        if self.model.order.active:
            menu.addAction("Show all rows in file order", self.clear_view_order)
        menu.addSeparator()
        menu.addAction(f"Hide {name}", lambda: self.hide_column(col))
        hidden = [c for c in range(self.model.columnCount()) if self.view.isColumnHidden(c)]
        if hidden:
            menu.addAction(f"Show all columns ({len(hidden)} hidden)", self.show_all_columns)
        self.header_menu_opening.emit(menu, col)
        return menu
