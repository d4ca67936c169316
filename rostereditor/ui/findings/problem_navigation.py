"""Moving around the bundle: to a cell, a finding, the next problem (F8), a line, an ID."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QInputDialog

from rostereditor.core.validation import Finding
from rostereditor.ui.findings.find_id_dialog import FindIdDialog
from rostereditor.ui.findings.severity_style import SEVERITY_RANK
from rostereditor.ui.grid.file_tab_page import FileTabPage
from rostereditor.ui.grid.roster_table_model import RosterTableModel
from rostereditor.ui.window.action_ids import ActionId

if TYPE_CHECKING:
    from rostereditor.ui.window.main_window import MainWindow


class ProblemNavigation(QObject):
    """Selects and scrolls to cells; rows and columns are table positions, not view positions."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.find_id_dialog: FindIdDialog | None = None
        # The finding F8 last went to and the cell it selected (file, table row, column):
        # while the user stays there, the next F8 continues from that finding, so several
        # findings on one cell or in the header row are each visited.
        self._last: tuple[Finding, str, int, int] | None = None

    def go_to_cell(self, file_name: str, row: int, col: int) -> bool:
        """Show a table cell: switch tab, drop filters hiding it, select it and scroll to it."""
        page = self._window.page(file_name)
        if page is None or not 0 <= row < len(page.model.table):
            return False
        self._window.tabs.setCurrentWidget(page)
        view_row = page.model.view_row(row)
        if view_row is None or view_row >= page.model.rowCount():
            page.clear_view_order()
            self._window.action(ActionId.PROBLEM_ROWS_ONLY).setChecked(False)
            view_row = page.model.view_row(row)
        col = max(0, min(col, page.model.columnCount() - 1))
        if page.view.isColumnHidden(col):
            page.view.setColumnHidden(col, False)
        index = page.model.index(view_row or 0, col)
        page.view.setCurrentIndex(index)
        page.view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        page.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def go_to_finding(self, finding: Finding) -> bool:
        page = self._window.page(finding.file) if finding.file else None
        if self._window.bundle is None or page is None or finding.file is None:
            return False
        table = page.model.table
        row = table.row_of_id(finding.row_id) if finding.row_id is not None else None
        if row is None and finding.line is not None and finding.line > 1:
            row = table.row_for_line(finding.line)
        current = page.view.currentIndex()
        col = finding.column_index
        if col is None:
            col = current.column() if current.isValid() else 0
        if row is None:
            if finding.row_id is not None or (finding.line or 1) > 1:
                self._window.tabs.setCurrentWidget(page)
                return False  # a record deleted since the check
            # About the header row: show the column it names, keeping the row in view.
            row = page.model.source_row(current.row()) if current.isValid() else 0
            return self.go_to_cell(finding.file, row, col) if len(table) else self._show_tab(page)
        return self.go_to_cell(finding.file, row, col)

    def _show_tab(self, page: FileTabPage) -> bool:
        self._window.tabs.setCurrentWidget(page)
        return True

    def go_to_next_problem(self, backwards: bool = False) -> Finding | None:
        """F8 / Shift+F8: the next problem after the current cell in the problems list."""
        window = self._window
        panel = window.findings_panel
        window.flush_pending_updates()
        name = window.current_file_name()
        view = window.current_view()
        model = window.model(name) if name is not None else None
        here = None
        if name is not None and view is not None and model is not None \
                and view.currentIndex().isValid():
            here = (name, model.source_row(view.currentIndex().row()), view.currentIndex().column())
        if self._last is not None and here == self._last[1:]:
            key = panel.sort_key(self._last[0])
        elif here is not None and model is not None:
            key = panel.position_key(here[0], model.table.source_line(here[1]), here[2],
                                     model.table.row_id(here[1]))
        elif name is not None:
            key = panel.position_key(name, 0, -2)
        else:
            key = -1  # before every finding
        finding = panel.next_after(key, backwards)
        attempts = len(panel.shown_findings())
        # Skip bundle-level findings, which have no cell to go to.
        while finding is not None and attempts > 0 and not self.go_to_finding(finding):
            key = panel.sort_key(finding)
            finding = panel.next_after(key, backwards)
            attempts -= 1
        if finding is None or attempts <= 0:
            self._last = None
            window.statusBar().showMessage("No problems to go to.", 3000)
            return None
        self._remember(finding)
        panel.select_finding(finding)
        window.statusBar().showMessage(finding.message, 8000)
        return finding

    def _remember(self, finding: Finding) -> None:
        view = self._window.current_view()
        name = self._window.current_file_name()
        model = self._window.model(name) if name is not None else None
        if view is None or model is None or name is None or not view.currentIndex().isValid():
            self._last = None
            return
        index = view.currentIndex()
        self._last = (finding, name, model.source_row(index.row()), index.column())

    def go_to_line(self, line: int, file_name: str | None = None) -> bool:
        """Select the record at a physical line of the original file (as vendors report it),
        on the cell with its worst problem when it has one."""
        file_name = file_name or self._window.current_file_name()
        page = self._window.page(file_name or "")
        if page is None:
            return False
        row = page.model.table.row_for_line(line)
        if row is None:
            self._window.statusBar().showMessage(
                f"Line {line} is the header, or not in {file_name}.", 4000)
            return False
        col = problem_column(page.model, row)
        if col is None:
            current = page.view.currentIndex()
            col = current.column() if current.isValid() else 0
        return self.go_to_cell(page.model.file_name, row, col)

    def ask_go_to_line(self) -> None:
        name = self._window.current_file_name()
        page = self._window.page(name or "")
        if name is None or page is None:
            return
        table = page.model.table
        last = max(2, (table.source_line(len(table) - 1) or 2) if len(table) else 2)
        # Start at the current cell's line, as a spreadsheet's Go To does (not always line 2).
        current = page.view.currentIndex()
        here = table.source_line(page.model.source_row(current.row())) if current.isValid() else None
        line, ok = QInputDialog.getInt(self._window, "Go to line",
                                       f"Line number in {name} (as in a vendor's report):",
                                       here or 2, 1, max(last, 2) + 1000000)
        if ok:
            self.go_to_line(line, name)

    def show_find_id(self) -> None:
        window = self._window
        if window.bundle is None:
            return
        if self.find_id_dialog is None or self.find_id_dialog.bundle is not window.bundle:
            self.find_id_dialog = FindIdDialog(window.bundle, window)
            self.find_id_dialog.hit_chosen.connect(self.go_to_cell)
        view = window.current_view()
        if view is not None and view.currentIndex().isValid():
            self.find_id_dialog.query.setText(str(view.currentIndex().data(Qt.ItemDataRole.EditRole)))
        self.find_id_dialog.show()
        self.find_id_dialog.raise_()
        self.find_id_dialog.query.selectAll()
        self.find_id_dialog.query.setFocus()

    def close_find_id(self) -> None:
        """The bundle is going away; its Find ID results would point at nothing."""
        if self.find_id_dialog is not None:
            self.find_id_dialog.close()
            self.find_id_dialog = None

    def show_reader_notices(self) -> None:
        """The banner's Details: the problems panel filtered to what the reader noticed."""
        panel = self._window.findings_panel
        panel.show()
        panel.raise_()
        panel.search.setText("")
        rule_combo = panel.rule_filter
        for i in range(rule_combo.count()):
            if str(rule_combo.itemData(i) or "").startswith("read."):
                rule_combo.setCurrentIndex(i)
                break


def problem_column(model: RosterTableModel, row: int) -> int | None:
    """The leftmost cell of a table row holding its most serious problem, or None."""
    best: tuple[int, int] | None = None
    for col in range(model.table.column_count):
        findings = model.findings_at(row, col)
        if findings:
            rank = max(SEVERITY_RANK.get(f.severity, 0) for f in findings)
            if best is None or rank > best[0]:
                best = (rank, col)
    return best[1] if best is not None else None
